
/// One table (real or synthetic) as SDMetrics' DiagnosticReport sees it.
///
/// The validity metrics read decoded values, as the QualityReport does (``MetricColumn``, with
/// labels equal exactly where pandas' values are equal); the structure metric reads each column's
/// pandas dtype; and a datetime column that SDMetrics receives as text is parsed by the report,
/// because whether that parse succeeds changes what SDMetrics computes (see ``DiagnosticReport``).
public struct DiagnosticTable: Sendable, Equatable {
    /// A column name with its pandas dtype.
    public struct StorageColumn: Sendable, Equatable, Hashable {
        public var name: String
        public var dtype: PandasDType

        public init(name: String, dtype: PandasDType) {
            self.name = name
            self.dtype = dtype
        }
    }

    /// Decoded values of the metadata columns that a validity metric reads, matched by name:
    /// numerical (and already-typed datetime, in nanoseconds) columns as numbers,
    /// categorical/ordinal/boolean columns as labels, key columns as labels or numbers.
    public var columns: [MetricColumn]
    /// Every column of the DataFrame, in order, with its dtype as read (a datetime column given
    /// as text is `object`; the report turns it into `datetime64[ns]` when it parses).
    public var storage: [StorageColumn]
    /// Datetime columns that arrive as text (a CSV), by name: the report parses them with the
    /// metadata's `datetime_format`, as SDMetrics does. A datetime column not listed here is
    /// taken as already typed (`datetime64[ns]`), with its values in ``columns``.
    public var datetimeText: [String: [String?]]

    public init(columns: [MetricColumn], storage: [StorageColumn], datetimeText: [String: [String?]] = [:]) {
        self.columns = columns
        self.storage = storage
        self.datetimeText = datetimeText
    }

    /// The number of rows: of the first column, else of the first datetime text.
    var rowCount: Int { columns.first?.data.count ?? datetimeText.values.first?.count ?? 0 }

    func column(_ name: String) -> MetricColumn? { columns.first { $0.name == name } }
}

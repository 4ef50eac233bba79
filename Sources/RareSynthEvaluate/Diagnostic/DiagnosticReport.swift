/// SDMetrics 0.32's single-table DiagnosticReport: Data Validity, Data Structure and their mean.
///
/// Sources (SDMetrics 0.32.0): `reports/single_table/diagnostic_report.py`, `reports/base_report.py`
/// (`generate`, `convert_datetimes`), `reports/single_table/_properties/{data_validity,structure,
/// base}.py`, the single-column metrics named below and `single_table/table_structure.py`.
/// - **Data Validity** = mean of the detail scores that are not NaN, one detail per (column,
///   metric), columns in metadata order:
///   - `numerical` → ``BoundaryAdherence``;
///   - `datetime` → ``BoundaryAdherence``, then ``DatetimeFormatAdherence`` when the metadata has
///     a `datetime_format`;
///   - `categorical`, `ordinal`, `boolean` → ``CategoryAdherence``;
///   - `id` and any other sdtype → ``KeyUniqueness`` only when the column is the primary key or an
///     alternate key, else nothing (an `id` column with a `regex_format` would also get
///     RegexFormatAdherence, which is not reproduced: such metadata is not modelled here);
///   - a composite primary key gets one KeyUniqueness detail first, over all its columns;
///   - a key of sdtype `numerical` (or another scored sdtype) gets that sdtype's metric, **not**
///     KeyUniqueness;
///   - the `sequence_index` column gets no detail at all.
/// - **Data Structure** = ``TableStructure`` over every column of both DataFrames.
/// - **Overall** = mean of the two property scores, ignoring one that is NaN (`np.nanmean`).
///
/// **Datetimes given as text** (``DiagnosticTable/datetimeText``), as `BaseReport.generate` treats
/// them: the real column is parsed with the metadata's format, then the synthetic one; when the
/// real column fails to parse (a present cell does not match, or there is no format), **neither**
/// is converted; when only the synthetic one fails, only the real one is. A converted column's
/// dtype becomes `datetime64[ns]` for Data Structure. BoundaryAdherence then compares
/// nanoseconds when both sides converted, is an error (NaN) when only the real side did
/// (`pd.to_numeric` rejects the text), and compares the texts by code point when the real side
/// did not (the bounds are the smallest and largest real strings). DatetimeFormatAdherence
/// always reads the original text.
///
/// SDMetrics reports a metric that raises as NaN with an error message and leaves it out of the
/// mean; this type does the same with a `nil` score and a ``DiagnosticError``.
public struct DiagnosticReport: Sendable, Equatable {
    /// The mean of the two property scores that are not NaN; `nil` when both are.
    public var overall: Double?
    /// The Data Validity property; `nil` when no detail has a score.
    public var dataValidity: Double?
    /// The Data Structure property (TableStructure); `nil` when neither table has a column.
    public var dataStructure: Double?
    /// One row per (column, metric), in SDMetrics' order (`get_details('Data Validity')`).
    public var validityDetails: [ValidityDetail]
}

/// The metric of a Data Validity detail.
public enum ValidityMetric: String, Sendable, Hashable, Codable {
    case boundaryAdherence = "BoundaryAdherence"
    case categoryAdherence = "CategoryAdherence"
    case keyUniqueness = "KeyUniqueness"
    case datetimeFormatAdherence = "DatetimeFormatAdherence"
}

/// One row of the Data Validity details.
public struct ValidityDetail: Sendable, Equatable {
    /// The column, or the columns of a composite primary key.
    public var columns: [String]
    public var metric: ValidityMetric
    /// The score, or `nil` where SDMetrics has NaN.
    public var score: Double?
    public var error: DiagnosticError?
}

/// Why a Data Validity metric could not score a column (SDMetrics' `Error` column).
public enum DiagnosticError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A table has no data for a metadata column (SDMetrics: `KeyError`).
    case missingColumn(String)
    /// The real datetime column was parsed but the synthetic text was not (SDMetrics:
    /// `ValueError` from `pd.to_numeric`).
    case unparsedSyntheticDatetime(column: String)
    /// Text compared with a missing value or missing bounds (SDMetrics: `TypeError`).
    case incomparableText(column: String)
    /// The `datetime_format` is not a pattern ``DatetimeFormatAdherence`` can read.
    case unsupportedDatetimeFormat(column: String, format: String)

    public var description: String {
        switch self {
        case .missingColumn(let name): "KeyError: '\(name)'"
        case .unparsedSyntheticDatetime(let name):
            "ValueError: the synthetic values of datetime column '\(name)' do not all match its datetime_format"
        case .incomparableText(let name):
            "TypeError: column '\(name)' compares text with missing values"
        case let .unsupportedDatetimeFormat(name, format):
            "ValueError: datetime_format '\(format)' of column '\(name)' is not supported"
        }
    }
}

/// How SDMetrics sees a column: the `sdtype` of its metadata, restricted to the four it scores.
///
/// SDMetrics 0.32's quality report only scores these sdtypes (`ordinal` is scored exactly like
/// `categorical`). Columns of any other sdtype (`id`, PII, `unknown`) get no detail row and take
/// part in no pair, so a caller leaves them out instead of giving them a kind.
public enum MetricColumnKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Continuous numbers: KSComplement for its shape, CorrelationSimilarity with another
    /// continuous column, and 10 equal-width bins in a pair with a discrete column.
    case numerical
    /// Timestamps, scored exactly like `numerical` on their nanoseconds since the Unix epoch
    /// (pandas' `datetime64[ns]` as int64). KSComplement does not round them (see ``KSComplement``).
    case datetime
    /// Discrete labels: TVComplement for its shape, ContingencySimilarity in every pair.
    case categorical
    /// Scored exactly like `categorical` (two labels plus missing).
    case boolean

    /// `numerical` and `datetime`: the kinds SDMetrics calls continuous.
    public var isContinuous: Bool { self == .numerical || self == .datetime }
}

/// The values of one column, already decoded the way pandas would hold them.
///
/// Decoding stays with the caller so this module depends on no reader or schema: a caller turns
/// cells into numbers (datetimes into nanoseconds since 1970-01-01T00:00:00Z) or into category
/// labels. Category labels are compared as exact strings, whereas SDMetrics compares pandas
/// values, so a caller must give equal values equal labels: `1`, `1.0` and `1.00` in a numeric
/// column are one category to pandas, and so are `TRUE`/`True`/`true` in a boolean one.
public enum MetricColumnData: Sendable, Equatable {
    /// Numbers; `nil` (or NaN, as in pandas) is missing.
    case numerical([Double?])
    /// Category labels; `nil` is missing.
    case categorical([String?])

    /// The number of rows, missing ones included.
    public var count: Int {
        switch self {
        case .numerical(let values): values.count
        case .categorical(let labels): labels.count
        }
    }
}

/// One named column of a real or synthetic table, as the quality report consumes it.
public struct MetricColumn: Sendable, Equatable {
    public var name: String
    public var kind: MetricColumnKind
    public var data: MetricColumnData

    /// - Precondition: continuous kinds carry `.numerical` data and discrete kinds `.categorical`
    ///   data (convert booleans and numeric categories to labels first).
    public init(name: String, kind: MetricColumnKind, data: MetricColumnData) {
        switch (kind.isContinuous, data) {
        case (true, .numerical), (false, .categorical): break
        default: preconditionFailure("column '\(name)': \(kind) needs \(kind.isContinuous ? "numerical" : "categorical") data")
        }
        self.name = name
        self.kind = kind
        self.data = data
    }

    /// A numerical column.
    public static func numerical(_ name: String, _ values: [Double?]) -> MetricColumn {
        MetricColumn(name: name, kind: .numerical, data: .numerical(values))
    }

    /// A datetime column from nanoseconds since the Unix epoch, the unit SDMetrics computes in.
    public static func datetime(_ name: String, nanosecondsSinceEpoch values: [Double?]) -> MetricColumn {
        MetricColumn(name: name, kind: .datetime, data: .numerical(values))
    }

    /// A datetime column from seconds since the Unix epoch. Whole days of any year, and whole
    /// seconds of years 1825–2115 (|s| < 2^53 / 5^9), convert to nanoseconds exactly, so results
    /// equal SDMetrics' int64 arithmetic.
    public static func datetime(_ name: String, secondsSinceEpoch values: [Double?]) -> MetricColumn {
        datetime(name, nanosecondsSinceEpoch: values.map { $0.map { $0 * 1e9 } })
    }

    /// A categorical column.
    public static func categorical(_ name: String, _ labels: [String?]) -> MetricColumn {
        MetricColumn(name: name, kind: .categorical, data: .categorical(labels))
    }

    /// A boolean column; the labels are `"true"` and `"false"`.
    public static func boolean(_ name: String, _ values: [Bool?]) -> MetricColumn {
        MetricColumn(name: name, kind: .boolean, data: .categorical(values.map { $0.map { $0 ? "true" : "false" } }))
    }
}

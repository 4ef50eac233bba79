/// SDMetrics 0.32's single-table QualityReport: Column Shapes, Column Pair Trends and their mean.
///
/// Sources (SDMetrics 0.32.0): `reports/single_table/quality_report.py`, `reports/base_report.py`,
/// `reports/single_table/_properties/{base,column_shapes,column_pair_trends}.py`,
/// `reports/utils.py`. The rules are spelled out in this module's README; in short:
/// - **Column Shapes** = mean of the per-column scores that are not NaN: KSComplement for
///   numerical/datetime columns, TVComplement for categorical/boolean ones.
/// - **Column Pair Trends** = mean of the pair scores that *meet the threshold*: Pearson
///   CorrelationSimilarity for two continuous columns counts only when |ρ_real| > 0.5,
///   ContingencySimilarity for any other pair only when the real Cramér's V > 0.3; the other pairs
///   are listed with a NaN score and do not count.
/// - **Overall** = mean of the two property scores, ignoring one that is NaN.
///
/// One deliberate difference: when a table has more than 50,000 rows, SDMetrics scores each
/// contingency pair on a random 50,000-row sample of each table (numpy's global RNG); this type
/// always uses every row, so its result is the one SDMetrics estimates.
public struct QualityReport: Sendable, Equatable {
    /// The thresholds SDMetrics' `QualityReport.__init__` sets (`DEFAULT_REAL_*_THRESHOLD`).
    public struct Options: Sendable, Equatable {
        /// A CorrelationSimilarity pair counts only when |ρ_real| exceeds this. 0 counts every pair.
        public var realCorrelationThreshold: Double = 0.5
        /// A ContingencySimilarity pair counts only when Cramér's V of the real table exceeds this.
        /// 0 counts every pair.
        public var realAssociationThreshold: Double = 0.3
        /// Columns and pairs are scored on up to this many threads.
        public var maxThreads: Int = 8

        public init() {}

        /// SDMetrics 0.32's defaults.
        public static let sdmetrics = Options()
    }

    /// The mean of the two property scores that are not NaN; `nil` when both are.
    public var overall: Double?
    /// The Column Shapes property, or `nil` when no column has a score.
    public var columnShapes: Double?
    /// The Column Pair Trends property, or `nil` when no pair meets its threshold (then the
    /// overall score is Column Shapes alone).
    public var columnPairTrends: Double?
    /// One row per scored column, in input order (SDMetrics' `get_details('Column Shapes')`).
    public var columnShapeDetails: [ColumnShapeDetail]
    /// One row per pair of scored columns, in `itertools.combinations` order
    /// (SDMetrics' `get_details('Column Pair Trends')`).
    public var columnPairDetails: [ColumnPairDetail]
}

/// The metric that scored a column's shape.
public enum ColumnShapeMetric: String, Sendable, Hashable, Codable {
    case ksComplement = "KSComplement"
    case tvComplement = "TVComplement"
}

/// One row of the Column Shapes details.
public struct ColumnShapeDetail: Sendable, Equatable {
    public var column: String
    public var metric: ColumnShapeMetric
    /// The score, or `nil` where SDMetrics has NaN (an error, or no values on a side).
    public var score: Double?
    public var error: MetricError?
}

/// The metric that scored a pair.
public enum ColumnPairMetric: String, Sendable, Hashable, Codable {
    case correlationSimilarity = "CorrelationSimilarity"
    case contingencySimilarity = "ContingencySimilarity"
}

/// One row of the Column Pair Trends details.
public struct ColumnPairDetail: Sendable, Equatable {
    public var column1: String
    public var column2: String
    public var metric: ColumnPairMetric
    /// The score, or `nil` where SDMetrics has NaN: below the threshold, or an error.
    public var score: Double?
    /// Pearson's ρ of the real pair (CorrelationSimilarity only).
    public var realCorrelation: Double?
    /// Pearson's ρ of the synthetic pair (CorrelationSimilarity above the threshold only).
    public var syntheticCorrelation: Double?
    /// Cramér's V of the real pair (ContingencySimilarity only).
    public var realAssociation: Double?
    /// Whether the pair counts towards Column Pair Trends (SDMetrics' `Meets Threshold?`; its
    /// NA on an error counts as `false` there too).
    public var meetsThreshold: Bool
    public var error: MetricError?
}

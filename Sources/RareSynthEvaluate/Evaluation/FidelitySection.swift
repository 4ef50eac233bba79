/// How closely the synthetic table reproduces the real one: SDMetrics' Quality and Diagnostic
/// reports, per-column distances, association matrices, MMD², a detection classifier and the
/// propensity pMSE.
public struct FidelitySection: Sendable, Equatable, Codable {
    public var quality: QualityScores?
    public var diagnostic: DiagnosticScores?
    /// One entry per scored column, in schema order.
    public var columns: [ColumnFidelity]
    /// Pearson and Spearman on the continuous columns, Cramér's V on the discrete ones.
    public var correlations: [CorrelationMatrices]
    public var mmd: MMDScore?
    public var detection: DetectionScore?
    public var propensity: PropensityMSE?
}

/// SDMetrics 0.32 QualityReport: overall, properties and every detail row.
public struct QualityScores: Sendable, Equatable, Codable {
    public struct Column: Sendable, Equatable, Codable {
        public var column: String
        public var metric: String
        public var score: Double?
        public var error: String?
    }

    public struct Pair: Sendable, Equatable, Codable {
        public var columns: [String]
        public var metric: String
        public var score: Double?
        public var realCorrelation: Double?
        public var syntheticCorrelation: Double?
        public var realAssociation: Double?
        /// Whether the pair counts towards Column Pair Trends (SDMetrics 0.32's thresholds).
        public var counted: Bool
        public var error: String?
    }

    public var overall: Double?
    public var columnShapes: Double?
    public var columnPairTrends: Double?
    public var columns: [Column]
    public var pairs: [Pair]

    public init(_ report: QualityReport) {
        overall = report.overall
        columnShapes = report.columnShapes
        columnPairTrends = report.columnPairTrends
        columns = report.columnShapeDetails.map {
            Column(column: $0.column, metric: $0.metric.rawValue, score: $0.score, error: $0.error.map { "\($0)" })
        }
        pairs = report.columnPairDetails.map {
            Pair(columns: [$0.column1, $0.column2], metric: $0.metric.rawValue, score: $0.score,
                 realCorrelation: $0.realCorrelation, syntheticCorrelation: $0.syntheticCorrelation,
                 realAssociation: $0.realAssociation, counted: $0.meetsThreshold, error: $0.error.map { "\($0)" })
        }
    }
}

/// SDMetrics 0.32 DiagnosticReport: overall, properties and every validity detail.
public struct DiagnosticScores: Sendable, Equatable, Codable {
    public struct Detail: Sendable, Equatable, Codable {
        public var columns: [String]
        public var metric: String
        public var score: Double?
        public var error: String?
    }

    public var overall: Double?
    public var dataValidity: Double?
    public var dataStructure: Double?
    public var details: [Detail]

    public init(_ report: DiagnosticReport) {
        overall = report.overall
        dataValidity = report.dataValidity
        dataStructure = report.dataStructure
        details = report.validityDetails.map {
            Detail(columns: $0.columns, metric: $0.metric.rawValue, score: $0.score, error: $0.error.map { "\($0)" })
        }
    }
}

/// The distances of one column (``ContinuousDistance`` or ``CategoricalDistance``).
public struct ColumnFidelity: Sendable, Equatable, Codable {
    public struct Category: Sendable, Equatable, Codable {
        /// `nil` for missing values.
        public var category: String?
        public var realCount: Int
        public var syntheticCount: Int
        public var realShare: Double
        public var syntheticShare: Double
    }

    public var column: String
    public var kind: MetricColumnKind
    /// Wasserstein-1 in the column's units (datetimes: days), and divided by the real range.
    public var wasserstein: Double?
    public var normalizedWasserstein: Double?
    public var jensenShannon: Double?
    public var kullbackLeibler: Double?
    /// Largest |synthetic share − real share| over the categories (discrete columns).
    public var maxCategoryGap: Double?
    /// Per-category counts and shares (discrete columns), in the order of ``CategoricalDistance``.
    public var categories: [Category]?
    public var error: String?

    public init(_ d: ContinuousDistance, kind: MetricColumnKind) {
        column = d.column
        self.kind = kind
        wasserstein = d.wasserstein
        normalizedWasserstein = d.normalizedWasserstein
        jensenShannon = d.jensenShannon
        kullbackLeibler = d.kullbackLeibler
        error = d.error.map { "\($0)" }
    }

    public init(_ d: CategoricalDistance, kind: MetricColumnKind) {
        column = d.column
        self.kind = kind
        jensenShannon = d.jensenShannon
        kullbackLeibler = d.kullbackLeibler
        maxCategoryGap = d.gaps.isEmpty ? nil : d.maxAbsoluteDifference
        categories = d.gaps.map {
            Category(category: $0.category, realCount: $0.realCount, syntheticCount: $0.syntheticCount,
                     realShare: $0.realShare, syntheticShare: $0.syntheticShare)
        }
    }
}

/// One association matrix of the real table, of the synthetic table, and their difference.
public struct CorrelationMatrices: Sendable, Equatable, Codable {
    public var coefficient: String
    public var columns: [String]
    public var real: [[Double?]]
    public var synthetic: [[Double?]]
    /// synthetic − real.
    public var difference: [[Double?]]
    public var meanAbsoluteDifference: Double?
    public var comparedPairs: Int

    public init(_ c: CorrelationComparison) {
        coefficient = c.coefficient.rawValue
        columns = c.columns
        real = c.real
        synthetic = c.synthetic
        difference = c.difference
        meanAbsoluteDifference = c.meanAbsoluteDifference
        comparedPairs = c.comparedPairs
    }
}

/// ``MaximumMeanDiscrepancy`` on whole rows.
public struct MMDScore: Sendable, Equatable, Codable {
    public var unbiased: Double
    public var biased: Double
    public var bandwidth: Double
    public var realRows: Int
    public var syntheticRows: Int
    public var dimension: Int

    public init(_ m: MaximumMeanDiscrepancy) {
        unbiased = m.unbiased
        biased = m.biased
        bandwidth = m.bandwidth
        realRows = m.realRows
        syntheticRows = m.syntheticRows
        dimension = m.dimension
    }
}

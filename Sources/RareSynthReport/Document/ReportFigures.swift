import RareSynthEvaluate

/// The data behind the report's charts that the ``Evaluation`` does not already hold (correlation
/// matrices, category shares and Kaplan–Meier curves are drawn straight from it).
public struct ReportFigures: Sendable, Equatable, Codable {
    /// Real and synthetic shares of a continuous column over shared round-number bins.
    public struct Histogram: Sendable, Equatable, Codable {
        public var column: String
        /// `numerical`, or `datetime` with edges in seconds since 1970 (UTC).
        public var kind: MetricColumnKind
        public var edges: [Double]
        /// Share of the present values in each bin (numpy's bin rule).
        public var real: [Double]
        public var synthetic: [Double]
    }

    /// Real and synthetic rows on the real data's first two principal components.
    public struct Projection: Sendable, Equatable, Codable {
        /// Features: every scored column, numbers standardised, categories one-hot, missing
        /// values mean-imputed with an indicator (`FeatureEncoder`).
        public var features: Int
        public var explainedVarianceRatio: [Double]
        /// Up to ``ReportFigures/maxProjectedRows`` rows per side, chosen by the seeded shuffle.
        public var realX: [Double]
        public var realY: [Double]
        public var syntheticX: [Double]
        public var syntheticY: [Double]
    }

    /// Distances to the closest training row: of the synthetic rows, and of the holdout rows
    /// (what a row the generator never saw looks like).
    public struct DistanceHistogram: Sendable, Equatable, Codable {
        public var edges: [Double]
        public var synthetic: [Double]
        public var holdout: [Double]?
    }

    public var histograms: [Histogram]
    public var projection: Projection?
    /// Why there is no projection, when there is none.
    public var projectionNote: String?
    public var dcr: DistanceHistogram?

    /// Rows per side drawn in the projection: enough to show the shape, few enough for a light page.
    public static let maxProjectedRows = 1_000
}

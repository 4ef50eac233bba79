import RareSynthNumerics

/// Fidelity measures beyond SDMetrics' QualityReport, for one real and one synthetic table:
/// per-column distances, association matrices and their differences, and MMD² on whole rows.
///
/// Unlike the QualityReport's scores (1 = identical), these are distances (0 = identical) with
/// their own units, so a reader can see *how* a column or pair differs. Each part documents its
/// formula, reference and tolerance: ``ContinuousDistance``, ``CategoricalDistance``,
/// ``CorrelationComparison``, ``MaximumMeanDiscrepancy``.
public struct FidelityReport: Sendable, Equatable {
    public struct Options: Sendable, Equatable {
        /// Added to every bin or category before KL divergence (1 = Laplace's rule).
        public var pseudoCount: Double = 1
        /// MMD² row sampling; `nil` skips MMD², the one part whose cost grows with the square of
        /// the rows used.
        public var mmd: MaximumMeanDiscrepancy.Options? = MaximumMeanDiscrepancy.Options()
        /// Columns, pairs and MMD rows are spread over this many threads (default:
        /// `Parallel.threadCount`); results do not depend on it.
        public var threads: Int?

        public init(pseudoCount: Double = 1, mmd: MaximumMeanDiscrepancy.Options? = MaximumMeanDiscrepancy.Options(),
                    threads: Int? = nil) {
            self.pseudoCount = pseudoCount
            self.mmd = mmd
            self.threads = threads
        }
    }

    /// One entry per continuous column, in the order of the real table.
    public var continuous: [ContinuousDistance]
    /// One entry per discrete column, in the order of the real table.
    public var categorical: [CategoricalDistance]
    /// Pearson matrices of the continuous columns.
    public var pearson: CorrelationComparison
    /// Spearman matrices of the continuous columns.
    public var spearman: CorrelationComparison
    /// Cramér's V matrices of the discrete columns.
    public var cramersV: CorrelationComparison
    /// MMD² on whole rows; `nil` when skipped or a table has fewer than two rows.
    public var mmd: MaximumMeanDiscrepancy?

    /// Computes every part. Columns are matched by name in the order of `real`; pass the columns
    /// SDMetrics would score (no identifiers).
    /// - Throws: the column-matching errors of ``QualityReport``, and
    ///   ``MetricError/nonFiniteRange(column:)`` from MMD² when a real continuous column holds ±∞
    ///   (that column's ``ContinuousDistance`` carries the same error).
    public static func compute(real: [MetricColumn], synthetic: [MetricColumn],
                               options: Options = Options()) throws(MetricError) -> FidelityReport {
        let pairs = try matchColumns(real: real, synthetic: synthetic)
        let threads = options.threads
        let continuous = PreparedContinuous.prepare(pairs, threads: threads)
        let discrete = PreparedDiscrete.prepare(pairs, threads: threads)
        let alpha = options.pseudoCount
        let continuousDistances = Parallel.map(count: continuous.count, chunkSize: 1, threads: threads) { k in
            ContinuousDistance.compute(column: continuous[k].name, sortedReal: continuous[k].real.sorted,
                                       sortedSynthetic: continuous[k].synthetic.sorted, pseudoCount: alpha)
        }
        let categoricalDistances = Parallel.map(count: discrete.count, chunkSize: 1, threads: threads) { k in
            CategoricalDistance.compute(column: discrete[k].name, codes: discrete[k].codes,
                                        labels: discrete[k].labels, pseudoCount: alpha)
        }
        var mmd: MaximumMeanDiscrepancy?
        if let o = options.mmd { mmd = try MaximumMeanDiscrepancy.compute(pairs, options: o, threads: threads) }
        return FidelityReport(
            continuous: continuousDistances,
            categorical: categoricalDistances,
            pearson: CorrelationComparison.pearson(continuous, threads: threads),
            spearman: CorrelationComparison.spearman(continuous, threads: threads),
            cramersV: CorrelationComparison.cramersV(discrete, threads: threads),
            mmd: mmd)
    }
}

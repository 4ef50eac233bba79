
/// How far the synthetic category frequencies of one discrete (categorical or boolean) column are
/// from the real ones: Jensen–Shannon distance, KL divergence, and the per-category gaps.
///
/// **Missing is a category of its own** here (unlike SDMetrics' TVComplement, which drops it): a
/// generator that loses or invents missingness should show it. Shares are counts divided by all
/// rows of each table. The categories are the union of both tables', in order of first appearance,
/// real rows first (``CategoryCodes``); a category seen only in the synthetic data has real share 0
/// and is listed with `onlyInSynthetic`.
///
/// **Smoothing**: none for JS; KL adds `pseudoCount` (default 1, Laplace) to the count of every
/// category of the union on both sides. Reference: `value_counts(dropna=False)` of each table
/// reindexed on the union, then `scipy.spatial.distance.jensenshannon(p, q, base=2)` and
/// `scipy.stats.entropy(p + α, q + α)` (pandas 2.3.3, scipy 1.17.1); agreement ≤ 1e-12.
public struct CategoricalDistance: Sendable, Equatable {
    /// One category's shares in both tables.
    public struct Gap: Sendable, Equatable {
        /// The label; `nil` for missing values.
        public var category: String?
        public var realCount: Int
        public var syntheticCount: Int
        /// realCount / real rows.
        public var realShare: Double
        /// syntheticCount / synthetic rows.
        public var syntheticShare: Double
        /// syntheticShare − realShare: positive when the generator over-produces the category.
        public var difference: Double { syntheticShare - realShare }
        /// The category never occurs in the real data (a generator should not invent labels).
        public var onlyInSynthetic: Bool { realCount == 0 }
    }

    public var column: String
    /// Jensen–Shannon distance, base 2, in [0, 1]; `nil` when a table has no rows.
    public var jensenShannon: Double?
    /// KL(real ‖ synthetic) in nats, smoothed; `nil` when a table has no rows.
    public var kullbackLeibler: Double?
    /// One entry per category of either table, in order of first appearance (real rows first).
    public var gaps: [Gap]

    /// The categories that occur only in the synthetic data, in order of first appearance.
    public var syntheticOnlyCategories: [String?] { gaps.filter(\.onlyInSynthetic).map(\.category) }

    /// The largest |synthetic share − real share| over the categories; 0 without categories.
    public var maxAbsoluteDifference: Double { gaps.map { Swift.abs($0.difference) }.max() ?? 0 }

    /// The distances for one column of labels (`nil` is missing).
    public static func compute(column: String, real: [String?], synthetic: [String?],
                               pseudoCount: Double = 1) -> CategoricalDistance {
        compute(column: column, codes: CategoryCodes(real: real, synthetic: synthetic),
                labels: (real, synthetic), pseudoCount: pseudoCount)
    }

    /// The distances from codes already shared by both tables; `labels` are the columns the codes
    /// were made from (to name the categories).
    static func compute(column: String, codes: CategoryCodes, labels: ([String?], [String?]),
                        pseudoCount: Double) -> CategoricalDistance {
        let k = codes.cardinality
        var realCounts = [Int](repeating: 0, count: k), syntheticCounts = [Int](repeating: 0, count: k)
        for c in codes.real { realCounts[Int(c)] += 1 }
        for c in codes.synthetic { syntheticCounts[Int(c)] += 1 }
        // Codes are given in order of first appearance, so the first row holding a code names it.
        var names = [String?](repeating: nil, count: k), named = [Bool](repeating: false, count: k)
        for (c, label) in zip(codes.real, labels.0) where !named[Int(c)] { names[Int(c)] = label; named[Int(c)] = true }
        for (c, label) in zip(codes.synthetic, labels.1) where !named[Int(c)] { names[Int(c)] = label; named[Int(c)] = true }

        let n = Double(codes.real.count), m = Double(codes.synthetic.count)
        let gaps = (0..<k).map { c in
            Gap(category: names[c], realCount: realCounts[c], syntheticCount: syntheticCounts[c],
                realShare: n > 0 ? Double(realCounts[c]) / n : 0,
                syntheticShare: m > 0 ? Double(syntheticCounts[c]) / m : 0)
        }
        let p = realCounts.map(Double.init), q = syntheticCounts.map(Double.init)
        let hasRows = n > 0 && m > 0
        return CategoricalDistance(
            column: column,
            jensenShannon: hasRows ? HistogramDivergence.jensenShannonDistance(p, q) : nil,
            kullbackLeibler: hasRows ? HistogramDivergence.kullbackLeibler(p, q, pseudoCount: pseudoCount) : nil,
            gaps: gaps)
    }
}

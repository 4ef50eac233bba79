/// SDMetrics' ContingencySimilarity: 1 − the total variation distance between the joint
/// frequencies of two discrete columns, with Cramér's V of the real table as a relevance filter.
///
/// Source: `sdmetrics/column_pairs/statistical/contingency_similarity.py` (0.32.0) and
/// `scipy.stats.contingency.association`. The joint counts come from
/// `groupby([a, b], dropna=False).size()`, so a missing value is a category of its own, and are
/// divided by all rows of each table. With a threshold above 0 (the quality report passes 0.3),
/// Cramér's V is computed on the real table (`chi2_contingency` without Yates' correction, over the
/// rows and columns that occur); the pair scores NaN when that table has fewer than two rows or
/// columns, or when V ≤ the threshold.
public enum ContingencySimilarity {
    /// The score and the real association it was filtered on.
    public struct Breakdown: Sendable, Equatable {
        /// 1 − ½ Σ |real share − synthetic share|, or `nil` when filtered out.
        public var score: Double?
        /// Cramér's V of the real contingency table, or `nil` when it is undefined (fewer than two
        /// categories on a side). SDMetrics only computes it when a threshold is set; this type
        /// always does.
        public var realAssociation: Double?
    }

    /// The breakdown for a pair of columns. A continuous column is first cut into SDMetrics'
    /// report bins — on each table's own range — exactly as Column Pair Trends does
    /// (see ``QualityReport``); two categorical columns are used as they are.
    /// - Throws: ``MetricError/nonFiniteRange(column:)`` when a continuous column holds ±∞.
    public static func breakdown(real: (MetricColumn, MetricColumn), synthetic: (MetricColumn, MetricColumn),
                                 realAssociationThreshold: Double = 0) throws(MetricError) -> Breakdown {
        let a = try codes(real.0, synthetic.0)
        let b = try codes(real.1, synthetic.1)
        return breakdown(a, b, realAssociationThreshold: realAssociationThreshold)
    }

    static func codes(_ real: MetricColumn, _ synthetic: MetricColumn) throws(MetricError) -> CategoryCodes {
        switch (real.data, synthetic.data) {
        case let (.categorical(r), .categorical(s)):
            return CategoryCodes(real: r, synthetic: s)
        case let (.numerical(r), .numerical(s)):
            guard let rb = EqualWidthBins.codes(r.map { $0 ?? .nan }) else { throw .nonFiniteRange(column: real.name) }
            guard let sb = EqualWidthBins.codes(s.map { $0 ?? .nan }) else { throw .nonFiniteRange(column: real.name) }
            return CategoryCodes(real: rb, synthetic: sb, cardinality: EqualWidthBins.cardinality)
        default:
            throw .kindMismatch(column: real.name)
        }
    }

    /// The breakdown on coded columns (`a` and `b` each share codes between the two tables).
    static func breakdown(_ a: CategoryCodes, _ b: CategoryCodes, realAssociationThreshold: Double) -> Breakdown {
        let real = JointCounts(a.real, b.real, cardinalities: (a.cardinality, b.cardinality))
        let association = real.cramersV()
        if realAssociationThreshold > 0 {
            // Filtered out: like SDMetrics, do not even count the synthetic table.
            guard let v = association, v > realAssociationThreshold else {
                return Breakdown(score: nil, realAssociation: association)
            }
        }
        let synthetic = JointCounts(a.synthetic, b.synthetic, cardinalities: (a.cardinality, b.cardinality))
        let n = Double(real.total), m = Double(synthetic.total)
        var variation = 0.0
        JointCounts.forEachCell(real, synthetic) { r, s in
            let p = n > 0 ? Double(r) / n : 0
            let q = m > 0 ? Double(s) / m : 0
            variation += Swift.abs(p - q) / 2
        }
        return Breakdown(score: 1 - variation, realAssociation: association)
    }
}

/// SDMetrics' TVComplement: 1 − the total variation distance between two category frequencies.
///
/// Source: `sdmetrics/single_column/statistical/tv_complement.py` and `get_frequencies` in
/// `sdmetrics/utils.py` (0.32.0). Missing values are dropped from each side, so frequencies are
/// shares of the non-missing rows. A category seen only in the synthetic data gets a real count of
/// 1e-6 (SDMetrics' "regularization"), which also adds 1e-6 to the real total — kept here so the
/// result is bit-identical, though its effect is below 1e-6.
public enum TVComplement {
    /// 1 − ½ Σ |synthetic share − real share| over the categories of either side.
    /// - Throws: ``MetricError/noValues`` when either side has no non-missing label.
    public static func compute(real: [String?], synthetic: [String?]) throws(MetricError) -> Double {
        try compute(CategoryCodes(real: real, synthetic: synthetic))
    }

    static func compute(_ codes: CategoryCodes) throws(MetricError) -> Double {
        var realCounts = [Int](repeating: 0, count: codes.cardinality)
        var syntheticCounts = [Int](repeating: 0, count: codes.cardinality)
        for c in codes.real { realCounts[Int(c)] += 1 }
        for c in codes.synthetic { syntheticCounts[Int(c)] += 1 }
        if let missing = codes.missingCode {
            realCounts[Int(missing)] = 0
            syntheticCounts[Int(missing)] = 0
        }
        let realTotal = realCounts.reduce(0, +)
        let syntheticTotal = syntheticCounts.reduce(0, +)
        guard realTotal > 0, syntheticTotal > 0 else { throw .noValues }

        // Python's sum over the Counter: the integer counts first, then one 1e-6 per
        // synthetic-only category, added one at a time in first-appearance order.
        var realDenominator = Double(realTotal)
        for c in 0..<codes.cardinality where realCounts[c] == 0 && syntheticCounts[c] > 0 {
            realDenominator += 1e-6
        }
        let syntheticDenominator = Double(syntheticTotal)
        var totalVariation = 0.0
        for c in 0..<codes.cardinality where realCounts[c] > 0 || syntheticCounts[c] > 0 {
            let realWeight = realCounts[c] > 0 ? Double(realCounts[c]) : 1e-6
            let observed = Double(syntheticCounts[c]) / syntheticDenominator
            let expected = realWeight / realDenominator
            totalVariation += Swift.abs(observed - expected)
        }
        return 1 - 0.5 * totalVariation
    }
}

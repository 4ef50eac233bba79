/// The area under the ROC curve of a score that should be higher for positives, computed as the
/// Mann–Whitney U statistic with average ranks:
///
///     AUC = (R₊ − n₊(n₊ + 1)/2) / (n₊ · n₋) = P(score₊ > score₋) + ½ P(score₊ = score₋)
///
/// where R₊ is the sum of the positives' ranks among all scores (tied scores share the mean of
/// their ranks). This equals scikit-learn's `roc_auc_score` (the trapezoidal area under the ROC
/// curve, which gives ties half credit) up to rounding: the fixtures agree within 1e−15.
enum MannWhitneyAUC {
    /// `nil` when either class is empty (scikit-learn raises).
    static func compute(positives: [Double], negatives: [Double]) -> Double? {
        guard !positives.isEmpty, !negatives.isEmpty else { return nil }
        var all = positives.map { ($0, true) } + negatives.map { ($0, false) }
        all.sort { $0.0 < $1.0 }
        // Twice the rank sum, to keep average ranks integral.
        var doubledRankSum = 0
        var i = 0
        while i < all.count {
            var j = i
            var positivesInTie = 0
            while j < all.count && all[j].0 == all[i].0 {
                if all[j].1 { positivesInTie += 1 }
                j += 1
            }
            // Ranks i+1 … j share the average (i + 1 + j) / 2.
            doubledRankSum += positivesInTie * (i + 1 + j)
            i = j
        }
        let np = Double(positives.count), nn = Double(negatives.count)
        return (Double(doubledRankSum) / 2 - np * (np + 1) / 2) / (np * nn)
    }
}

import RareSynthNumerics

/// The area under the ROC curve, as scikit-learn 1.9.1's `roc_auc_score`
/// (`sklearn/metrics/_ranking.py`).
///
/// Binary: scores sorted descending (stable), one ROC point per distinct score so that tied
/// scores move the curve diagonally (a tie between a positive and a negative counts ½, the
/// Mann–Whitney U / (n₊n₋)), collinear points dropped (`drop_intermediate=True`), and the
/// trapezoidal rule on (FPR, TPR) from (0, 0). Multiclass: one-vs-rest, unweighted mean over
/// classes (`multi_class='ovr', average='macro'`). Undefined (nil) when a needed class has no
/// row, where scikit-learn warns and returns NaN or raises. Agreement: 1e-12.
public enum ROCAUC {
    /// AUC of `scores` for the rows where `positive` is true against the others.
    public static func binary(scores: [Double], positive: [Bool]) -> Double? {
        precondition(scores.count == positive.count, "need one score per row")
        let n = scores.count
        let order = (0..<n).sorted { a, b in scores[a] > scores[b] || (scores[a] == scores[b] && a > b) }
        // (fps, tps) at the last index of each run of equal scores.
        var fps: [Double] = [], tps: [Double] = []
        var tp = 0.0
        for (rank, i) in order.enumerated() {
            if positive[i] { tp += 1 }
            if rank == n - 1 || scores[order[rank + 1]] != scores[i] {
                tps.append(tp)
                fps.append(Double(rank + 1) - tp)
            }
        }
        guard let totalPositive = tps.last, let totalNegative = fps.last,
              totalPositive > 0, totalNegative > 0 else { return nil }
        if fps.count > 2 {
            var keptF = [fps[0]], keptT = [tps[0]]
            for j in 1..<(fps.count - 1) {
                let corner = fps[j + 1] - 2 * fps[j] + fps[j - 1] != 0 || tps[j + 1] - 2 * tps[j] + tps[j - 1] != 0
                if corner { keptF.append(fps[j]); keptT.append(tps[j]) }
            }
            keptF.append(fps[fps.count - 1]); keptT.append(tps[tps.count - 1])
            fps = keptF; tps = keptT
        }
        fps.insert(0, at: 0)
        tps.insert(0, at: 0)
        var area = 0.0
        for j in 1..<fps.count {
            let dx = fps[j] / totalNegative - fps[j - 1] / totalNegative
            area += dx * (tps[j] / totalPositive + tps[j - 1] / totalPositive) / 2
        }
        return area
    }

    /// AUC of the scores of `positiveLabel` among `truth`.
    public static func binary(scores: [Double], truth: [String], positiveLabel: String) -> Double? {
        binary(scores: scores, positive: truth.map { $0 == positiveLabel })
    }

    /// One-vs-rest macro AUC: column k of `probabilities` scores `classes[k]`. nil when a class
    /// has no true row or no row of another class.
    public static func oneVsRestMacro(probabilities: Matrix, classes: [String], truth: [String]) -> Double? {
        precondition(probabilities.columns == classes.count && probabilities.rows == truth.count,
                     "need one probability column per class and one row per label")
        var sum = 0.0
        for (k, label) in classes.enumerated() {
            guard let auc = binary(scores: probabilities.column(k), truth: truth, positiveLabel: label) else {
                return nil
            }
            sum += auc
        }
        return sum / Double(classes.count)
    }
}

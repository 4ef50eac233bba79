import Foundation

/// Scores of numeric predictions, as scikit-learn 1.9.1 (`sklearn/metrics/_regression.py`).
/// Agreement: 1e-12.
public enum RegressionMetrics {
    /// R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² (`r2_score`); for a constant truth, 1 when every
    /// prediction is exact and 0 otherwise (`force_finite=True`).
    public static func r2(truth: [Double], predicted: [Double]) -> Double {
        precondition(truth.count == predicted.count && !truth.isEmpty, "need equal, non-empty lists")
        let mean = truth.reduce(0, +) / Double(truth.count)
        var residual = 0.0, total = 0.0
        for (t, p) in zip(truth, predicted) {
            residual += (t - p) * (t - p)
            total += (t - mean) * (t - mean)
        }
        if total == 0 { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }

    /// √(mean (y − ŷ)²) (`root_mean_squared_error`).
    public static func rootMeanSquaredError(truth: [Double], predicted: [Double]) -> Double {
        precondition(truth.count == predicted.count && !truth.isEmpty, "need equal, non-empty lists")
        var sum = 0.0
        for (t, p) in zip(truth, predicted) { sum += (t - p) * (t - p) }
        return (sum / Double(truth.count)).squareRoot()
    }
}

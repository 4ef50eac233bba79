import Foundation

extension TruncatedNormal {
    /// Maximum likelihood for μ and σ with the bounds fixed at the data's minimum and maximum.
    ///
    /// The log-likelihood depends on the data only through n, the mean m and the variance v:
    /// ℓ/n = −log σ − (v + (m − μ)²)/(2σ²) − log(Φ(β) − Φ(α)), so each evaluation is O(1) and the
    /// Nelder–Mead search over (μ, log σ) costs nothing next to reading the column.
    ///
    /// The MLE need not exist: data flatter than any truncated normal drive σ → ∞ (the uniform
    /// limit), data that only decrease drive μ → −∞ (the exponential limit). The search is
    /// therefore boxed to μ ∈ [min − 2R, max + 2R] and σ ∈ [R/1000, 10R] (R = max − min), which
    /// already reproduces those limits to within sampling error. SDV/copulas instead bounds μ to
    /// [min, max] and σ to (0, R²].
    public static func fit(_ data: [Double]) -> TruncatedNormal? {
        guard let data = FitData(data) else { return nil }
        let moments = Statistics.meanAndVariance(data.values)
        let range = data.range
        let lowMean = data.minimum - 2 * range
        let highMean = data.maximum + 2 * range
        let lowLogSD = log(range / 1000)
        let highLogSD = log(10 * range)

        func clamped(_ theta: [Double]) -> (mean: Double, sd: Double) {
            let mean = min(highMean, max(lowMean, moments.mean + theta[0] * range))
            let sd = exp(min(highLogSD, max(lowLogSD, theta[1])))
            return (mean, sd)
        }
        func negativeLogLikelihood(_ theta: [Double]) -> Double {
            let (mean, sd) = clamped(theta)
            let alpha = (data.minimum - mean) / sd
            let beta = (data.maximum - mean) / sd
            let offset = (moments.mean - mean) / sd
            return log(sd) + 0.5 * (moments.variance / (sd * sd) + offset * offset)
                + standardLogMass(lower: alpha, upper: beta)
        }
        let startSD = min(highLogSD, max(lowLogSD, log(moments.variance.squareRoot())))
        let result = NelderMead.minimize(start: [0, startSD], step: [0.1, 0.2], negativeLogLikelihood)
        let (mean, sd) = clamped(result.point)
        guard result.value.isFinite, mean.isFinite, sd.isFinite, sd > 0 else { return nil }
        return TruncatedNormal(mean: mean, standardDeviation: sd, lower: data.minimum, upper: data.maximum)
    }
}

import Foundation

/// The normal distribution N(μ, σ²) restricted to [lower, upper] (scipy `truncnorm` with
/// a = (lower − μ)/σ, b = (upper − μ)/σ, loc = μ, scale = σ; the model file stores the bounds
/// themselves as `lower`/`upper`, which survive a change of μ or σ).
///
/// All evaluations work with the standardised bounds α, β and pick the formulation that keeps
/// precision: log-tail ratios when both bounds lie in the same tail (so that a window six
/// standard deviations out, or one where Φ underflows, still has an accurate cdf), and
/// erf sums when the window straddles the mean.
public struct TruncatedNormal: UnivariateDistribution {
    public static let family = DistributionFamily.truncatedNormal

    public let mean: Double
    public let standardDeviation: Double
    public let lower: Double
    public let upper: Double

    /// - Precondition: finite μ, 0 < σ < ∞, finite lower < upper.
    public init(mean: Double, standardDeviation: Double, lower: Double, upper: Double) {
        precondition(mean.isFinite && standardDeviation > 0 && standardDeviation.isFinite
                     && lower.isFinite && upper.isFinite && lower < upper,
                     "TruncatedNormal needs finite μ, positive σ and finite lower < upper")
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.lower = lower
        self.upper = upper
    }

    public init?(parameters: [String: Double]) {
        guard let loc = parameters["loc"], let scale = parameters["scale"],
              let lower = parameters["lower"], let upper = parameters["upper"],
              loc.isFinite, scale > 0, scale.isFinite, lower.isFinite, upper.isFinite, lower < upper
        else { return nil }
        self.init(mean: loc, standardDeviation: scale, lower: lower, upper: upper)
    }

    public var parameters: [String: Double] {
        ["loc": mean, "scale": standardDeviation, "lower": lower, "upper": upper]
    }

    var alpha: Double { (lower - mean) / standardDeviation }
    var beta: Double { (upper - mean) / standardDeviation }

    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= lower { return 0 }
        if x >= upper { return 1 }
        return Self.standardCDF((x - mean) / standardDeviation, lower: alpha, upper: beta)
    }

    public func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return lower }
        if p == 1 { return upper }
        let z = Self.standardQuantile(p, lower: alpha, upper: beta)
        return min(upper, max(lower, mean + standardDeviation * z))
    }

    public func logDensity(_ x: Double) -> Double {
        guard x >= lower, x <= upper else { return x.isNaN ? .nan : -.infinity }
        return SpecialFunctions.normalLogDensity((x - mean) / standardDeviation) - log(standardDeviation)
            - Self.standardLogMass(lower: alpha, upper: beta)
    }
}

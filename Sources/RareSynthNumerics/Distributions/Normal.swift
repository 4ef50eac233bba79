import Foundation

/// The normal distribution N(μ, σ²) (scipy `norm`: loc = μ, scale = σ).
public struct Normal: UnivariateDistribution {
    public static let family = DistributionFamily.normal

    public let mean: Double
    public let standardDeviation: Double

    /// - Precondition: finite mean, standardDeviation > 0 and finite.
    public init(mean: Double, standardDeviation: Double) {
        precondition(mean.isFinite && standardDeviation > 0 && standardDeviation.isFinite,
                     "Normal needs a finite mean and a positive, finite standard deviation")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    public init?(parameters: [String: Double]) {
        guard let loc = parameters["loc"], let scale = parameters["scale"],
              loc.isFinite, scale > 0, scale.isFinite else { return nil }
        self.init(mean: loc, standardDeviation: scale)
    }

    public var parameters: [String: Double] { ["loc": mean, "scale": standardDeviation] }

    public func cdf(_ x: Double) -> Double {
        SpecialFunctions.normalCDF((x - mean) / standardDeviation)
    }

    public func quantile(_ p: Double) -> Double {
        mean + standardDeviation * SpecialFunctions.normalQuantile(p)
    }

    public func logDensity(_ x: Double) -> Double {
        SpecialFunctions.normalLogDensity((x - mean) / standardDeviation) - log(standardDeviation)
    }

    /// Maximum likelihood: the sample mean and the standard deviation with divisor n (as scipy
    /// `norm.fit`).
    public static func fit(_ data: [Double]) -> Normal? {
        guard let data = FitData(data) else { return nil }
        let moments = Statistics.meanAndVariance(data.values)
        let sd = moments.variance.squareRoot()
        guard sd > 0, sd.isFinite else { return nil }
        return Normal(mean: moments.mean, standardDeviation: sd)
    }
}

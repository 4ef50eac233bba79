import Foundation

/// The continuous uniform distribution on [lower, upper] (scipy `uniform`: loc = lower,
/// scale = upper − lower).
public struct Uniform: UnivariateDistribution {
    public static let family = DistributionFamily.uniform

    public let lower: Double
    public let upper: Double

    /// - Precondition: finite bounds with lower < upper.
    public init(lower: Double, upper: Double) {
        precondition(lower.isFinite && upper.isFinite && lower < upper, "Uniform needs finite lower < upper")
        self.lower = lower
        self.upper = upper
    }

    public init?(parameters: [String: Double]) {
        guard let loc = parameters["loc"], let scale = parameters["scale"],
              loc.isFinite, scale > 0, (loc + scale).isFinite else { return nil }
        self.init(lower: loc, upper: loc + scale)
    }

    public var parameters: [String: Double] { ["loc": lower, "scale": upper - lower] }

    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return min(1, max(0, (x - lower) / (upper - lower)))
    }

    public func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        return min(upper, lower + p * (upper - lower))
    }

    public func logDensity(_ x: Double) -> Double {
        x >= lower && x <= upper ? -log(upper - lower) : -.infinity
    }

    /// The data's minimum and maximum (the maximum-likelihood estimate, as scipy `uniform.fit`
    /// and SDV).
    public static func fit(_ data: [Double]) -> Uniform? {
        guard let data = FitData(data) else { return nil }
        return Uniform(lower: data.minimum, upper: data.maximum)
    }
}

import Foundation

/// The gamma distribution with shape a, shifted by loc and stretched by scale (scipy
/// `gamma(a, loc, scale)`): the usual marginal for positive, right-skewed columns (durations,
/// counts of days, concentrations).
public struct Gamma: UnivariateDistribution {
    public static let family = DistributionFamily.gamma

    public let shape: Double
    public let loc: Double
    public let scale: Double

    /// - Precondition: shape, scale > 0 and all three finite.
    public init(shape: Double, loc: Double = 0, scale: Double = 1) {
        precondition(shape > 0 && scale > 0 && shape.isFinite && loc.isFinite && scale.isFinite,
                     "Gamma needs positive finite shape and scale and a finite loc")
        self.shape = shape
        self.loc = loc
        self.scale = scale
    }

    public init?(parameters: [String: Double]) {
        guard let a = parameters["a"], let loc = parameters["loc"], let scale = parameters["scale"],
              a > 0, scale > 0, a.isFinite, loc.isFinite, scale.isFinite else { return nil }
        self.init(shape: a, loc: loc, scale: scale)
    }

    public var parameters: [String: Double] { ["a": shape, "loc": loc, "scale": scale] }

    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let y = (x - loc) / scale
        return y <= 0 ? 0 : SpecialFunctions.regularizedGammaP(shape, y)
    }

    public func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        return loc + scale * SpecialFunctions.inverseRegularizedGammaP(shape, p)
    }

    public func logDensity(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let y = (x - loc) / scale
        guard y >= 0 else { return -.infinity }
        return xLogY(shape - 1, y) - y - SpecialFunctions.logGamma(shape) - log(scale)
    }
}

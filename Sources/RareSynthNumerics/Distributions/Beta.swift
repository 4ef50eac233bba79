import Foundation

/// The beta distribution with shapes a, b on [loc, loc + scale] (scipy `beta(a, b, loc, scale)`).
///
/// As a copula marginal it describes bounded, possibly skewed columns (a score, a percentage,
/// a lab value with physical limits); `fit` puts the support slightly outside the data so that
/// observations on the boundary keep a finite density.
public struct Beta: UnivariateDistribution {
    public static let family = DistributionFamily.beta

    public let a: Double
    public let b: Double
    public let loc: Double
    public let scale: Double

    /// - Precondition: a, b, scale > 0 and all four finite.
    public init(a: Double, b: Double, loc: Double = 0, scale: Double = 1) {
        precondition(a > 0 && b > 0 && scale > 0 && a.isFinite && b.isFinite && loc.isFinite && scale.isFinite,
                     "Beta needs positive finite shapes and scale and a finite loc")
        self.a = a
        self.b = b
        self.loc = loc
        self.scale = scale
    }

    public init?(parameters: [String: Double]) {
        guard let a = parameters["a"], let b = parameters["b"],
              let loc = parameters["loc"], let scale = parameters["scale"],
              a > 0, b > 0, scale > 0, a.isFinite, b.isFinite, loc.isFinite, scale.isFinite
        else { return nil }
        self.init(a: a, b: b, loc: loc, scale: scale)
    }

    public var parameters: [String: Double] { ["a": a, "b": b, "loc": loc, "scale": scale] }

    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let u = (x - loc) / scale
        if u <= 0 { return 0 }
        if u >= 1 { return 1 }
        // 1 − u formed from the upper end directly keeps precision near the top of the support.
        return SpecialFunctions.incompleteBeta(a, b, x: u, y: (loc + scale - x) / scale).lower
    }

    public func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        return loc + scale * SpecialFunctions.inverseRegularizedBeta(p, a, b)
    }

    public func logDensity(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let u = (x - loc) / scale
        guard u >= 0, u <= 1 else { return -.infinity }
        return xLogY(a - 1, u) + xLogY(b - 1, (loc + scale - x) / scale)
            - SpecialFunctions.logBeta(a, b) - log(scale)
    }
}

/// x·log(y) with 0·log(0) = 0, so that a shape of exactly 1 has a finite density at the boundary.
@inline(__always)
func xLogY(_ x: Double, _ y: Double) -> Double {
    x == 0 ? 0 : x * log(y)
}

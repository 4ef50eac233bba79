import Foundation
import RareSynthNumerics

/// A distribution a spec gives for one number (a lab value, an age at onset, a delay), with
/// optional bounds that truncate it.
///
/// Values are drawn by inversion, x = F⁻¹(F(min) + u·(F(max) − F(min))), so one uniform gives one
/// value whatever the bounds (no rejection loop that could run long on a narrow window), and a
/// Gaussian copula can feed it correlated uniforms. Families are the ones papers report:
/// mean and SD (normal), median and geometric SD or log-scale moments (log-normal), shape and
/// scale (gamma, Weibull), a mean (exponential), a range (uniform), a median with its range
/// (triangular) and a fixed value (constant).
public struct ValueDistribution: Sendable, Equatable {
    public enum Family: Sendable, Equatable {
        case normal(mean: Double, standardDeviation: Double)
        case logNormal(logMean: Double, logStandardDeviation: Double)
        case gamma(shape: Double, scale: Double)
        case weibull(shape: Double, scale: Double)
        case exponential(mean: Double)
        case uniform(lower: Double, upper: Double)
        case triangular(lower: Double, mode: Double, upper: Double)
        case constant(Double)
    }

    public let family: Family
    /// Truncation bounds (nil: the family's own support).
    public let lower: Double?
    public let upper: Double?
    private let pLower: Double
    private let pUpper: Double

    /// - Returns: nil when the bounds leave no probability (min ≥ max, or a window the
    ///   distribution puts no mass in).
    public init?(_ family: Family, lower: Double? = nil, upper: Double? = nil) {
        self.family = family
        self.lower = lower
        self.upper = upper
        if let lower, let upper, lower >= upper { return nil }
        if case .constant(let value) = family {
            pLower = 0
            pUpper = 1
            if let lower, value < lower { return nil }
            if let upper, value > upper { return nil }
            return
        }
        pLower = lower.map { Self.cdf(family, $0) } ?? 0
        pUpper = upper.map { Self.cdf(family, $0) } ?? 1
        guard pUpper - pLower > 1e-12 else { return nil }
    }

    /// The value at probability `u` in (0, 1) of the truncated distribution.
    public func value(forUniform u: Double) -> Double {
        if case .constant(let value) = family { return value }
        let p = probability(forUniform: u)
        var x = Self.quantile(family, p)
        if let lower { x = Swift.max(x, lower) }
        if let upper { x = Swift.min(x, upper) }
        return x
    }

    /// The probability of the untruncated family that `value(forUniform: u)` inverts.
    func probability(forUniform u: Double) -> Double { pLower + u * (pUpper - pLower) }

    /// P(X ≤ x) of the truncated distribution.
    public func cdf(_ x: Double) -> Double {
        if case .constant(let value) = family { return x >= value ? 1 : 0 }
        if let lower, x < lower { return 0 }
        if let upper, x >= upper { return 1 }
        return (Self.cdf(family, x) - pLower) / (pUpper - pLower)
    }

    static func cdf(_ family: Family, _ x: Double) -> Double {
        switch family {
        case let .normal(mean, sd): return Normal(mean: mean, standardDeviation: sd).cdf(x)
        case let .logNormal(mu, sigma): return LogNormal(logMean: mu, logStandardDeviation: sigma).cdf(x)
        case let .gamma(shape, scale): return Gamma(shape: shape, scale: scale).cdf(x)
        case let .weibull(k, lambda): return x <= 0 ? 0 : -Foundation.expm1(-Foundation.pow(x / lambda, k))
        case let .exponential(mean): return x <= 0 ? 0 : -Foundation.expm1(-x / mean)
        case let .uniform(a, b): return Swift.min(1, Swift.max(0, (x - a) / (b - a)))
        case let .triangular(a, c, b):
            if x <= a { return 0 }
            if x >= b { return 1 }
            return x <= c ? (x - a) * (x - a) / ((b - a) * (c - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - c))
        case let .constant(value): return x >= value ? 1 : 0
        }
    }

    static func quantile(_ family: Family, _ p: Double) -> Double {
        switch family {
        case let .normal(mean, sd): return Normal(mean: mean, standardDeviation: sd).quantile(p)
        case let .logNormal(mu, sigma): return LogNormal(logMean: mu, logStandardDeviation: sigma).quantile(p)
        case let .gamma(shape, scale): return Gamma(shape: shape, scale: scale).quantile(p)
        case let .weibull(k, lambda): return lambda * Foundation.pow(-Foundation.log1p(-p), 1 / k)
        case let .exponential(mean): return -mean * Foundation.log1p(-p)
        case let .uniform(a, b): return a + p * (b - a)
        case let .triangular(a, c, b):
            let split = (c - a) / (b - a)
            return p <= split ? a + ((b - a) * (c - a) * p).squareRoot() : b - ((b - a) * (b - c) * (1 - p)).squareRoot()
        case let .constant(value): return value
        }
    }
}

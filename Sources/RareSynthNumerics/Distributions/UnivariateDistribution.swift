import Foundation

/// A continuous distribution on the real line that can serve as a copula marginal: it maps a
/// column's values to uniform probabilities (`cdf`) and back (`quantile`), scores data
/// (`logDensity`) and is estimated from a column (`fit`).
///
/// Conforming types are small immutable value types whose parameters are named as in
/// `scipy.stats` (`loc`, `scale`, `a`, `b`, `s`), so that a fitted model can be compared with
/// SDV's parameter dictionaries. `Codable` is provided once for all of them (see
/// `UnivariateDistribution+Codable.swift`): a flat object of those named parameters, validated
/// on decoding by `init?(parameters:)`. Inside a model file the family tag is added by
/// `Marginal`.
public protocol UnivariateDistribution: Sendable, Codable, Equatable {
    /// The family this distribution belongs to.
    static var family: DistributionFamily { get }

    /// The parameters by their scipy names, enough to rebuild the distribution with
    /// `init?(parameters:)`.
    var parameters: [String: Double] { get }

    /// Rebuilds a distribution from `parameters`; nil when a parameter is missing, not finite or
    /// outside its domain (a non-positive scale, bounds out of order).
    init?(parameters: [String: Double])

    /// P(X ≤ x); 0 below the support and 1 above it.
    func cdf(_ x: Double) -> Double

    /// The inverse of `cdf`: the smallest x with cdf(x) ≥ p, for p in [0, 1] (the support's ends
    /// at 0 and 1, NaN outside [0, 1]).
    func quantile(_ p: Double) -> Double

    /// log f(x); −∞ outside the support.
    func logDensity(_ x: Double) -> Double

    /// Estimates the distribution from a column, or nil when this family cannot describe it
    /// (fewer than two values, a non-finite value, a constant column, an optimiser that fails).
    /// Returning nil rather than a degenerate fit lets the caller fall back to another family.
    static func fit(_ data: [Double]) -> Self?
}

extension UnivariateDistribution {
    /// The density f(x).
    public func density(_ x: Double) -> Double { exp(logDensity(x)) }

    /// The log-likelihood Σ log f(xᵢ) of a sample.
    public func logLikelihood(_ data: [Double]) -> Double {
        var total = 0.0
        for x in data { total += logDensity(x) }
        return total
    }

    /// The family of this value (the static `family`, reachable through an existential).
    public var family: DistributionFamily { Self.family }
}

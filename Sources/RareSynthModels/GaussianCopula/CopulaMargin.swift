import RareSynthNumerics

/// How one encoded column maps to the copula's latent normal variables.
///
/// Every column gets one latent standard normal. A continuous column with missing values gets a
/// second one, a present/missing indicator, so the missing rate and its links to other columns
/// (patients who were not randomised miss several labs together) are learned like any other
/// association.
public enum CopulaMargin: Codable, Sendable, Equatable {
    case continuous(ContinuousMargin)
    case discrete(DiscreteMargin)
}

/// A continuous column: a marginal distribution and its latent dimension.
public struct ContinuousMargin: Codable, Sendable, Equatable {
    /// `nil` when the column was entirely missing.
    public var marginal: ColumnMarginal?
    public var latent: Int
    /// Latent dimension of the missing indicator; `nil` when the column had no missing value.
    public var missingLatent: Int?
    /// Share of missing values.
    public var missingRate: Double
    /// Names the family chosen and its goodness of fit, for reports.
    public var fitNote: String

    /// Whether latent value `z` of the indicator means "missing" (the upper tail of mass `missingRate`).
    @inline(__always) func isMissing(indicator z: Double, threshold: Double) -> Bool { z > threshold }
}

/// A discrete column: its levels in latent order and the cut points between them.
public struct DiscreteMargin: Codable, Sendable, Equatable {
    public var latent: Int
    /// `order[k]` is the level code at latent position `k` (positions ascend along the latent axis).
    public var order: [Int32]
    /// `cumulative[k]` = probability of positions `0...k`; the last is 1.
    public var cumulative: [Double]
}

/// A fitted marginal distribution for a continuous column: a parametric family
/// (`RareSynthNumerics.Marginal`) or the column's empirical distribution.
public enum ColumnMarginal: Codable, Sendable, Equatable {
    case empirical(EmpiricalMarginal)
    case parametric(Marginal)

    public func quantile(_ u: Double) -> Double {
        switch self {
        case let .empirical(e): e.quantile(u)
        case let .parametric(p): p.quantile(u)
        }
    }

    public func cdf(_ x: Double) -> Double {
        switch self {
        case let .empirical(e): e.cdf(x)
        case let .parametric(p): p.cdf(x)
        }
    }

    /// The probability interval of values in `[lower, upper]`, `nil` when it is empty.
    public func probabilityInterval(lower: Double, upper: Double) -> (Double, Double)? {
        switch self {
        case let .empirical(e): return e.probabilityInterval(lower: lower, upper: upper)
        case let .parametric(p):
            guard lower <= upper else { return nil }
            let a = p.cdf(lower), b = p.cdf(upper)
            return b > a ? (a, b) : nil
        }
    }
}

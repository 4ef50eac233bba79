/// A fitted copula marginal of any family: the tagged union the model stores per column.
///
/// The enum (rather than `any UnivariateDistribution`) keeps the set of families closed, so a
/// model file can be decoded without a type registry and a `switch` shows every family at once.
/// It serialises as the distribution's flat parameter object plus a `family` tag:
/// `{"family": "gamma", "a": 2.4, "loc": 4.97, "scale": 3.1}` (see `Marginal+Codable.swift`).
public enum Marginal: Sendable, Equatable {
    case normal(Normal)
    case truncatedNormal(TruncatedNormal)
    case beta(Beta)
    case gamma(Gamma)
    case logNormal(LogNormal)
    case uniform(Uniform)

    /// The wrapped distribution.
    public var distribution: any UnivariateDistribution {
        switch self {
        case .normal(let d): d
        case .truncatedNormal(let d): d
        case .beta(let d): d
        case .gamma(let d): d
        case .logNormal(let d): d
        case .uniform(let d): d
        }
    }

    public var family: DistributionFamily { distribution.family }
    public var parameters: [String: Double] { distribution.parameters }

    // The three hot paths switch directly instead of going through the existential, so that a
    // million-row transform does not pay for dynamic dispatch and boxing.

    public func cdf(_ x: Double) -> Double {
        switch self {
        case .normal(let d): d.cdf(x)
        case .truncatedNormal(let d): d.cdf(x)
        case .beta(let d): d.cdf(x)
        case .gamma(let d): d.cdf(x)
        case .logNormal(let d): d.cdf(x)
        case .uniform(let d): d.cdf(x)
        }
    }

    public func quantile(_ p: Double) -> Double {
        switch self {
        case .normal(let d): d.quantile(p)
        case .truncatedNormal(let d): d.quantile(p)
        case .beta(let d): d.quantile(p)
        case .gamma(let d): d.quantile(p)
        case .logNormal(let d): d.quantile(p)
        case .uniform(let d): d.quantile(p)
        }
    }

    public func logDensity(_ x: Double) -> Double {
        switch self {
        case .normal(let d): d.logDensity(x)
        case .truncatedNormal(let d): d.logDensity(x)
        case .beta(let d): d.logDensity(x)
        case .gamma(let d): d.logDensity(x)
        case .logNormal(let d): d.logDensity(x)
        case .uniform(let d): d.logDensity(x)
        }
    }
}

// MARK: - Choosing a family

extension Marginal {
    /// A candidate fit and its goodness of fit.
    public struct Candidate: Sendable, Equatable {
        public let marginal: Marginal
        /// The one-sample Kolmogorov–Smirnov statistic sup |Fₙ − F| against the data.
        public let ksStatistic: Double
    }

    /// Fits every family in `families` and returns the one with the smallest Kolmogorov–Smirnov
    /// statistic (ties go to the earlier family), as SDV's `select_univariate` does; nil when no
    /// family can be fitted (fewer than two values, non-finite values, a constant column).
    public static func bestFit(
        _ data: [Double], among families: [DistributionFamily] = DistributionFamily.allCases
    ) -> Candidate? {
        candidates(data, among: families).min { $0.ksStatistic < $1.ksStatistic }
    }

    /// Every family in `families` that fits, with its KS statistic, in the order given.
    public static func candidates(
        _ data: [Double], among families: [DistributionFamily] = DistributionFamily.allCases
    ) -> [Candidate] {
        let sorted = data.sorted()
        return families.compactMap { family in
            guard let marginal = family.fit(data) else { return nil }
            let statistic = Statistics.kolmogorovSmirnovStatistic(sorted: sorted, cdf: marginal.cdf)
            guard statistic.isFinite else { return nil }
            return Candidate(marginal: marginal, ksStatistic: statistic)
        }
    }
}

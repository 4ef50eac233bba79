import Foundation

/// The shifted log-normal distribution: log(X − loc) ~ N(μ, σ²) (scipy `lognorm(s = σ, loc,
/// scale = e^μ)`), for positive columns with a heavier right tail than the gamma.
public struct LogNormal: UnivariateDistribution {
    public static let family = DistributionFamily.logNormal

    /// The mean of log(X − loc).
    public let logMean: Double
    /// The standard deviation of log(X − loc).
    public let logStandardDeviation: Double
    public let loc: Double

    /// - Precondition: finite μ and loc, 0 < σ < ∞.
    public init(logMean: Double, logStandardDeviation: Double, loc: Double = 0) {
        precondition(logMean.isFinite && loc.isFinite && logStandardDeviation > 0 && logStandardDeviation.isFinite,
                     "LogNormal needs finite μ and loc and a positive finite σ")
        self.logMean = logMean
        self.logStandardDeviation = logStandardDeviation
        self.loc = loc
    }

    public init?(parameters: [String: Double]) {
        guard let s = parameters["s"], let loc = parameters["loc"], let scale = parameters["scale"],
              s > 0, s.isFinite, loc.isFinite, scale > 0, scale.isFinite else { return nil }
        self.init(logMean: log(scale), logStandardDeviation: s, loc: loc)
    }

    public var parameters: [String: Double] { ["s": logStandardDeviation, "loc": loc, "scale": exp(logMean)] }

    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let y = x - loc
        guard y > 0 else { return 0 }
        return SpecialFunctions.normalCDF((log(y) - logMean) / logStandardDeviation)
    }

    public func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        return loc + exp(logMean + logStandardDeviation * SpecialFunctions.normalQuantile(p))
    }

    public func logDensity(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let y = x - loc
        guard y > 0 else { return -.infinity }
        let logY = log(y)
        return SpecialFunctions.normalLogDensity((logY - logMean) / logStandardDeviation)
            - log(logStandardDeviation) - logY
    }
}

import Foundation

extension LogNormal {
    /// Fits with loc = min − range/(n + 1) (see `FitData.widening`) and μ, σ by maximum
    /// likelihood given loc.
    public static func fit(_ data: [Double]) -> LogNormal? {
        guard let data = FitData(data) else { return nil }
        return fit(data.values, loc: data.minimum - data.widening)
    }

    /// Maximum likelihood with loc fixed (as scipy `lognorm.fit(data, floc=loc)`): the mean and
    /// the divisor-n standard deviation of log(x − loc). nil unless every value exceeds loc.
    public static func fit(_ data: [Double], loc: Double) -> LogNormal? {
        guard data.count >= 2, loc.isFinite else { return nil }
        var logs = [Double]()
        logs.reserveCapacity(data.count)
        for x in data {
            let y = x - loc
            guard y > 0, y.isFinite else { return nil }
            logs.append(log(y))
        }
        let moments = Statistics.meanAndVariance(logs)
        let sigma = moments.variance.squareRoot()
        guard sigma > 0, sigma.isFinite, moments.mean.isFinite else { return nil }
        return LogNormal(logMean: moments.mean, logStandardDeviation: sigma, loc: loc)
    }
}

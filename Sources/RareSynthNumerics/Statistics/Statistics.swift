import Foundation

/// Descriptive statistics on columns of Doubles: moments, quantiles, ranks, correlations and
/// Kolmogorov–Smirnov statistics, each matching the numpy/scipy function named in its comment so
/// that metrics computed here can be checked against SDMetrics.
///
/// Inputs must not contain NaN (filter missing values first); functions return NaN for an empty
/// input rather than trapping.
public enum Statistics {
    /// The arithmetic mean, by a corrected two-pass sum: the first pass gives m, the second adds
    /// the mean of the residuals xᵢ − m, which removes the first pass's rounding error
    /// (a column of values near 1e9 with unit spread keeps full precision).
    public static func mean(_ data: [Double]) -> Double {
        meanAndVariance(data).mean
    }

    /// The variance with divisor n − ddof (numpy `var(x, ddof=)`; ddof 0 is the MLE, 1 the
    /// unbiased estimate), by the corrected two-pass algorithm of Chan, Golub and LeVeque.
    public static func variance(_ data: [Double], ddof: Int = 0) -> Double {
        let n = data.count
        guard n > ddof else { return .nan }
        return meanAndVariance(data).variance * Double(n) / Double(n - ddof)
    }

    /// The standard deviation, √variance(data, ddof:).
    public static func standardDeviation(_ data: [Double], ddof: Int = 0) -> Double {
        variance(data, ddof: ddof).squareRoot()
    }

    /// Mean and divisor-n variance in two passes over the data.
    public static func meanAndVariance(_ data: [Double]) -> (mean: Double, variance: Double) {
        guard !data.isEmpty else { return (.nan, .nan) }
        let n = Double(data.count)
        var sum = 0.0
        for x in data { sum += x }
        var mean = sum / n
        var squares = 0.0
        var residual = 0.0
        for x in data {
            let d = x - mean
            residual += d
            squares += d * d
        }
        let variance = max(0, (squares - residual * residual / n) / n)
        mean += residual / n
        return (mean, variance)
    }
}

import Foundation

extension Gamma {
    /// Fits with loc = min − range/(n + 1) (see `FitData.widening`) and shape and scale by
    /// maximum likelihood. SDV/copulas fits loc by scipy's three-parameter MLE, which is
    /// unbounded when the shape drops below 1; a fixed loc just below the data avoids that.
    public static func fit(_ data: [Double]) -> Gamma? {
        guard let data = FitData(data) else { return nil }
        return fit(data.values, loc: data.minimum - data.widening)
    }

    /// Maximum likelihood for shape and scale with loc fixed (as scipy
    /// `gamma.fit(data, floc=loc)`); nil unless every value exceeds loc.
    ///
    /// Solves log a − ψ(a) = log(mean y) − mean(log y) by Newton's method from Minka's (2002)
    /// closed-form start, then scale = mean y / a.
    public static func fit(_ data: [Double], loc: Double) -> Gamma? {
        guard data.count >= 2, loc.isFinite else { return nil }
        var sum = 0.0
        var sumLog = 0.0
        for x in data {
            let y = x - loc
            guard y > 0, y.isFinite else { return nil }
            sum += y
            sumLog += log(y)
        }
        let n = Double(data.count)
        let meanY = sum / n
        let s = log(meanY) - sumLog / n
        guard s > 0, s.isFinite else { return nil }
        var a = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
        for _ in 0..<100 {
            let value = log(a) - SpecialFunctions.digamma(a) - s
            let slope = 1 / a - SpecialFunctions.trigamma(a)
            var next = a - value / slope
            if !(next > 0) { next = a / 2 }
            let done = abs(next - a) <= 1e-15 * a
            a = next
            if done { break }
        }
        guard a > 0, a.isFinite else { return nil }
        return Gamma(shape: a, loc: loc, scale: meanY / a)
    }
}

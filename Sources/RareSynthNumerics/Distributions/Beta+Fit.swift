import Foundation

extension Beta {
    /// Fits a beta distribution on the data's range widened by range/(n + 1) at each end
    /// (see `FitData.widening`), with a and b by maximum likelihood.
    ///
    /// SDV/copulas runs scipy's four-parameter MLE (loc and scale free), which is slow and often
    /// drifts to degenerate supports; fixing the support reduces the problem to a concave
    /// two-parameter one with a unique optimum.
    public static func fit(_ data: [Double]) -> Beta? {
        guard let data = FitData(data) else { return nil }
        let margin = data.widening
        return fit(data.values, loc: data.minimum - margin, scale: data.range + 2 * margin)
    }

    /// Maximum likelihood for a and b on the fixed support [loc, loc + scale] (as scipy
    /// `beta.fit(data, floc=loc, fscale=scale)`); nil unless every value lies strictly inside.
    ///
    /// The likelihood equations ψ(a) − ψ(a + b) = mean log u, ψ(b) − ψ(a + b) = mean log(1 − u)
    /// are solved by Newton's method from the method-of-moments estimate, with step halving to
    /// stay in a, b > 0 and increase the (concave) log-likelihood.
    public static func fit(_ data: [Double], loc: Double, scale: Double) -> Beta? {
        guard data.count >= 2, loc.isFinite, scale > 0, scale.isFinite else { return nil }
        var meanLogU = 0.0
        var meanLogV = 0.0
        var units = [Double]()
        units.reserveCapacity(data.count)
        for x in data {
            let u = (x - loc) / scale
            let v = (loc + scale - x) / scale
            guard u > 0, v > 0 else { return nil }
            meanLogU += log(u)
            meanLogV += log(v)
            units.append(u)
        }
        let n = Double(data.count)
        meanLogU /= n
        meanLogV /= n

        let moments = Statistics.meanAndVariance(units)
        let common = moments.mean * (1 - moments.mean) / moments.variance - 1
        var a = common > 0 && common.isFinite ? moments.mean * common : 1
        var b = common > 0 && common.isFinite ? (1 - moments.mean) * common : 1

        func logLikelihood(_ a: Double, _ b: Double) -> Double {
            (a - 1) * meanLogU + (b - 1) * meanLogV - SpecialFunctions.logBeta(a, b)
        }
        var current = logLikelihood(a, b)
        for _ in 0..<200 {
            let psiSum = SpecialFunctions.digamma(a + b)
            let gradientA = meanLogU - SpecialFunctions.digamma(a) + psiSum
            let gradientB = meanLogV - SpecialFunctions.digamma(b) + psiSum
            let triSum = SpecialFunctions.trigamma(a + b)
            let haa = triSum - SpecialFunctions.trigamma(a)
            let hbb = triSum - SpecialFunctions.trigamma(b)
            let hab = triSum
            let determinant = haa * hbb - hab * hab
            guard determinant > 0, determinant.isFinite else { break }
            var stepA = -(hbb * gradientA - hab * gradientB) / determinant
            var stepB = -(haa * gradientB - hab * gradientA) / determinant
            var accepted = false
            for _ in 0..<60 {
                let nextA = a + stepA
                let nextB = b + stepB
                if nextA > 0, nextB > 0 {
                    let next = logLikelihood(nextA, nextB)
                    if next >= current - 1e-15 * abs(current) {
                        a = nextA
                        b = nextB
                        current = next
                        accepted = true
                        break
                    }
                }
                stepA *= 0.5
                stepB *= 0.5
            }
            if !accepted || (abs(stepA) <= 1e-14 * a && abs(stepB) <= 1e-14 * b) { break }
        }
        guard a.isFinite, b.isFinite, a > 0, b > 0 else { return nil }
        return Beta(a: a, b: b, loc: loc, scale: scale)
    }
}

import Foundation

// The inverse of the regularised incomplete gamma function in x (the gamma quantile): bracketed
// Newton on the log of the smaller tail, from a Wilson–Hilferty start.

extension SpecialFunctions {
    /// Solves P(a, x) = lower (equivalently Q(a, x) = upper), iterating on the smaller tail in
    /// log space: log P is close to linear in log x far in the lower tail, so Newton converges
    /// from a rough start even for p = 1e−300.
    static func inverseIncompleteGamma(_ a: Double, lower p: Double, upper q: Double) -> Double {
        guard a > 0, p >= 0, q >= 0, p <= 1, q <= 1 else { return .nan }
        if p == 0 { return 0 }
        if q == 0 { return .infinity }
        // Far in the lower tail P(a, x) = xᵃ/Γ(a+1)·(1 + O(x)); if that puts x below the smallest
        // Double, the quantile is 0 in floating point.
        if p < 1e-3, (log(p) + logGamma(a + 1)) / a < log(Double.leastNonzeroMagnitude) { return 0 }
        let start = inverseIncompleteGammaStart(a, lower: p, upper: q)
        if p <= 0.5 {
            let logTarget = log(p)
            return MonotoneRootFinder.solve(start: start, lower: 0, upper: .infinity) { x in
                let result = incompleteGammaWithDensity(a, x)
                return (log(result.lower) - logTarget, result.density / result.lower)
            }
        }
        let logTarget = log(q)
        return MonotoneRootFinder.solve(start: start, lower: 0, upper: .infinity) { x in
            let result = incompleteGammaWithDensity(a, x)
            return (logTarget - log(result.upper), result.density / result.upper)
        }
    }

    /// A starting point: Wilson–Hilferty for a > 1, Numerical Recipes' tail formulas for a ≤ 1,
    /// and the leading term P ≈ xᵃ/Γ(a + 1) of the series when those fall outside (0, ∞).
    static func inverseIncompleteGammaStart(_ a: Double, lower p: Double, upper q: Double) -> Double {
        var x: Double
        if a > 1 {
            let z = p <= 0.5 ? normalQuantile(p) : -normalQuantile(q)
            let base = 1 - 1 / (9 * a) + z / (3 * a.squareRoot())
            x = a * base * base * base
        } else {
            let t = 1 - a * (0.253 + a * 0.12)
            x = p < t ? pow(p / t, 1 / a) : 1 - log(q / (1 - t))
        }
        if !(x > 0 && x.isFinite) || (p < 1e-3 && a > 1 && x < 1e-3 * a) {
            x = exp((log(p) + logGamma(a + 1)) / a)
        }
        return x
    }
}

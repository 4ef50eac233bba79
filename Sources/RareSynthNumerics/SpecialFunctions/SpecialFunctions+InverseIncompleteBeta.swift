import Foundation

// The inverse of the regularised incomplete beta function in x (the beta quantile): bracketed
// Newton on the log of the smaller tail, from Numerical Recipes' starting point.

extension SpecialFunctions {
    /// Solves I_x(a, b) = p (equivalently 1 − I_x = q) in log space on the smaller tail.
    ///
    /// The unknown is whichever of x and 1 − x is the smaller at the starting point (using
    /// I_x(a, b) = 1 − I_{1−x}(b, a)), so that a quantile near 0 is not recovered as 1 − (1 − x)
    /// with an absolute error of an ulp of 1.
    static func inverseIncompleteBeta(_ a: Double, _ b: Double, lower p: Double, upper q: Double) -> Double {
        guard a > 0, b > 0, p >= 0, q >= 0, p <= 1, q <= 1, a.isFinite, b.isFinite else { return .nan }
        if p == 0 { return 0 }
        if q == 0 { return 1 }
        // Far in a tail I_x ≈ xᵃ/(a B(a, b)); if that x underflows, so does the quantile.
        if p < 1e-3, (log(p) + log(a) + logBeta(a, b)) / a < log(Double.leastNonzeroMagnitude) { return 0 }
        if q < 1e-3, (log(q) + log(b) + logBeta(a, b)) / b < log(Double.leastNonzeroMagnitude) { return 1 }
        let start = inverseIncompleteBetaStart(a, b, p, q)
        if start <= 0.5 {
            return betaRoot(a, b, lower: p, upper: q, start: start)
        }
        return 1 - betaRoot(b, a, lower: q, upper: p, start: 1 - start)
    }

    /// The x with I_x(a, b) = p, iterating on log I_x when p ≤ ½ and on log(1 − I_x) otherwise.
    private static func betaRoot(_ a: Double, _ b: Double, lower p: Double, upper q: Double, start: Double) -> Double {
        var x = start
        if !(x > 0 && x < 1) {
            // Leading term of the lower tail: I_x ≈ xᵃ / (a B(a, b)).
            x = min(0.5, exp((log(min(p, 0.5)) + log(a) + logBeta(a, b)) / a))
        }
        let useLower = p <= q
        let logTarget = log(useLower ? p : q)
        return MonotoneRootFinder.solve(start: x, lower: 0, upper: 1) { x in
            let tails = incompleteBetaWithDensity(a, b, x: x, y: 1 - x)
            return useLower ? (log(tails.lower) - logTarget, tails.density / tails.lower)
                            : (logTarget - log(tails.upper), tails.density / tails.upper)
        }
    }

    /// Numerical Recipes' starting point (Abramowitz & Stegun 26.5.22 for a, b ≥ 1, the two
    /// power-law tails otherwise).
    private static func inverseIncompleteBetaStart(_ a: Double, _ b: Double, _ p: Double, _ q: Double) -> Double {
        if a >= 1, b >= 1 {
            // A&S use the upper-tail normal deviate y with Q(y) = p.
            let z = p <= 0.5 ? -normalQuantile(p) : normalQuantile(q)
            let lambda = (z * z - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = z * (lambda + h).squareRoot() / h
                - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h))
            return a / (a + b * exp(2 * w))
        }
        let logA = log(a / (a + b))
        let logB = log(b / (a + b))
        let t = exp(a * logA) / a
        let u = exp(b * logB) / b
        let w = t + u
        if p < t / w { return pow(a * w * p, 1 / a) }
        return 1 - pow(b * w * q, 1 / b)
    }
}

import Foundation

// The regularised incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = 1 − P(a, x),
// and their inverses in x (the gamma distribution's cdf and quantile).
//
// Method: the power series for P when x < a + 1 and the Legendre continued fraction for Q
// otherwise (evaluated with the modified Lentz algorithm), as in Numerical Recipes §6.2; the
// smaller of P and Q is computed directly so that each keeps its relative precision. The common
// prefactor xᵃe⁻ˣ/Γ(a + 1) is formed with Loader's Stirling error and deviance term when a ≥ 10,
// which keeps it accurate to ~1e−15 for shapes in the thousands where exp(a log x − x − log Γ)
// would lose three or four digits to cancellation.

extension SpecialFunctions {
    /// The regularised lower incomplete gamma function P(a, x), a > 0, x ≥ 0 (scipy `gammainc`).
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        incompleteGamma(a, x).lower
    }

    /// The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x) (scipy
    /// `gammaincc`), accurate in the upper tail where 1 − P would cancel.
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        incompleteGamma(a, x).upper
    }

    /// The x ≥ 0 with P(a, x) = p (scipy `gammaincinv`): the quantile of Gamma(a, 1).
    public static func inverseRegularizedGammaP(_ a: Double, _ p: Double) -> Double {
        inverseIncompleteGamma(a, lower: p, upper: 1 - p)
    }

    /// The x ≥ 0 with Q(a, x) = q (scipy `gammainccinv`), for upper-tail probabilities too small
    /// to be written as 1 − p.
    public static func inverseRegularizedGammaQ(_ a: Double, _ q: Double) -> Double {
        inverseIncompleteGamma(a, lower: 1 - q, upper: q)
    }
}

// MARK: - Evaluation

extension SpecialFunctions {
    /// (P(a, x), Q(a, x)), the smaller one computed directly.
    static func incompleteGamma(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
        let result = incompleteGammaWithDensity(a, x)
        return (result.lower, result.upper)
    }

    /// `incompleteGamma` plus the density xᵃ⁻¹e⁻ˣ/Γ(a), which shares its prefactor: the
    /// quantile's Newton iteration needs both.
    static func incompleteGammaWithDensity(_ a: Double, _ x: Double) -> (lower: Double, upper: Double, density: Double) {
        guard a >= 0, x >= 0 else { return (.nan, .nan, .nan) }
        if a == 0 { return x == 0 ? (.nan, .nan, .nan) : (1, 0, 0) }
        if x == 0 { return (0, 1, a < 1 ? .infinity : a == 1 ? 1 : 0) }
        if x.isInfinite { return a.isInfinite ? (.nan, .nan, .nan) : (1, 0, 0) }
        if a.isInfinite { return (0, 1, 0) }
        let prefactor = poissonTerm(a, x)
        let density = a * prefactor / x
        if prefactor == 0 { return x < a ? (0, 1, density) : (1, 0, density) }
        let limit = max(1000, Int(50 * a.squareRoot()))
        if x < a + 1 {
            // P = xᵃe⁻ˣ/Γ(a+1) · Σₙ xⁿ / ((a+1)…(a+n))
            var sum = 1.0
            var term = 1.0
            var denominator = a
            for _ in 0..<limit {
                denominator += 1
                term *= x / denominator
                sum += term
                if term <= sum * 1.1e-16 { break }
            }
            let p = prefactor * sum
            if a < 1 {
                // Q is not bounded away from 0 here (Q ≈ a·E₁(x) for small a); 1 − p would keep
                // only absolute precision. Compute it directly instead.
                return (p, smallShapeUpperTail(a, x), density)
            }
            return (p, 1 - p, density)
        }
        // Q = xᵃe⁻ˣ/Γ(a) · 1/(x+1−a− 1(1−a)/(x+3−a− 2(2−a)/(x+5−a− …)))
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for i in 1...limit {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) <= 1.1e-16 { break }
        }
        let q = a * prefactor * fraction
        return (1 - q, q, density)
    }

    /// Q(a, x) for a < 1 and x < a + 1, without cancellation:
    /// Q = 1 − xᵃ/Γ(a+1) − xᵃ/Γ(a+1)·a·Σₙ≥₁ (−x)ⁿ/(n!(a+n)), where 1 − xᵃ/Γ(a+1) = −expm1(a log x −
    /// log Γ(1+a)) is formed with an accurate log Γ(1 + a) (the argument 1 + a is rounded, so the
    /// rounding is corrected to first order by ψ(1 + a)·δ).
    static func smallShapeUpperTail(_ a: Double, _ x: Double) -> Double {
        let t = 1 + a
        let logGammaOnePlusA = logGamma(t) + digamma(t) * (a - (t - 1))
        let exponent = a * log(x) - logGammaOnePlusA
        var sum = 0.0
        var power = 1.0
        for n in 1..<200 {
            power *= -x / Double(n)
            let term = power / (a + Double(n))
            sum += term
            if abs(term) <= abs(sum) * 1e-17 { break }
        }
        return -expm1(exponent) - exp(exponent) * a * sum
    }

    /// xᵃe⁻ˣ/Γ(a + 1), the Poisson probability of a events at rate x.
    static func poissonTerm(_ a: Double, _ x: Double) -> Double {
        if a < 10 {
            return exp(a * log(x) - x - logGamma(a + 1))
        }
        // Loader: exp(−stirlerr(a) − bd0(a, x)) / √(2πa)
        return exp(-stirlingCorrection(a) - devianceTerm(a, x)) / (2 * Double.pi * a).squareRoot()
    }

}

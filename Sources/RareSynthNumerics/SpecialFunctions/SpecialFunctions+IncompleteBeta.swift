import Foundation

// The regularised incomplete beta function I_x(a, b) and its inverse in x (the beta
// distribution's cdf and quantile).
//
// Method: the tail on the near side of the mean, I_x(a, b) when x < (a + 1)/(a + b + 2) and
// I_{1−x}(b, a) otherwise, is computed directly and the other as its complement, so each side
// keeps relative precision. The direct tail comes from a positive-term hypergeometric series
// where that converges quickly, DiDonato & Morris's BGRAT expansion when one shape dwarfs the
// other, else the continued fraction of Numerical Recipes §6.4 (modified Lentz); see `nearTail`.
// The prefactor xᵃ(1 − x)ᵇ/B(a, b) uses Loader's binomial form (Stirling errors and deviance
// terms) when a, b ≥ 1, which stays accurate for shapes in the thousands.

extension SpecialFunctions {
    /// The regularised incomplete beta function I_x(a, b), a, b > 0, 0 ≤ x ≤ 1 (scipy `betainc`).
    public static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        incompleteBeta(a, b, x: x, y: 1 - x).lower
    }

    /// The x in [0, 1] with I_x(a, b) = p (scipy `betaincinv`).
    public static func inverseRegularizedBeta(_ p: Double, _ a: Double, _ b: Double) -> Double {
        inverseIncompleteBeta(a, b, lower: p, upper: 1 - p)
    }

    /// The Student t distribution function with ν > 0 degrees of freedom (scipy `stdtr`), through
    /// I_{ν/(ν+t²)}(ν/2, ½); both arguments are formed directly so that neither tail cancels.
    public static func studentTCDF(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let t2 = t * t
        let x = nu / (nu + t2)
        let y = t2 / (nu + t2)
        let tail = 0.5 * incompleteBeta(0.5 * nu, 0.5, x: x, y: y).lower
        return t < 0 ? tail : 1 - tail
    }
}

// MARK: - Evaluation

extension SpecialFunctions {
    /// (I_x(a, b), 1 − I_x(a, b)), with y = 1 − x passed separately so that it keeps its precision
    /// when x is close to 1. The tail on the near side of the mean, usually the smaller one, is
    /// computed directly.
    static func incompleteBeta(_ a: Double, _ b: Double, x: Double, y: Double) -> (lower: Double, upper: Double) {
        let result = incompleteBetaWithDensity(a, b, x: x, y: y)
        return (result.lower, result.upper)
    }

    /// `incompleteBeta` plus the density xᵃ⁻¹yᵇ⁻¹/B(a, b), which shares its prefactor: the
    /// quantile's Newton iteration needs both.
    static func incompleteBetaWithDensity(
        _ a: Double, _ b: Double, x: Double, y: Double
    ) -> (lower: Double, upper: Double, density: Double) {
        guard a > 0, b > 0, x >= 0, y >= 0, x <= 1, y <= 1, a.isFinite, b.isFinite else {
            return (.nan, .nan, .nan)
        }
        if x == 0 || y == 0 {
            let density = x == 0 ? (a < 1 ? Double.infinity : a == 1 ? b : 0) : (b < 1 ? .infinity : b == 1 ? a : 0)
            return x == 0 ? (0, 1, density) : (1, 0, density)
        }
        // xᵃyᵇ/B(a, b) is symmetric under (a, x) ↔ (b, y), so both sides share it.
        let prefactor = betaPrefactor(a, b, x: x, y: y)
        let density = prefactor / (x * y)
        if x < (a + 1) / (a + b + 2) {
            let tails = nearTail(a, b, x: x, y: y, prefactor: prefactor)
            return (tails.lower, tails.upper, density)
        }
        let swapped = nearTail(b, a, x: y, y: x, prefactor: prefactor)
        return (swapped.upper, swapped.lower, density)
    }

    /// (I_x(a, b), 1 − I_x(a, b)) for x below the mean, trying in turn:
    /// 1. the positive-term series I_x = xᵃyᵇ/(aB)·Σ (a+b)ₙ/(a+1)ₙ xⁿ, which has no cancellation
    ///    and converges in O(√a) terms here;
    /// 2. for a ≫ b (x then close to 1), DiDonato & Morris's asymptotic expansion BGRAT, where
    ///    the series needs tens of thousands of terms and the continued fraction cancels
    ///    (1 − (a+b)x/(a+1) → 0 near the mean);
    /// 3. the complement of the series on the other side, I_{1−x}(b, a), when that one converges
    ///    and leaves at least 5% for this tail;
    /// 4. the continued fraction, for parameters in the tens of thousands.
    private static func nearTail(
        _ a: Double, _ b: Double, x: Double, y: Double, prefactor: Double
    ) -> (lower: Double, upper: Double) {
        if let sum = betaSeries(a, b, x: x) {
            let value = prefactor * sum / a
            return (value, 1 - value)
        }
        if a >= 15, b <= 40, b <= 0.25 * a, let value = betaLargeA(a, b, x: x, y: y) {
            return (value, 1 - value)
        }
        if let sum = betaSeries(b, a, x: y) {
            let other = prefactor * sum / b
            if other <= 0.95 { return (1 - other, other) }
        }
        let value = prefactor * betaContinuedFraction(a, b, x: x) / a
        return (value, 1 - value)
    }

    /// ₂F₁(a + b, 1; a + 1; x) = Σₙ (a+b)ₙ/(a+1)ₙ xⁿ, or nil if it needs more than `limit` terms.
    static func betaSeries(_ a: Double, _ b: Double, x: Double, limit: Int = 4000) -> Double? {
        var sum = 1.0
        var term = 1.0
        let total = a + b
        for n in 0..<limit {
            let k = Double(n)
            let ratio = (total + k) * x / (a + 1 + k)
            term *= ratio
            sum += term
            // The ratios decrease towards x when b > 1 and increase towards it when b < 1, so the
            // remaining terms sum to at most term·r/(1 − r) with r = max(ratio, x).
            let bound = max(ratio, x)
            if bound < 1 && term * bound <= (1 - bound) * sum * 1.1e-17 { return sum }
        }
        return nil
    }

    /// xᵃyᵇ/B(a, b).
    static func betaPrefactor(_ a: Double, _ b: Double, x: Double, y: Double) -> Double {
        if a >= 1, b >= 1 {
            // Loader's dbinom_raw: √(ab/(2π(a+b))) · exp(c(a+b) − c(a) − c(b) − bd0(a,(a+b)x) − bd0(b,(a+b)y))
            let n = a + b
            let exponent = stirlingCorrection(n) - stirlingCorrection(a) - stirlingCorrection(b)
                - devianceTerm(a, n * x) - devianceTerm(b, n * y)
            return (a * b / (2 * Double.pi * n)).squareRoot() * exp(exponent)
        }
        // log of whichever of x, y is not the rounded complement of the other.
        let logX = x < 0.5 ? log(x) : log1p(-y)
        let logY = y < 0.5 ? log(y) : log1p(-x)
        return exp(a * logX + b * logY - logBeta(a, b))
    }

    /// The continued fraction of NR §6.4 by modified Lentz; converges fast for x < (a+1)/(a+b+2).
    static func betaContinuedFraction(_ a: Double, _ b: Double, x: Double) -> Double {
        let tiny = 1e-300
        let sum = a + b
        var c = 1.0
        var d = 1 - sum * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var fraction = d
        let limit = max(1000, Int(50 * max(a, b).squareRoot()))
        for m in 1...limit {
            let m = Double(m)
            let m2 = 2 * m
            var coefficient = m * (b - m) * x / ((a - 1 + m2) * (a + m2))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            fraction *= d * c
            coefficient = -(a + m) * (sum + m) * x / ((a + m2) * (a + 1 + m2))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) <= 1.1e-16 { break }
        }
        return fraction
    }
}

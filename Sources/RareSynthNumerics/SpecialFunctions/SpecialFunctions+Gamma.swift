import Foundation

// The gamma function family: log Γ, digamma ψ, trigamma ψ′, log B, and two helpers from
// C. Loader's "Fast and accurate computation of binomial probabilities" (2000), the Stirling
// error and the deviance term bd0, which let the incomplete gamma and beta prefactors be computed
// without cancelling large logarithms against each other.

extension SpecialFunctions {
    /// log |Γ(x)|. +∞ at the poles (x = 0, −1, −2, …).
    ///
    /// Delegates to libm's `lgamma_r` (re-entrant, accurate to a few ulp, including near the
    /// zeros at 1 and 2 where a Lanczos sum loses relative precision).
    public static func logGamma(_ x: Double) -> Double { libmLogGamma(x) }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b) for a, b > 0.
    ///
    /// When one argument is large, log Γ(b) − log Γ(a + b) is formed from Stirling's series so that
    /// two large, nearly equal numbers are not subtracted (log B(0.5, 1e6) is exact to ~1e−15).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        guard a > 0, b > 0 else { return a.isNaN || b.isNaN ? .nan : .infinity }
        let small = min(a, b)
        let large = max(a, b)
        if large < 10 {
            return logGamma(small) + logGamma(large) - logGamma(small + large)
        }
        let sum = small + large
        let logLargeShare = -log1p(small / large) // log(large / sum), accurate even for small ≪ large
        if small >= 10 {
            // B(a, b) = √(2π) (a/s)^(a−½) (b/s)^(b−½) s^(−½) e^(c(a)+c(b)−c(s)), s = a + b:
            // every term has the size of the result.
            return logSqrtTwoPi - 0.5 * log(sum) + (small - 0.5) * log(small / sum)
                + (large - 0.5) * logLargeShare
                + stirlingCorrection(small) + stirlingCorrection(large) - stirlingCorrection(sum)
        }
        // log Γ(large) − log Γ(sum) from the Stirling form of both.
        let difference = (large - 0.5) * logLargeShare - small * log(sum) + small
            + stirlingCorrection(large) - stirlingCorrection(sum)
        return logGamma(small) + difference
    }

    /// The digamma function ψ(x) = d/dx log Γ(x).
    ///
    /// Recurrence up to x ≥ 10, then the asymptotic series; reflection for x < 0. Absolute error
    /// ~1e−16 near the root x₀ ≈ 1.4616, relative error ~1e−15 elsewhere.
    public static func digamma(_ x: Double) -> Double {
        if x.isNaN || x == -.infinity { return .nan }
        if x <= 0 {
            if x == x.rounded(.down) { return .nan }
            // ψ(1 − x) − ψ(x) = π cot(πx)
            return digamma(1 - x) - Double.pi / tan(Double.pi * x)
        }
        var value = 0.0
        var z = x
        while z < 10 {
            value -= 1 / z
            z += 1
        }
        let w = 1 / (z * z)
        let series = w * (1.0 / 12 - w * (1.0 / 120 - w * (1.0 / 252 - w * (1.0 / 240
            - w * (1.0 / 132 - w * (691.0 / 32760 - w / 12))))))
        return value + log(z) - 0.5 / z - series
    }

    /// The trigamma function ψ′(x) = d²/dx² log Γ(x).
    public static func trigamma(_ x: Double) -> Double {
        if x.isNaN || x == -.infinity { return .nan }
        if x <= 0 {
            if x == x.rounded(.down) { return .nan }
            // ψ′(1 − x) + ψ′(x) = π² / sin²(πx)
            let s = sin(Double.pi * x)
            return -trigamma(1 - x) + Double.pi * Double.pi / (s * s)
        }
        var value = 0.0
        var z = x
        while z < 10 {
            value += 1 / (z * z)
            z += 1
        }
        let w = 1 / (z * z)
        let series = 1 + w * (1.0 / 6 - w * (1.0 / 30 - w * (1.0 / 42 - w * (1.0 / 30
            - w * (5.0 / 66 - w * (691.0 / 2730 - w * 7.0 / 6))))))
        return value + series / z + 0.5 * w
    }
}

// MARK: - Loader's helpers

extension SpecialFunctions {
    /// The Stirling-series correction c(z) = log Γ(z) − [(z − ½) log z − z + log √(2π)] (Loader's
    /// `stirlerr`), small (≈ 1/(12z)) and therefore accurate in absolute terms. Below 10 it is
    /// formed from `lgamma`, with an absolute error of a few 1e−15.
    static func stirlingCorrection(_ z: Double) -> Double {
        if z < 10 {
            return logGamma(z) - ((z - 0.5) * log(z) - z + logSqrtTwoPi)
        }
        let w = 1 / (z * z)
        // Bernoulli terms B₂ₖ / (2k(2k − 1) z^(2k−1)), k = 1…8; the next is < 2e−18 at z = 10.
        return (1.0 / 12 - w * (1.0 / 360 - w * (1.0 / 1260 - w * (1.0 / 1680 - w * (1.0 / 1188
            - w * (691.0 / 360360 - w * (1.0 / 156 - w * 3617.0 / 122400))))))) / z
    }

    /// Loader's deviance term bd0(x, m) = x log(x/m) + m − x ≥ 0, computed by a series when x ≈ m
    /// so that the result keeps relative precision instead of being the difference of two large
    /// numbers.
    static func devianceTerm(_ x: Double, _ m: Double) -> Double {
        if abs(x - m) < 0.1 * (x + m) {
            var v = (x - m) / (x + m)
            var sum = (x - m) * v
            var term = 2 * x * v
            v *= v
            var j = 1.0
            while j < 1000 {
                term *= v
                let next = sum + term / (2 * j + 1)
                if next == sum { return next }
                sum = next
                j += 1
            }
            return sum
        }
        return x * log(x / m) + m - x
    }
}

import Foundation
import RareSynthNumerics

/// The sampled Gaussian mechanism run for a number of steps: each step adds N(0, (σ·C)²) noise to
/// a sum of per-example contributions clipped to norm C, over a Poisson sample that holds each
/// record with probability q (DP-SGD's step, with σ its noise multiplier).
///
/// Its Rényi DP (Mironov, Talwar & Zhang 2019, "Rényi Differential Privacy of the Sampled
/// Gaussian Mechanism") is computed as Opacus' and TF Privacy's RDP analysis computes it: the
/// exact binomial expansion for integer orders α, the two-sided series for fractional ones, and
/// T steps composing to T times the one-step value. Tests check it against Opacus on a grid
/// (Tests/RareSynthPrivacyTests/Fixtures).
public struct SubsampledGaussian: Sendable, Equatable, Codable {
    /// σ: the noise standard deviation divided by the clipping bound (sensitivity).
    public var noiseMultiplier: Double
    /// q: the probability that a record is in a step's sample (batch size / rows for Poisson sampling).
    public var sampleRate: Double
    /// T: how many times the mechanism ran.
    public var steps: Int

    public init(noiseMultiplier: Double, sampleRate: Double, steps: Int) {
        self.noiseMultiplier = noiseMultiplier
        self.sampleRate = sampleRate
        self.steps = steps
    }

    /// The RDP ε(α) of all T steps at order α > 1.
    public func renyiDivergence(order alpha: Double) -> Double {
        precondition(alpha > 1, "Rényi orders must exceed 1 (got \(alpha))")
        precondition(sampleRate >= 0 && sampleRate <= 1, "sample rate must be in [0, 1] (got \(sampleRate))")
        precondition(noiseMultiplier >= 0, "noise multiplier must be ≥ 0 (got \(noiseMultiplier))")
        return Double(steps) * Self.oneStep(q: sampleRate, sigma: noiseMultiplier, alpha: alpha)
    }

    /// One step's RDP at order α.
    static func oneStep(q: Double, sigma: Double, alpha: Double) -> Double {
        if q == 0 { return 0 }
        if sigma == 0 || alpha == .infinity { return .infinity }
        if q == 1 { return alpha / (2 * sigma * sigma) }
        return logA(q: q, sigma: sigma, alpha: alpha) / (alpha - 1)
    }

    /// log A_α, A_α = E_{z∼μ₀}[(μ(z)/μ₀(z))^α] with μ = (1 − q)μ₀ + qμ₁ (Mironov et al. 2019, §3).
    static func logA(q: Double, sigma: Double, alpha: Double) -> Double {
        alpha.rounded() == alpha ? logAInteger(q: q, sigma: sigma, alpha: Int(alpha))
                                 : logAFractional(q: q, sigma: sigma, alpha: alpha)
    }

    /// Integer α: Σᵢ C(α, i) qⁱ (1 − q)^(α−i) exp((i² − i)/(2σ²)), summed in log space.
    static func logAInteger(q: Double, sigma: Double, alpha: Int) -> Double {
        let a = Double(alpha), logQ = Foundation.log(q), log1mQ = Foundation.log1p(-q)
        let logGammaA = SpecialFunctions.logGamma(a + 1)
        var total = -Double.infinity
        for i in 0...alpha {
            let k = Double(i)
            let logCoefficient = logGammaA - SpecialFunctions.logGamma(k + 1) - SpecialFunctions.logGamma(a - k + 1)
                + k * logQ + (a - k) * log1mQ
            total = LogSpace.add(total, logCoefficient + (k * k - k) / (2 * sigma * sigma))
        }
        return total
    }

    /// Fractional α: the series over i = 0, 1, 2, … of the two halves of the integral split at
    /// z₀ = σ² log(1/q − 1) + ½, with generalised binomial coefficients (negative ones subtract),
    /// stopped when both new terms fall below e^(−30) (as Opacus and TF Privacy stop it).
    static func logAFractional(q: Double, sigma: Double, alpha: Double) -> Double {
        var logA0 = -Double.infinity, logA1 = -Double.infinity
        let z0 = sigma * sigma * Foundation.log(1 / q - 1) + 0.5
        let logQ = Foundation.log(q), log1mQ = Foundation.log1p(-q)
        let root2Sigma = 2.0.squareRoot() * sigma
        // C(α, i) by its recurrence C(α, i + 1) = C(α, i)·(α − i)/(i + 1), as a log magnitude and a sign.
        var logMagnitude = 0.0, positive = true
        var i = 0
        while true {
            let k = Double(i), j = alpha - k
            let logT0 = logMagnitude + k * logQ + j * log1mQ
            let logT1 = logMagnitude + j * logQ + k * log1mQ
            let logE0 = Foundation.log(0.5) + LogSpace.logErfc((k - z0) / root2Sigma)
            let logE1 = Foundation.log(0.5) + LogSpace.logErfc((z0 - j) / root2Sigma)
            let logS0 = logT0 + (k * k - k) / (2 * sigma * sigma) + logE0
            let logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1
            if positive {
                logA0 = LogSpace.add(logA0, logS0)
                logA1 = LogSpace.add(logA1, logS1)
            } else {
                logA0 = LogSpace.subtract(logA0, logS0)
                logA1 = LogSpace.subtract(logA1, logS1)
            }
            if Swift.max(logS0, logS1) < -30 { break }
            let factor = alpha - k
            logMagnitude += Foundation.log(Swift.abs(factor)) - Foundation.log(k + 1)
            if factor < 0 { positive.toggle() }
            i += 1
        }
        return LogSpace.add(logA0, logA1)
    }
}

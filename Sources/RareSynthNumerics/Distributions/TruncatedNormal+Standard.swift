import Foundation

/// The standard normal truncated to [α, β]: the kernels shared by `TruncatedNormal` and by the
/// random generator's `nextTruncatedStandardNormal(lower:upper:)`, which samples a latent normal
/// inside a category's interval.
extension TruncatedNormal {
    /// log(Φ(β) − Φ(α)), finite even when both Φ values underflow.
    public static func standardLogMass(lower alpha: Double, upper beta: Double) -> Double {
        if alpha >= 0 {
            let logA = logSurvival(alpha)
            return logA + log(-expm1(logSurvival(beta) - logA))
        }
        if beta <= 0 {
            let logB = SpecialFunctions.logNormalCDF(beta)
            return logB + log(-expm1(SpecialFunctions.logNormalCDF(alpha) - logB))
        }
        return log(straddlingMass(alpha, beta))
    }

    /// P(Z ≤ z | α ≤ Z ≤ β) for the standard normal Z.
    public static func standardCDF(_ z: Double, lower alpha: Double, upper beta: Double) -> Double {
        if z.isNaN { return .nan }
        if z <= alpha { return 0 }
        if z >= beta { return 1 }
        if alpha >= 0 {
            // (S(α) − S(z)) / (S(α) − S(β)) with S = 1 − Φ, as ratios of tails to S(α).
            let logA = logSurvival(alpha)
            return expm1(logSurvival(z) - logA) / expm1(logSurvival(beta) - logA)
        }
        if beta <= 0 {
            // (Φ(z) − Φ(α)) / (Φ(β) − Φ(α)) as ratios to Φ(β).
            let logB = SpecialFunctions.logNormalCDF(beta)
            let toZ = SpecialFunctions.logNormalCDF(z) - logB
            let toAlpha = SpecialFunctions.logNormalCDF(alpha) - logB
            return exp(toZ) * -expm1(toAlpha - toZ) / -expm1(toAlpha)
        }
        return min(1, intervalMass(alpha, z) / straddlingMass(alpha, beta))
    }

    /// The inverse of `standardCDF`: z in [α, β] with P(Z ≤ z | α ≤ Z ≤ β) = p.
    public static func standardQuantile(_ p: Double, lower alpha: Double, upper beta: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        let z: Double
        if alpha >= 0 {
            // S(z) = S(α)·[(1 − p) + p·S(β)/S(α)]
            let logA = logSurvival(alpha)
            let ratio = logSurvival(beta) - logA // log(S(β)/S(α)) ≤ 0
            let logShare = p < 0.5 ? log1p(p * expm1(ratio)) : log((1 - p) + p * exp(ratio))
            z = -SpecialFunctions.normalQuantile(logProbability: logA + logShare)
        } else if beta <= 0 {
            // Φ(z) = Φ(β)·[p + (1 − p)·Φ(α)/Φ(β)]
            let logB = SpecialFunctions.logNormalCDF(beta)
            let ratio = SpecialFunctions.logNormalCDF(alpha) - logB // ≤ 0
            let logShare = p > 0.5 ? log1p((1 - p) * expm1(ratio)) : log(p + (1 - p) * exp(ratio))
            z = SpecialFunctions.normalQuantile(logProbability: logB + logShare)
        } else {
            let mass = straddlingMass(alpha, beta)
            let below = SpecialFunctions.normalCDF(alpha) + p * mass
            if below <= 0.5 {
                z = SpecialFunctions.normalQuantile(below)
            } else {
                z = -SpecialFunctions.normalQuantile(SpecialFunctions.normalCDF(-beta) + (1 - p) * mass)
            }
        }
        return min(beta, max(alpha, z))
    }

    /// log(1 − Φ(t)) = log Φ(−t).
    @inline(__always)
    static func logSurvival(_ t: Double) -> Double { SpecialFunctions.logNormalCDF(-t) }

    /// Φ(β) − Φ(α) for α < 0 < β as a sum of two positive erf terms (no cancellation, even for
    /// a narrow window around 0).
    static func straddlingMass(_ alpha: Double, _ beta: Double) -> Double {
        0.5 * (SpecialFunctions.erf(beta / SpecialFunctions.sqrtTwo)
            + SpecialFunctions.erf(-alpha / SpecialFunctions.sqrtTwo))
    }

    /// Φ(b) − Φ(a) for a < b, using the tail on the side where both lie.
    static func intervalMass(_ a: Double, _ b: Double) -> Double {
        if a >= 0 { return SpecialFunctions.normalCDF(-a) - SpecialFunctions.normalCDF(-b) }
        if b <= 0 { return SpecialFunctions.normalCDF(b) - SpecialFunctions.normalCDF(a) }
        return straddlingMass(a, b)
    }
}

/// The noise a DP-SGD run needs for a privacy target, found the way Opacus'
/// `get_noise_multiplier` finds it: double σ from 20 until ε(σ) ≤ target, then bisect until ε is
/// within `tolerance` below the target, returning the upper (safe) end. Only the noise is
/// solved for; the sample rate and step count are the run's.
public enum NoiseCalibration {
    /// Beyond this σ the target is declared out of reach (Opacus' `MAX_SIGMA`).
    public static let maximumNoiseMultiplier = 1e6

    /// - Parameter alongside: charges the run also makes (e.g. Laplace counts of category
    ///   frequencies); σ is solved for the ledger holding them and the DP-SGD steps together.
    /// - Returns: σ and the ε it gives (at most `targetEpsilon`).
    /// - Throws: ``PrivacyError`` when the target is not a positive number, δ is not in (0, 1),
    ///   or no σ reaches the target (as σ grows, ε tends to a floor set by δ and the largest
    ///   order, about 0.1 for δ = 1e-5 with the default orders).
    public static func noiseMultiplier(targetEpsilon: Double, delta: Double, sampleRate: Double, steps: Int,
                                       tolerance: Double = 0.01,
                                       orders: [Double] = RenyiAccountant.defaultOrders,
                                       alongside: [PrivacyCharge] = []) throws -> (noiseMultiplier: Double, epsilon: Double) {
        guard targetEpsilon.isFinite, targetEpsilon > 0 else {
            throw PrivacyError("ε must be a positive number (got \(targetEpsilon))")
        }
        guard delta > 0, delta < 1 else { throw PrivacyError("δ must be in (0, 1) (got \(delta))") }
        guard sampleRate > 0, sampleRate <= 1 else { throw PrivacyError("the sample rate must be in (0, 1] (got \(sampleRate))") }
        guard steps > 0 else { throw PrivacyError("a DP-SGD run needs at least one step (got \(steps))") }
        func epsilon(_ sigma: Double) -> Double {
            var accountant = RenyiAccountant(orders: orders)
            for charge in alongside { accountant.charge(charge.label, charge.mechanism) }
            accountant.record(SubsampledGaussian(noiseMultiplier: sigma, sampleRate: sampleRate, steps: steps))
            return accountant.epsilon(delta: delta).epsilon
        }
        var low = 0.0, high = 10.0, epsilonHigh = Double.infinity
        while epsilonHigh > targetEpsilon {
            high *= 2
            epsilonHigh = epsilon(high)
            if high > maximumNoiseMultiplier {
                throw PrivacyError("ε = \(targetEpsilon) at δ = \(delta) cannot be reached with \(steps) steps at sample rate \(sampleRate): even noise multiplier \(high) gives ε = \(epsilonHigh)")
            }
        }
        while targetEpsilon - epsilonHigh > tolerance {
            let sigma = (low + high) / 2
            let eps = epsilon(sigma)
            if eps < targetEpsilon {
                high = sigma
                epsilonHigh = eps
            } else {
                low = sigma
            }
        }
        return (high, epsilonHigh)
    }
}

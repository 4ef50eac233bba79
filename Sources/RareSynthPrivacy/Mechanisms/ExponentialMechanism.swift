import Foundation
import RareSynthNumerics

/// Chooses one of several candidates with probability ∝ exp(ε·u/(2Δ)) for utilities u of
/// sensitivity Δ: ε-differentially private (McSherry & Talwar 2007). PrivBayes picks each
/// node's parents with it, scored by mutual information.
///
/// It is also ε-bounded-range (Durfee & Rogers 2019), hence ε²/8-zero-concentrated DP (Cesar &
/// Rogers 2021): its Rényi DP at order α is at most min(ε, α·ε²/8), which composes far better
/// over many selections than adding ε's.
public struct ExponentialMechanism: Sendable, Equatable, Codable {
    public var epsilon: Double
    public var sensitivity: Double

    public init(epsilon: Double, sensitivity: Double) throws {
        guard epsilon.isFinite, epsilon > 0 else { throw PrivacyError("the exponential mechanism needs ε > 0 (got \(epsilon))") }
        guard sensitivity.isFinite, sensitivity > 0 else { throw PrivacyError("sensitivity must be a positive number (got \(sensitivity))") }
        self.epsilon = epsilon
        self.sensitivity = sensitivity
    }

    /// The index of the chosen candidate, by the Gumbel-max trick: argmax of ε·u/(2Δ) + G with
    /// independent standard Gumbel G, which selects with exactly the exponential mechanism's
    /// probabilities and needs no normalising sum (no overflow for large utilities).
    public func choose<R: RandomNumberGenerator>(utilities: [Double], using rng: inout R) -> Int {
        precondition(!utilities.isEmpty, "the exponential mechanism needs at least one candidate")
        var best = 0, top = -Double.infinity
        for (i, u) in utilities.enumerated() {
            let score = epsilon * u / (2 * sensitivity) - Foundation.log(-Foundation.log(rng.nextUniform()))
            if score > top { (best, top) = (i, score) }
        }
        return best
    }

    /// The selection probabilities (for tests and reports).
    public func probabilities(utilities: [Double]) -> [Double] {
        let scores = utilities.map { epsilon * $0 / (2 * sensitivity) }
        let top = scores.max() ?? 0
        let weights = scores.map { Foundation.exp($0 - top) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    public func renyiDivergence(order alpha: Double) -> Double {
        precondition(alpha > 1, "Rényi orders must exceed 1 (got \(alpha))")
        return Swift.min(epsilon, alpha * epsilon * epsilon / 8)
    }
}

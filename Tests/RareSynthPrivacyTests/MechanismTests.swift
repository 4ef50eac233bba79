import Foundation
import RareSynthNumerics
@testable import RareSynthPrivacy
import Testing

/// The pure mechanisms with fixed seeds: their noise has the scale and the selection probabilities
/// their ε promises, their Rényi curves match a numerical integration, and the ledger composes them.
@Suite struct MechanismTests {
    /// 400,000 draws of Lap(0, b): E|X| = b and Var X = 2b² within sampling error, and the
    /// Kolmogorov–Smirnov distance to the Laplace CDF below the 1 % critical value.
    @Test(arguments: [(0.1, 1.0), (1.0, 1.0), (2.0, 5.0)])
    func laplaceNoiseHasTheScaleItsEpsilonPromises(epsilon: Double, sensitivity: Double) throws {
        let mechanism = try LaplaceMechanism(epsilon: epsilon, sensitivity: sensitivity)
        let b = sensitivity / epsilon, n = 400_000
        var rng = SeededRandom(seed: 21)
        let draws = (0..<n).map { _ in mechanism.noise(using: &rng) }
        let meanAbsolute = draws.reduce(0) { $0 + Swift.abs($1) } / Double(n)
        let variance = draws.reduce(0) { $0 + $1 * $1 } / Double(n)
        // Standard errors: |X| is Exp(b) (sd b), X² has sd √20·b².
        #expect(Swift.abs(meanAbsolute - b) < 4 * b / Double(n).squareRoot(), "E|X| \(meanAbsolute), b \(b)")
        #expect(Swift.abs(variance - 2 * b * b) < 4 * 20.0.squareRoot() * b * b / Double(n).squareRoot())
        let sorted = draws.sorted()
        var distance = 0.0
        for (i, x) in sorted.enumerated() {
            let cdf = x < 0 ? 0.5 * Foundation.exp(x / b) : 1 - 0.5 * Foundation.exp(-x / b)
            distance = Swift.max(distance, Swift.abs(cdf - Double(i) / Double(n)), Swift.abs(Double(i + 1) / Double(n) - cdf))
        }
        #expect(distance < 1.63 / Double(n).squareRoot(), "KS distance \(distance)")
    }

    /// Mironov's closed form for the Laplace mechanism's Rényi divergence against
    /// D_α(Lap(0, b) ‖ Lap(Δ, b)) = log ∫ p^α q^(1−α) / (α − 1) by the trapezoid rule.
    @Test func laplaceRenyiCurveMatchesNumericalIntegration() throws {
        for epsilon in [0.1, 0.5, 2.0] {
            let mechanism = try LaplaceMechanism(epsilon: epsilon)
            let b = 1 / epsilon
            for alpha in [1.5, 2, 5, 20] {
                let (lo, hi, steps) = (-60 * b, 60 * b, 600_000)
                let h = (hi - lo) / Double(steps)
                var integral = 0.0
                for k in 0...steps {
                    let x = lo + Double(k) * h
                    let logP = -Swift.abs(x) / b, logQ = -Swift.abs(x - 1) / b
                    let f = Foundation.exp(alpha * logP + (1 - alpha) * logQ) / (2 * b)
                    integral += (k == 0 || k == steps) ? f / 2 : f
                }
                let numeric = Foundation.log(integral * h) / (alpha - 1)
                let closed = mechanism.renyiDivergence(order: alpha)
                #expect(Swift.abs(closed - numeric) < 1e-6 * Swift.max(1, numeric), "ε \(epsilon) α \(alpha): \(closed) vs \(numeric)")
                #expect(closed <= epsilon)
            }
        }
    }

    /// 200,000 selections among utilities with spread: every frequency within 4.5 standard errors
    /// of exp(ε·u/(2Δ)) normalised, and neighbouring utilities (each moved by ≤ Δ) change no
    /// probability by more than e^ε.
    @Test func exponentialMechanismSelectsWithItsProbabilities() throws {
        let mechanism = try ExponentialMechanism(epsilon: 1, sensitivity: 1)
        let utilities = [0.0, 1, 2, 3, 5, -2]
        let p = mechanism.probabilities(utilities: utilities)
        var counts = [Int](repeating: 0, count: utilities.count)
        var rng = SeededRandom(seed: 22)
        let n = 200_000
        for _ in 0..<n { counts[mechanism.choose(utilities: utilities, using: &rng)] += 1 }
        for (c, pi) in zip(counts, p) {
            let se = (pi * (1 - pi) / Double(n)).squareRoot()
            #expect(Swift.abs(Double(c) / Double(n) - pi) < 4.5 * se + 1e-12, "frequency \(Double(c) / Double(n)) vs \(pi)")
        }
        let neighbour = mechanism.probabilities(utilities: [1.0, 0, 2, 2, 5, -1])
        for (a, b) in zip(p, neighbour) { #expect(Swift.max(a / b, b / a) <= Foundation.exp(1) * (1 + 1e-12)) }
    }

    /// Pure charges add by basic composition; through their Rényi curves many small charges cost
    /// far less than their sum, and mixing in DP-SGD leaves only the (ε, δ) form.
    @Test func ledgerComposesPureAndGaussianCharges() throws {
        var ledger = RenyiAccountant()
        ledger.charge("marginals", .laplace(try LaplaceMechanism(epsilon: 0.05), uses: 100))
        ledger.charge("structure", .exponential(try ExponentialMechanism(epsilon: 0.05, sensitivity: 1), uses: 20))
        #expect(Swift.abs(ledger.pureEpsilon! - 6) < 1e-12)
        let (epsilon, _) = ledger.epsilon(delta: 1e-5)
        #expect(epsilon < 6 && epsilon > 0.5, "RDP-composed ε \(epsilon)")
        ledger.record(SubsampledGaussian(noiseMultiplier: 1, sampleRate: 0.01, steps: 100))
        #expect(ledger.pureEpsilon == nil)
        #expect(ledger.charges.map(\.label) == ["marginals", "structure", "DP-SGD"])
        #expect(ledger.epsilon(delta: 1e-5).epsilon > epsilon)
    }

    @Test func badParametersAreRejected() {
        #expect(throws: PrivacyError.self) { try LaplaceMechanism(epsilon: 0) }
        #expect(throws: PrivacyError.self) { try LaplaceMechanism(epsilon: .nan) }
        #expect(throws: PrivacyError.self) { try LaplaceMechanism(epsilon: 1, sensitivity: -1) }
        #expect(throws: PrivacyError.self) { try ExponentialMechanism(epsilon: -0.5, sensitivity: 1) }
        #expect(throws: PrivacyError.self) { try ExponentialMechanism(epsilon: .infinity, sensitivity: 1) }
    }
}

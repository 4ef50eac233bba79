import Foundation
@testable import RareSynthPrivacy
import Testing

/// The accountant's own consistency: closed forms where they exist, the two series agreeing where
/// they meet, and composition. Agreement with Opacus is in OpacusFixtureTests.
@Suite struct RenyiAccountantTests {
    /// Without subsampling the Gaussian mechanism's RDP is α/(2σ²) (Mironov 2017, Prop. 7).
    @Test func fullBatchIsTheGaussianMechanism() {
        let mechanism = SubsampledGaussian(noiseMultiplier: 1.3, sampleRate: 1, steps: 7)
        for alpha in [1.5, 2, 10, 63] {
            #expect(Swift.abs(mechanism.renyiDivergence(order: alpha) - 7 * alpha / (2 * 1.3 * 1.3)) < 1e-12)
        }
    }

    /// For q < 1 the integer-order expansion and the fractional-order series are two formulas for
    /// one smooth function of α: approaching an integer from either side they must meet it.
    @Test(arguments: [(0.01, 1.0), (0.1, 0.8), (0.5, 2.0), (0.003, 4.0)])
    func integerAndFractionalOrdersAgree(q: Double, sigma: Double) {
        for alpha in [2, 3, 8, 20] {
            let exact = SubsampledGaussian.logA(q: q, sigma: sigma, alpha: Double(alpha))
            for side in [-1e-7, 1e-7] {
                let near = SubsampledGaussian.logAFractional(q: q, sigma: sigma, alpha: Double(alpha) + side)
                #expect(Swift.abs(near - exact) < 1e-5 * Swift.max(1, Swift.abs(exact)), "α = \(alpha)\(side > 0 ? "+" : "−"): \(near) vs \(exact)")
            }
        }
    }

    /// Opacus' own unit test (tests/accountants_test.py, test_rdp_accountant): σ 1.5, q 0.04,
    /// 2,250 steps (90 epochs), δ 1e-5 gives ε = 7.32911117143.
    @Test func opacusPublishedExample() {
        var accountant = RenyiAccountant()
        accountant.record(SubsampledGaussian(noiseMultiplier: 1.5, sampleRate: 0.04, steps: 2250))
        #expect(Swift.abs(accountant.epsilon(delta: 1e-5).epsilon - 7.329_111_171_43) < 1e-9)
    }

    /// Subsampling only helps (amplification), and no noise or no sampling are the limits.
    @Test func limitsAndAmplification() {
        let full = SubsampledGaussian(noiseMultiplier: 1, sampleRate: 1, steps: 1).renyiDivergence(order: 4)
        let sampled = SubsampledGaussian(noiseMultiplier: 1, sampleRate: 0.05, steps: 1).renyiDivergence(order: 4)
        #expect(sampled > 0 && sampled < full)
        #expect(SubsampledGaussian(noiseMultiplier: 1, sampleRate: 0, steps: 5).renyiDivergence(order: 4) == 0)
        #expect(SubsampledGaussian(noiseMultiplier: 0, sampleRate: 0.1, steps: 5).renyiDivergence(order: 4) == .infinity)
    }

    /// Composition adds RDP order by order: two records equal one record of the summed steps.
    @Test func compositionAddsSteps() {
        var split = RenyiAccountant(), whole = RenyiAccountant()
        split.record(SubsampledGaussian(noiseMultiplier: 1.1, sampleRate: 0.02, steps: 300))
        split.record(SubsampledGaussian(noiseMultiplier: 1.1, sampleRate: 0.02, steps: 700))
        whole.record(SubsampledGaussian(noiseMultiplier: 1.1, sampleRate: 0.02, steps: 1000))
        for (a, b) in zip(split.renyiDivergences, whole.renyiDivergences) { #expect(Swift.abs(a - b) <= 1e-12 * Swift.max(1, b)) }
        #expect(Swift.abs(split.epsilon(delta: 1e-5).epsilon - whole.epsilon(delta: 1e-5).epsilon) < 1e-12)
        #expect(RenyiAccountant().epsilon(delta: 1e-5).epsilon < 0.2)   // nothing spent: the conversion's floor
    }

    @Test func logErfcMatchesErfcWhereBothWork() {
        for x in [-3.0, 0, 1, 5, 10, 20, 25] {
            #expect(Swift.abs(LogSpace.logErfc(x) - Foundation.log(Foundation.erfc(x))) < 1e-12 * Swift.max(1, Swift.abs(Foundation.log(Foundation.erfc(x)))))
        }
        // Past the underflow of erfc the series continues smoothly.
        let (a, b) = (LogSpace.logErfc(25), LogSpace.logErfc(25.000_001))
        #expect(b < a && a - b < 1e-3)
        #expect(LogSpace.logErfc(40).isFinite && LogSpace.logErfc(40) < -1600)
    }

    @Test func badRequestsFailBeforeAnyWork() {
        #expect(throws: PrivacyError.self) { try NoiseCalibration.noiseMultiplier(targetEpsilon: 0, delta: 1e-5, sampleRate: 0.1, steps: 10) }
        #expect(throws: PrivacyError.self) { try NoiseCalibration.noiseMultiplier(targetEpsilon: -1, delta: 1e-5, sampleRate: 0.1, steps: 10) }
        #expect(throws: PrivacyError.self) { try NoiseCalibration.noiseMultiplier(targetEpsilon: .nan, delta: 1e-5, sampleRate: 0.1, steps: 10) }
        #expect(throws: PrivacyError.self) { try NoiseCalibration.noiseMultiplier(targetEpsilon: 1, delta: 1, sampleRate: 0.1, steps: 10) }
        #expect(throws: PrivacyError.self) { try NoiseCalibration.noiseMultiplier(targetEpsilon: 1, delta: 1e-5, sampleRate: 0, steps: 10) }
        // Below the conversion's floor no noise is enough.
        #expect(throws: PrivacyError.self) { try NoiseCalibration.noiseMultiplier(targetEpsilon: 0.01, delta: 1e-5, sampleRate: 0.1, steps: 10) }
    }

    @Test func calibratedNoiseMeetsTheTarget() throws {
        let (sigma, epsilon) = try NoiseCalibration.noiseMultiplier(targetEpsilon: 1, delta: 1e-5, sampleRate: 0.01, steps: 3000)
        #expect(epsilon <= 1 && epsilon > 0.99)
        var accountant = RenyiAccountant()
        accountant.record(SubsampledGaussian(noiseMultiplier: sigma, sampleRate: 0.01, steps: 3000))
        #expect(accountant.epsilon(delta: 1e-5).epsilon == epsilon)
    }
}

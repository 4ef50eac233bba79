import Foundation
import RareSynthNumerics
@testable import RareSynthNeural
import Testing

/// Fused operations against the chains of operations they replace: the same values and the same
/// gradients, bit for bit, so fusing never changes a trained model.
@Suite struct FusedOperationTests {
    static func random(_ shape: [Int], seed: UInt64) -> Tensor { GradientCheckTests.random(shape, seed: seed) }

    /// z·w summed plus the KL term, the way TVAE's loss uses both, written step by step or fused.
    static func vaeLoss(fused: Bool, createGraph: Bool) -> (values: [Tensor], gradients: [Tensor]) {
        let mean = random([7, 5], seed: 31), logVariance = random([7, 5], seed: 32), noise = random([7, 5], seed: 33)
        let weights = random([7, 5], seed: 34)
        let tape = Tape()
        let mu = tape.variable(mean), lv = tape.variable(logVariance)
        let z: Variable, kl: Variable
        if fused {
            (z, kl) = vaeLatent(mean: mu, logVariance: lv, noise: noise, klScale: -0.5 / 7)
        } else {
            z = tape.constant(noise) * (lv * 0.5).exp() + mu
            kl = ((lv + 1) - mu.square() - lv.exp()).sum() * (-0.5 / 7)
        }
        let loss = (z * tape.constant(weights)).sum() + kl
        let gradients = tape.gradients(of: loss, withRespectTo: [mu, lv], createGraph: createGraph)
        return ([z.value, kl.value, loss.value], gradients.map(\.value))
    }

    @Test(arguments: [false, true])
    func vaeLatentMatchesItsOperations(createGraph: Bool) {
        let chain = Self.vaeLoss(fused: false, createGraph: createGraph)
        let fused = Self.vaeLoss(fused: true, createGraph: createGraph)
        for (a, b) in zip(chain.values + chain.gradients, fused.values + fused.gradients) {
            #expect(a.shape == b.shape)
            #expect(a.scalars.map(\.bitPattern) == b.scalars.map(\.bitPattern))
        }
        #expect(fused.gradients[1].scalars.contains { $0 != 0 })
    }
}

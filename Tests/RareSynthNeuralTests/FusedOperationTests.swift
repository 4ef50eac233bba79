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

    /// ReLU and LeakyReLU make their mask inside the backward rule; under `createGraph` it is a
    /// constant factor. Both must give the stored-mask product g · mask, zeros and slopes alike.
    @Test(arguments: [Float(0), 0.2])
    func rectifierGradientsAreGradientTimesMask(slope: Float) {
        var x = Self.random([6, 4], seed: 41)
        x.scalars[3] = 0
        x.scalars[5] = -0.0
        let weights = Self.random([6, 4], seed: 42)
        for createGraph in [false, true] {
            let tape = Tape()
            let v = tape.variable(x)
            let out = slope == 0 ? v.relu() : v.leakyReLU(slope)
            let gradient = tape.gradients(of: (out * tape.constant(weights)).sum(), withRespectTo: [v], createGraph: createGraph)[0]
            let expected = zip(x.scalars, weights.scalars).map { xi, w in w * (xi > 0 ? 1 : slope) }
            #expect(gradient.value.scalars.map(\.bitPattern) == expected.map(\.bitPattern))
            #expect(out.value.scalars == x.scalars.map { $0 > 0 ? $0 : (slope == 0 ? 0 : slope * $0) })
        }
    }

    /// CTGAN's residual block `cat(relu(bn(x)), h)` as one operation against the three.
    @Test func batchNormResidualMatchesItsOperations() {
        let x = Self.random([9, 5], seed: 51), h = Self.random([9, 3], seed: 52), weights = Self.random([9, 8], seed: 53)
        func run(fused: Bool) -> [[UInt32]] {
            let bn = BatchNorm1d(5)
            bn.scale.value = Self.random([5], seed: 54)
            bn.shift.value = Self.random([5], seed: 55)
            let tape = Tape()
            let xv = tape.variable(x), hv = tape.variable(h)
            let out = fused ? bn.residual(xv, skip: hv, training: true)
                            : Variable.concatColumns([bn(xv, training: true).relu(), hv])
            let loss = (out * tape.constant(weights)).sum()
            let leaves = [xv, hv, tape.use(bn.scale), tape.use(bn.shift)]
            let gradients = tape.gradients(of: loss, withRespectTo: leaves).map(\.value)
            return ([out.value, bn.runningMean, bn.runningVariance] + gradients).map { $0.scalars.map(\.bitPattern) }
        }
        let chain = run(fused: false), fused = run(fused: true)
        #expect(chain == fused)
        #expect(fused[0].contains(0) && fused[3].contains { $0 != 0 })
    }
}

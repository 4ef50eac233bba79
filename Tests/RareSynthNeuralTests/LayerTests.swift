import Foundation
import RareSynthNumerics
@testable import RareSynthNeural
import Testing

@Suite struct LayerTests {
    @Test func linearMatchesItsDefinitionAndPyTorchInitBounds() {
        var rng = SeededRandom(seed: 1)
        let layer = Linear(4, 3, rng: &rng)
        #expect(layer.weight.value.shape == [3, 4] && layer.bias.value.shape == [3])
        #expect(layer.parameters.allSatisfy { $0.value.scalars.allSatisfy { Swift.abs($0) <= 0.5 } })
        let tape = Tape()
        let x = GradientCheckTests.random([2, 4], seed: 2)
        let y = layer(tape.constant(x)).value
        for r in 0..<2 {
            for o in 0..<3 {
                var s = layer.bias.value.scalars[o]
                for i in 0..<4 { s += x[r, i] * layer.weight.value[o, i] }
                #expect(Swift.abs(y[r, o] - s) < 1e-6)
            }
        }
    }

    @Test func batchNormNormalisesAndTracksRunningStatistics() {
        let bn = BatchNorm1d(3)
        let x = GradientCheckTests.random([8, 3], seed: 3, scale: 4)
        let tape = Tape()
        let y = bn(tape.constant(x), training: true).value
        for c in 0..<3 {
            let column = (0..<8).map { Double(y[$0, c]) }
            let mean = column.reduce(0, +) / 8
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 8
            #expect(Swift.abs(mean) < 1e-5 && Swift.abs(variance - 1) < 1e-3)
            let raw = (0..<8).map { Double(x[$0, c]) }
            let rawMean = raw.reduce(0, +) / 8
            let unbiased = raw.map { ($0 - rawMean) * ($0 - rawMean) }.reduce(0, +) / 7
            #expect(Swift.abs(Double(bn.runningMean.scalars[c]) - 0.1 * rawMean) < 1e-5)
            #expect(Swift.abs(Double(bn.runningVariance.scalars[c]) - (0.9 + 0.1 * unbiased)) < 1e-4)
        }
        // Gradients through the batch statistics.
        GradientCheckTests.check([x]) { v in
            let b = BatchNorm1d(3)
            return b(v[0], training: true) * v[0].constant(GradientCheckTests.random([8, 3], seed: 4))
        }
    }

    @Test func dropoutKeepsTheExpectedShareAndScales() {
        var rng = SeededRandom(seed: 5)
        let tape = Tape()
        let x = tape.constant(Tensor(shape: [100, 100], repeating: 1))
        let y = Dropout(0.5)(x, training: true, rng: &rng).value
        let kept = y.scalars.filter { $0 != 0 }
        #expect(kept.allSatisfy { $0 == 2 })
        #expect(Swift.abs(Double(kept.count) / 10_000 - 0.5) < 0.03)
        #expect(Dropout(0.5)(x, training: false, rng: &rng).value == x.value)
    }

    /// The mask is 16-bit uniforms taken four per word, lane by lane; the vector path (16 at a
    /// time) must read them in the scalar path's order, whatever the length and rate.
    @Test(arguments: [(1, 0.5), (15, 0.5), (16, 0.3), (37, 0.5), (250, 0.1), (64, 0.99)])
    func dropoutMaskFollowsTheWordOrder(count: Int, probability: Float) {
        var rng = SeededRandom(seed: 9), reference = rng
        let tape = Tape()
        let y = Dropout(probability)(tape.constant(Tensor(shape: [count], repeating: 1)), training: true, rng: &rng).value
        let threshold = UInt64(((1 - Double(probability)) * 65_536).rounded()), scale = 1 / (1 - probability)
        var expected: [Float] = []
        while expected.count < count {
            var bits = reference.next()
            for _ in 0..<Swift.min(4, count - expected.count) {
                expected.append((bits & 0xFFFF) < threshold ? scale : 0)
                bits >>= 16
            }
        }
        #expect(y.scalars == expected)
        #expect(rng == reference)
    }

    @Test func adamMinimisesAQuadraticAndRepeatsExactly() {
        func run() -> Tensor {
            let p = Parameter("p", Tensor(shape: [3], scalars: [3, -2, 1]))
            let adam = Adam([p], learningRate: 0.1, weightDecay: 1e-4)
            for _ in 0..<300 {
                let tape = Tape()
                let loss = (tape.use(p) - tape.constant(Tensor(shape: [3], scalars: [1, 1, 1]))).square().sum()
                tape.backward(loss, parameters: [p])
                adam.step()
            }
            return p.value
        }
        let a = run()
        #expect(a.scalars.allSatisfy { Swift.abs($0 - 1) < 1e-2 })
        #expect(a == run())
    }

    @Test func aParameterUsedTwiceGetsBothContributions() {
        let p = Parameter("w", Tensor(shape: [2], scalars: [1, 2]))
        let tape = Tape()
        let w = tape.use(p)
        #expect(tape.use(p).index == w.index)
        tape.backward((tape.use(p) * tape.use(p)).sum() + w.sum(), parameters: [p])
        #expect(p.gradient?.scalars == [3, 5])
    }
}

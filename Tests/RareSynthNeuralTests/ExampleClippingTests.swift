import Foundation
import RareSynthNumerics
@testable import RareSynthNeural
import Testing

/// DP-SGD's clipped per-example gradients, formed from activations ("ghost" norms), against the
/// definition: one backward pass per example on its own, each gradient clipped, then summed.
@Suite struct ExampleClippingTests {
    static func random(_ shape: [Int], seed: UInt64) -> Tensor { GradientCheckTests.random(shape, seed: seed) }

    /// A TVAE in miniature: encoder (one hidden layer), latent step, decoder, reconstruction loss
    /// with learned scales, on `rows` of the batch. Its loss is the mean of per-row losses.
    struct Miniature {
        let spans = [ActivationSpan(start: 0, width: 1, activation: .tanh), ActivationSpan(start: 1, width: 3, activation: .softmax),
                     ActivationSpan(start: 4, width: 1, activation: .tanh), ActivationSpan(start: 5, width: 2, activation: .softmax)]
        let hidden: Linear, mean: Linear, logVariance: Linear, decoder: Linear
        let sigma = Parameter("sigma", Tensor(shape: [7], scalars: [0.3, 0.1, 0.1, 0.1, 0.05, 0.1, 0.1]))
        let x: Tensor, noise: Tensor

        init() {
            var rng = SeededRandom(seed: 7)
            hidden = Linear(7, 6, name: "h", rng: &rng)
            mean = Linear(6, 3, name: "mu", rng: &rng)
            logVariance = Linear(6, 3, name: "lv", rng: &rng)
            decoder = Linear(3, 7, name: "d", rng: &rng)
            var rows: [[Float]] = []
            for i in 0..<9 {
                var r = [Float](repeating: 0, count: 7)
                r[0] = Float(i) / 5 - 0.8
                r[1 + i % 3] = 1
                r[4] = Float((i * 7) % 9) / 10 - 0.4
                r[5 + i % 2] = 1
                rows.append(r)
            }
            x = Tensor(rows: rows)
            noise = ExampleClippingTests.random([9, 3], seed: 5)
        }

        var parameters: [Parameter] { hidden.parameters + mean.parameters + logVariance.parameters + decoder.parameters + [sigma] }

        /// The loss on the given rows (mean over them), on `tape`.
        func loss(rows: [Int], tape: Tape) -> (loss: Variable, output: Variable, x: Tensor) {
            let xs = x.gatheringRows(rows), eps = noise.gatheringRows(rows)
            let h = hidden(tape.constant(xs)).relu()
            let (z, kl) = vaeLatent(mean: mean(h), logVariance: logVariance(h), noise: eps, klScale: -0.5 / Float(rows.count))
            let out = decoder(z)
            let reconstruction = out.tvaeReconstruction(x: xs, sigma: tape.use(sigma), spans: spans, factor: 2)
            return (reconstruction + kl, out, xs)
        }
    }

    /// Per example: its own gradient by a backward pass on that row alone, clipped, summed.
    static func definition(_ model: Miniature, clipNorm: Float) -> (gradients: [[Double]], norms: [Double]) {
        var sums = model.parameters.map { [Double](repeating: 0, count: $0.value.count) }
        var norms: [Double] = []
        for i in 0..<model.x.rows {
            let tape = Tape()
            let (loss, _, _) = model.loss(rows: [i], tape: tape)
            let grads = tape.gradients(of: loss, withRespectTo: model.parameters.map { tape.use($0) }).map(\.value)
            let norm = grads.reduce(0.0) { $0 + $1.scalars.reduce(0.0) { $0 + Double($1) * Double($1) } }.squareRoot()
            norms.append(norm)
            let factor = min(1, Double(clipNorm) / (norm + 1e-6))
            for (k, g) in grads.enumerated() {
                for j in 0..<g.count { sums[k][j] += factor * Double(g.scalars[j]) }
            }
        }
        return (sums, norms)
    }

    static func clipped(_ model: Miniature, clipNorm: Float) -> [Float] {
        let tape = Tape()
        tape.trackExamples()
        let rows = Array(0..<model.x.rows)
        let (loss, out, xs) = model.loss(rows: rows, tape: tape)
        let sigmaRows = out.tvaeSigmaExampleGradients(x: xs, sigma: model.sigma.value, spans: model.spans, factor: 2)
        return tape.clippedExampleGradients(of: loss, parameters: model.parameters, exampleScale: Float(rows.count),
                                            clipNorm: clipNorm, rowGradients: [(model.sigma, sigmaRows)])
    }

    @Test(arguments: [Float(1e6), 0.5, 0.05])
    func ghostClippingEqualsTheDefinition(clipNorm: Float) {
        let model = Miniature()
        let reference = Self.definition(model, clipNorm: clipNorm)
        let norms = Self.clipped(model, clipNorm: clipNorm)
        for (a, b) in zip(norms, reference.norms) { #expect(abs(Double(a) - b) <= 1e-5 * max(1, b)) }
        for (p, expected) in zip(model.parameters, reference.gradients) {
            let got = p.gradient!.scalars
            #expect(got.count == expected.count)
            let scale = max(1, expected.map(abs).max()!)
            let worst = zip(got, expected).map { abs(Double($0) - $1) }.max()!
            #expect(worst <= 2e-5 * scale, "\(p.name): off by \(worst)")
        }
        if clipNorm < 1 {
            // The test means something only if some examples were actually clipped.
            #expect(reference.norms.contains { $0 > Double(clipNorm) })
        }
    }

    /// Unclipped (a huge bound), the sum of per-example gradients is the batch gradient times
    /// its row count: the ordinary backward pass.
    @Test func unclippedSumIsTheBatchGradient() {
        let model = Miniature()
        let tape = Tape()
        let (loss, _, _) = model.loss(rows: Array(0..<model.x.rows), tape: tape)
        let batch = tape.gradients(of: loss, withRespectTo: model.parameters.map { tape.use($0) }).map(\.value)
        _ = Self.clipped(model, clipNorm: 1e9)
        for (p, g) in zip(model.parameters, batch) {
            for (a, b) in zip(p.gradient!.scalars, g.scalars) { #expect(abs(a - 9 * b) <= 1e-4 * max(1, abs(9 * b))) }
        }
    }

    /// With every example clipped, the summed gradient's norm is at most rows × C, whatever the
    /// data: the sensitivity bound the noise is calibrated to.
    @Test func clippedSumIsBounded() {
        let model = Miniature()
        let norms = Self.clipped(model, clipNorm: 0.01)
        #expect(norms.allSatisfy { $0 > 0.01 })
        let total = model.parameters.reduce(0.0) { $0 + $1.gradient!.scalars.reduce(0.0) { $0 + Double($1) * Double($1) } }
        #expect(total.squareRoot() <= 9 * 0.01 * (1 + 1e-4))
    }

    /// The noise has the standard deviation σ·C it promises (and mean 0), divided by the divisor:
    /// a χ² bound on the variance and a z bound on the mean over 200,000 draws (fixed seed).
    @Test func noiseHasItsStandardDeviation() {
        let p = Parameter("p", Tensor(shape: [200_000]))
        p.gradient = Tensor(shape: [200_000])
        var rng = SeededRandom(seed: 11)
        GradientNoise.add(to: [p], standardDeviation: 3, divisor: 2, using: &rng)
        let values = p.gradient!.scalars.map(Double.init)
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        // Expected: sd 1.5. Mean's sd 1.5/√n; variance's relative sd √(2/n) ≈ 0.0032 (4.5 sd bounds).
        #expect(abs(mean) < 4.5 * 1.5 / n.squareRoot())
        #expect(abs(variance / 2.25 - 1) < 4.5 * (2 / n).squareRoot())
        // And not some other shape with that variance: its fourth moment is a normal's (3σ⁴).
        let kurtosis = values.reduce(0) { $0 + pow(($1 - mean), 4) } / n / (variance * variance)
        #expect(abs(kurtosis - 3) < 0.06)
    }
}

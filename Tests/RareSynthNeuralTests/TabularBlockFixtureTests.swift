import Foundation
import RareSynthNumerics
@testable import RareSynthNeural
import Testing

/// The fused block operations of CTGAN and TVAE against PyTorch running ctgan 0.12.1's own
/// functions (`_apply_activate`, `_cond_loss`, TVAE's `_loss_function` and networks), to 1e-5.
@Suite struct TabularBlockFixtureTests {
    /// Spans [(1, tanh), (3, softmax), (1, tanh), (2, softmax)] of the fixtures.
    static let spans = [ActivationSpan(start: 0, width: 1, activation: .tanh), ActivationSpan(start: 1, width: 3, activation: .softmax),
                        ActivationSpan(start: 4, width: 1, activation: .tanh), ActivationSpan(start: 5, width: 2, activation: .softmax)]

    static func expectClose(_ a: Tensor, _ b: Tensor, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        PyTorchFixtureTests.expectClose(a, b, what, sourceLocation: sourceLocation)
    }

    @Test func gumbelSoftmaxActivation() throws {
        let f = try #require(try TorchFixture.load("activate").cases["main"])
        let tape = Tape()
        let x = tape.variable(f.input("x"))
        let y = x.activated(Self.spans, inverseTau: 1 / 0.2, gumbel: f.input("g").scalars)
        let loss = (y * tape.constant(f.input("R"))).sum()
        Self.expectClose(y.value, f.output("out"), "activated")
        Self.expectClose(loss.value, f.output("loss"), "loss")
        Self.expectClose(tape.gradients(of: loss, withRespectTo: [x])[0].value, f.grad("x"), "dx")
    }

    @Test(arguments: [("split_spans", [1, 3]), ("continuous_and_discrete", [3])])
    func conditionalCrossEntropy(_ name: String, _ discrete: [Int]) throws {
        let f = try #require(try TorchFixture.load("cond_loss").cases[name])
        // The second case groups (1 tanh, 3 softmax) as one continuous column and (3 softmax) as
        // the discrete one: data columns 4..<7.
        let spans = name == "split_spans" ? Self.spans
            : [ActivationSpan(start: 0, width: 1, activation: .tanh), ActivationSpan(start: 1, width: 3, activation: .softmax),
               ActivationSpan(start: 4, width: 3, activation: .softmax), ActivationSpan(start: 4, width: 3, activation: .softmax)]
        let c = f.input("c"), m = f.input("m")
        var spanOfRow: [Int] = [], category: [Int] = []
        for r in 0..<c.rows {
            let column = (0..<m.columns).max { m[r, $0] < m[r, $1] }!
            let spanIndex = name == "split_spans" ? discrete[column] : 2
            let start = name == "split_spans" ? [0, 3][column] : 0
            let width = spans[spanIndex].width
            category.append((0..<width).max { c[r, start + $0] < c[r, start + $1] }!)
            spanOfRow.append(spanIndex)
        }
        let tape = Tape()
        let data = tape.variable(f.input("data"))
        let loss = data.conditionalCrossEntropy(spans: spans, span: spanOfRow, category: category)
        Self.expectClose(loss.value, f.output("loss"), "\(name) loss")
        Self.expectClose(tape.gradients(of: loss, withRespectTo: [data])[0].value, f.grad("data"), "\(name) ddata")
    }

    /// KL(q ‖ N(0, I)) / n, as TVAE's fit composes it.
    static func kl(_ mean: Variable, _ logVariance: Variable) -> Variable {
        ((logVariance + 1) - mean.square() - logVariance.exp()).sum() * (-0.5 / Float(mean.rows))
    }

    @Test func tvaeLoss() throws {
        let f = try #require(try TorchFixture.load("tvae_loss").cases["loss_only"])
        let tape = Tape()
        let rec = tape.variable(f.input("recon_x")), sigma = tape.variable(f.input("sigmas"))
        let mu = tape.variable(f.input("mu")), logvar = tape.variable(f.input("logvar"))
        let reconstruction = rec.tvaeReconstruction(x: f.input("x"), sigma: sigma, spans: Self.spans, factor: 2)
        let kl = Self.kl(mu, logvar)
        Self.expectClose(reconstruction.value, f.output("loss_1"), "reconstruction")
        Self.expectClose(kl.value, f.output("loss_2"), "KL")
        let g = tape.gradients(of: reconstruction + kl, withRespectTo: [rec, sigma, mu, logvar])
        for (k, name) in ["recon_x", "sigmas", "mu", "logvar"].enumerated() { Self.expectClose(g[k].value, f.grad(name), "d\(name)") }
    }

    @Test func tvaeEncoderAndDecoder() throws {
        let f = try #require(try TorchFixture.load("tvae_loss").cases["encoder_decoder"])
        let names = ["encoder.seq.0", "encoder.fc1", "encoder.fc2", "decoder.seq.0", "decoder.seq.2"]
        let layers = names.map { PyTorchFixtureTests.linear(f, $0) }
        let sigma = Parameter("sigma", f.param("decoder.sigma"))
        let tape = Tape()
        let feature = layers[0](tape.constant(f.input("x"))).relu()
        let (mu, logvar) = (layers[1](feature), layers[2](feature))
        let z = tape.constant(f.input("eps")) * (logvar * 0.5).exp() + mu
        let rec = layers[4](layers[3](z).relu())
        Self.expectClose(rec.value, f.intermediate("rec"), "reconstruction")
        let loss = rec.tvaeReconstruction(x: f.input("x"), sigma: tape.use(sigma), spans: Self.spans, factor: 2) + Self.kl(mu, logvar)
        Self.expectClose(loss.value, f.output("loss"), "loss")
        let params = layers.flatMap { [$0.weight, $0.bias] } + [sigma]
        let grads = tape.gradients(of: loss, withRespectTo: params.map { tape.use($0) })
        let gradNames = names.flatMap { ["\($0).weight", "\($0).bias"] } + ["decoder.sigma"]
        for (g, name) in zip(grads, gradNames) { Self.expectClose(g.value, f.grad(name), name) }
    }
}

import Foundation
import RareSynthNumerics
@testable import RareSynthNeural
import Testing

/// Forward values and gradients against PyTorch 2.13 on fixed weights and inputs (fixtures made
/// by Fixtures/make_torch_fixtures.py; see Fixtures/README.md), to 1e-5 relative (absolute below
/// 1). Randomness (dropout masks, α) is taken from the fixture so both sides compute the same thing.
@Suite struct PyTorchFixtureTests {
    static let tolerance: Float = 1e-5

    static func expectClose(_ a: Tensor, _ b: Tensor, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let d = worstDeviation(a, b)
        #expect(d <= tolerance, "\(what): deviation \(d)", sourceLocation: sourceLocation)
    }

    static func linear(_ f: TorchFixture.Case, _ prefix: String) -> Linear {
        var rng = SeededRandom(seed: 0)
        let w = f.param("\(prefix).weight")
        let layer = Linear(w.shape[1], w.shape[0], rng: &rng)
        layer.weight.value = w
        layer.bias.value = f.param("\(prefix).bias")
        return layer
    }

    static func batchNorm(_ f: TorchFixture.Case, _ prefix: String) -> BatchNorm1d {
        let dot = prefix.isEmpty ? "" : prefix + "."
        let weight = f.param("\(dot)weight")
        let bn = BatchNorm1d(weight.count)
        bn.scale.value = weight
        bn.shift.value = f.param("\(dot)bias")
        return bn
    }

    @Test func ctganGenerator() throws {
        let f = try #require(try TorchFixture.load("generator").cases["main"])
        let fc = [Self.linear(f, "seq.0.fc"), Self.linear(f, "seq.1.fc")]
        let bn = [Self.batchNorm(f, "seq.0.bn"), Self.batchNorm(f, "seq.1.bn")]
        let out = Self.linear(f, "seq.2")
        let tape = Tape()
        let z = tape.variable(f.input("z"))
        var h = z
        for k in 0..<2 { h = Variable.concatColumns([bn[k](fc[k](h), training: true).relu(), h]) }
        let y = out(h)
        let loss = (y * tape.constant(f.input("R"))).sum()
        Self.expectClose(y.value, f.output("output"), "output")
        Self.expectClose(loss.value, f.output("loss"), "loss")
        for k in 0..<2 {
            Self.expectClose(bn[k].runningMean, f.intermediate("seq.\(k).bn.running_mean"), "running mean \(k)")
            Self.expectClose(bn[k].runningVariance, f.intermediate("seq.\(k).bn.running_var"), "running var \(k)")
        }
        let named: [(String, Parameter)] = [
            ("seq.0.fc.weight", fc[0].weight), ("seq.0.fc.bias", fc[0].bias), ("seq.0.bn.weight", bn[0].scale), ("seq.0.bn.bias", bn[0].shift),
            ("seq.1.fc.weight", fc[1].weight), ("seq.1.fc.bias", fc[1].bias), ("seq.1.bn.weight", bn[1].scale), ("seq.1.bn.bias", bn[1].shift),
            ("seq.2.weight", out.weight), ("seq.2.bias", out.bias),
        ]
        let grads = tape.gradients(of: loss, withRespectTo: named.map { tape.use($0.1) } + [z])
        for ((name, _), g) in zip(named, grads) { Self.expectClose(g.value, f.grad(name), name) }
        Self.expectClose(grads.last!.value, f.grad("z"), "z")
    }

    /// The small CTGAN critic of the fixtures (pac 2, widths 6, 6) on one input with its masks.
    struct Critic {
        let layers: [Linear]
        let dropout = Dropout(0.5)
        init(_ f: TorchFixture.Case) {
            layers = ["seq.0", "seq.3", "seq.6"].map { PyTorchFixtureTests.linear(f, $0) }
        }
        var named: [(String, Parameter)] {
            zip(["seq.0", "seq.3", "seq.6"], layers).flatMap { name, l in [("\(name).weight", l.weight), ("\(name).bias", l.bias)] }
        }
        func callAsFunction(_ x: Variable, masks: [Tensor]) -> Variable {
            var h = x.reshaped([x.rows / 2, x.columns * 2])
            for k in 0..<2 { h = dropout(layers[k](h).leakyReLU(0.2), keepMask: masks[k]) }
            return layers[2](h)
        }
    }

    @Test func ctganCritic() throws {
        let f = try #require(try TorchFixture.load("discriminator").cases["main"])
        let critic = Critic(f)
        let tape = Tape()
        let real = tape.variable(f.input("real")), fake = tape.variable(f.input("fake"))
        let yReal = critic(real, masks: [f.input("real.mask_1"), f.input("real.mask_2")])
        let yFake = critic(fake, masks: [f.input("fake.mask_1"), f.input("fake.mask_2")])
        let loss = -(yReal.mean() - yFake.mean())
        Self.expectClose(yReal.value, f.output("y_real"), "y_real")
        Self.expectClose(yFake.value, f.output("y_fake"), "y_fake")
        Self.expectClose(loss.value, f.output("loss"), "loss")
        let grads = tape.gradients(of: loss, withRespectTo: critic.named.map { tape.use($0.1) } + [real, fake])
        for ((name, _), g) in zip(critic.named, grads) { Self.expectClose(g.value, f.grad(name), name) }
        Self.expectClose(grads[6].value, f.grad("real"), "real")
        Self.expectClose(grads[7].value, f.grad("fake"), "fake")
    }

    /// CTGAN's gradient penalty (a gradient of a gradient), alone and inside a full critic step.
    @Test(arguments: ["penalty", "d_step_total"])
    func gradientPenalty(_ name: String) throws {
        let f = try #require(try TorchFixture.load("gradient_penalty").cases[name])
        let critic = Critic(f)
        let tape = Tape()
        let real = tape.variable(f.input("real")), fake = tape.variable(f.input("fake"))
        let alpha = tape.constant(Self.alpha(f))
        let interpolates = alpha * real + (1 - alpha) * fake
        let score = critic(interpolates, masks: [f.input("gp.mask_1"), f.input("gp.mask_2")])
        let gradient = tape.gradients(of: score, withRespectTo: [interpolates], createGraph: true)[0]
        let norms = gradient.reshaped([4, 14]).rowNorms()
        let penalty = (norms - 1).square().mean() * 10
        if name == "penalty" {
            Self.expectClose(interpolates.value, f.intermediate("interpolates"), "interpolates")
            Self.expectClose(gradient.value, f.intermediate("gradients"), "first-order gradients")
            Self.expectClose(norms.value.reshaped([4]), f.intermediate("gradients_norm"), "norms")
        }
        Self.expectClose(penalty.value, f.output("penalty"), "penalty")
        var loss = penalty
        if name == "d_step_total" {
            let yReal = critic(real, masks: [f.input("real.mask_1"), f.input("real.mask_2")])
            let yFake = critic(fake, masks: [f.input("fake.mask_1"), f.input("fake.mask_2")])
            let lossD = -(yReal.mean() - yFake.mean())
            Self.expectClose(lossD.value, f.output("loss_d"), "loss_d")
            loss = penalty + lossD
        }
        Self.expectClose(loss.value, f.output("loss"), "loss")
        let grads = tape.gradients(of: loss, withRespectTo: critic.named.map { tape.use($0.1) } + [real, fake])
        for ((pname, _), g) in zip(critic.named, grads) { Self.expectClose(g.value, f.grad(pname), "second-order \(pname)") }
        Self.expectClose(grads[6].value, f.grad("real"), "real")
        Self.expectClose(grads[7].value, f.grad("fake"), "fake")
    }

    /// α per pac group repeated over its rows and columns, as ctgan builds it.
    static func alpha(_ f: TorchFixture.Case) -> Tensor {
        let raw = f.input("alpha_raw").scalars, (m, n) = (8, 7)
        return Tensor(shape: [m, n], scalars: (0..<(m * n)).map { raw[$0 / n / 2] })
    }

    @Test func batchNormTrainingAndEvaluation() throws {
        let fixture = try TorchFixture.load("batchnorm")
        let train = try #require(fixture.cases["train"])
        let bn = Self.batchNorm(train, "")
        let tape = Tape()
        let x = tape.variable(train.input("x"))
        let y = bn(x, training: true)
        let loss = (y * tape.constant(train.input("R"))).sum()
        Self.expectClose(y.value, train.output("y"), "y")
        Self.expectClose(bn.runningMean, train.intermediate("running_mean.after_1"), "running mean")
        Self.expectClose(bn.runningVariance, train.intermediate("running_var.after_1"), "running var")
        let g = tape.gradients(of: loss, withRespectTo: [x, tape.use(bn.scale), tape.use(bn.shift)])
        Self.expectClose(g[0].value, train.grad("x"), "dx")
        Self.expectClose(g[1].value, train.grad("weight"), "dγ")
        Self.expectClose(g[2].value, train.grad("bias"), "dβ")

        let e = try #require(fixture.cases["eval_after_3"])
        let bn3 = Self.batchNorm(e, "")
        for k in 1...3 {
            let t = Tape()
            Self.expectClose(bn3(t.constant(e.input("x_train_\(k)")), training: true).value, e.intermediate("y_train_\(k)"), "train \(k)")
        }
        let t = Tape()
        let xe = t.variable(e.input("x_eval"))
        let ye = bn3(xe, training: false)
        Self.expectClose(ye.value, e.output("y_eval"), "eval")
        let ge = t.gradients(of: (ye * t.constant(e.input("R_eval"))).sum(), withRespectTo: [xe, t.use(bn3.scale), t.use(bn3.shift)])
        Self.expectClose(ge[0].value, e.grad("x_eval"), "eval dx")
        Self.expectClose(ge[1].value, e.grad("weight"), "eval dγ")
        Self.expectClose(ge[2].value, e.grad("bias"), "eval dβ")
    }

    @Test(arguments: ["ctgan", "tvae", "tvae_sigma_clamp"])
    func adam(_ name: String) throws {
        let f = try #require(try TorchFixture.load("adam").cases[name])
        let settings: (lr: Float, b1: Float, b2: Float, wd: Float) = name == "ctgan" ? (2e-4, 0.5, 0.9, 1e-6) : (1e-3, 0.9, 0.999, 1e-5)
        let p0 = Parameter("p0", f.input("p0_init")), p1 = Parameter("p1", f.input("p1_init"))
        let adam = Adam([p0, p1], learningRate: settings.lr, beta1: settings.b1, beta2: settings.b2, weightDecay: settings.wd)
        let (g0, g1) = (f.input("grads_p0"), f.input("grads_p1"))
        let (after0, after1) = (f.output("p0_after"), f.output("p1_after"))
        for t in 0..<5 {
            p0.gradient = Tensor(shape: [2, 3], scalars: Array(g0.scalars[(t * 6)..<((t + 1) * 6)]))
            p1.gradient = Tensor(shape: [4], scalars: Array(g1.scalars[(t * 4)..<((t + 1) * 4)]))
            adam.step()
            if name == "tvae_sigma_clamp" { p1.value.scalars = p1.value.scalars.map { Swift.min(1, Swift.max(0.01, $0)) } }
            Self.expectClose(p0.value, Tensor(shape: [2, 3], scalars: Array(after0.scalars[(t * 6)..<((t + 1) * 6)])), "p0 step \(t + 1)")
            Self.expectClose(p1.value, Tensor(shape: [4], scalars: Array(after1.scalars[(t * 4)..<((t + 1) * 4)])), "p1 step \(t + 1)")
        }
    }

    @Test func elementaryOperations() throws {
        let cases = try TorchFixture.load("losses").cases
        func unary(_ name: String, _ op: (Variable) -> Variable) throws {
            let f = try #require(cases[name])
            let tape = Tape()
            let x = tape.variable(f.input("x"))
            let y = op(x)
            let loss = (y.reshaped(f.input("R").shape) * tape.constant(f.input("R"))).sum()
            Self.expectClose(y.value.reshaped(f.output("y").shape), f.output("y"), "\(name) y")
            Self.expectClose(loss.value, f.output("loss"), "\(name) loss")
            Self.expectClose(tape.gradients(of: loss, withRespectTo: [x])[0].value, f.grad("x"), "\(name) dx")
        }
        try unary("log_softmax") { $0.logSoftmax() }
        try unary("leaky_relu_0.2") { $0.leakyReLU(0.2) }
        try unary("relu") { $0.relu() }
        try unary("tanh") { $0.tanh() }
        try unary("sigmoid") { $0.sigmoid() }
        try unary("softplus") { $0.softplus() }
        try unary("exp") { $0.exp() }
        try unary("log") { $0.log() }
        try unary("sqrt") { $0.sqrt() }
        try unary("norm2_dim1") { $0.rowNorms() }
        try unary("norm2_dim1_zero_row") { $0.rowNorms() }

        let ce = try #require(cases["cross_entropy_mean"])
        let tape = Tape()
        let logits = tape.variable(ce.input("logits"))
        let targets = ce.input("target").scalars.map { Int($0) }
        var onehot = Tensor(shape: logits.shape)
        for (r, t) in targets.enumerated() { onehot[r, t] = 1 }
        let loss = -(logits.logSoftmax() * tape.constant(onehot)).sum().scaled(by: 1 / Float(targets.count))
        Self.expectClose(loss.value, ce.output("loss"), "cross-entropy")
        Self.expectClose(tape.gradients(of: loss, withRespectTo: [logits])[0].value, ce.grad("logits"), "cross-entropy dlogits")

        let mse = try #require(cases["mse_mean"])
        let t2 = Tape()
        let input = t2.variable(mse.input("input")), target = t2.variable(mse.input("target"))
        let l2 = (input - target).square().mean()
        Self.expectClose(l2.value, mse.output("loss"), "mse")
        let g2 = t2.gradients(of: l2, withRespectTo: [input, target])
        Self.expectClose(g2[0].value, mse.grad("input"), "mse dinput")
        Self.expectClose(g2[1].value, mse.grad("target"), "mse dtarget")
    }
}

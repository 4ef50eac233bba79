import Foundation

extension Variable {
    /// TVAE's reconstruction term (ctgan 0.12.1 `_loss_function`, first value), fused: for each α
    /// column c, Σᵣ (xᵣc − tanh(recᵣc))² / (2σc²) + n·log σc; for each one-hot block, the summed
    /// cross-entropy of its logits against the arg-max of x; all times `factor / n`.
    /// `self` is the decoder output, `sigma` the learned scales, `x` the encoded batch.
    /// First-order backward rules for both inputs.
    public func tvaeReconstruction(x: Tensor, sigma: Variable, spans: [ActivationSpan], factor: Float) -> Variable {
        let (m, n) = (rows, columns)
        let rec = value.scalars, data = x.scalars, s = sigma.value.scalars
        var total = 0.0
        var dRec = [Float](repeating: 0, count: m * n)
        var dSigma = [Float](repeating: 0, count: n)
        let scale = factor / Float(m)
        // Every exponential in one vector pass: −2|rec| for α columns (tanh), the logit less
        // its block's row maximum for one-hot blocks; `tops` keeps those maxima.
        var e = rec
        var tops = [Float](repeating: 0, count: m * spans.count)
        for (k, span) in spans.enumerated() {
            let end = span.start + span.width
            for r in 0..<m {
                let base = r * n
                switch span.activation {
                case .tanh:
                    for c in span.start..<end { e[base + c] = -2 * Swift.abs(rec[base + c]) }
                case .softmax:
                    var top = -Float.infinity
                    for j in span.start..<end { top = Swift.max(top, rec[base + j]) }
                    for j in span.start..<end { e[base + j] = rec[base + j] - top }
                    tops[r * spans.count + k] = top
                }
            }
        }
        e.withUnsafeMutableBufferPointer { FastMath.apply($0, FastMath.exp) }
        for (k, span) in spans.enumerated() {
            switch span.activation {
            case .tanh:
                for c in span.start..<(span.start + span.width) {
                    let sc = s[c], inv2 = 1 / (2 * sc * sc)
                    var squares = 0.0
                    for r in 0..<m {
                        let q = e[r * n + c], magnitude = (1 - q) / (1 + q)
                        let t = rec[r * n + c] < 0 ? -magnitude : magnitude
                        let d = data[r * n + c] - t
                        squares += Double(d * d)
                        dRec[r * n + c] = scale * (-2 * d * inv2) * (1 - t * t)
                    }
                    total += squares * Double(inv2) + Double(m) * Double(Foundation.log(sc))
                    dSigma[c] = scale * (-Float(squares) / (sc * sc * sc) + Float(m) / sc)
                }
            case .softmax:
                for r in 0..<m {
                    let base = r * n + span.start
                    var target = 0
                    for j in 0..<span.width where data[base + j] > data[base + target] { target = j }
                    var sum: Float = 0
                    for j in 0..<span.width { sum += e[base + j] }
                    total -= Double(rec[base + target] - tops[r * spans.count + k] - Foundation.log(sum))
                    for j in 0..<span.width { dRec[base + j] = scale * e[base + j] / sum }
                    dRec[base + target] -= scale
                }
            }
        }
        let loss = Tensor(Float(total) * scale)
        return tape.record(loss, inputs: [self, sigma], backward: [
            { g, _ in g.expanded(to: [m, n]) * g.constant(Tensor(shape: [m, n], scalars: dRec)) },
            { g, _ in g.expanded(to: [n]) * g.constant(Tensor(shape: [n], scalars: dSigma)) },
        ])
    }
}

/// A VAE's latent step fused: the reparameterised code z = ε·exp(½·logσ²) + μ and the KL term
/// klScale · Σ((logσ² + 1) − μ² − exp(logσ²)) (TVAE: klScale = −½ / batch rows), each one node.
///
/// Written as separate operations these are about twenty passes over the batch, forward and
/// backward, each with its own buffer; here they are four. Every value and gradient is the
/// one the separate operations give, bit for bit: the same float operations in the same order
/// (first-order rules; under `createGraph` they fall back to those operations).
/// Record `kl` after `z` (as this does) so the gradients add up in the same order too.
public func vaeLatent(mean: Variable, logVariance: Variable, noise: Tensor, klScale c: Float) -> (z: Variable, kl: Variable) {
    precondition(mean.shape == logVariance.shape && noise.shape == mean.shape,
                 "vaeLatent: mean \(mean.shape), log-variance \(logVariance.shape), noise \(noise.shape)")
    let count = mean.value.count, shape = mean.shape
    let mu = mean.value.scalars, lv = logVariance.value.scalars, eps = noise.scalars
    // exp(½·logσ²) in the first half, exp(logσ²) in the second, one vector pass.
    var exps = Elementwise.filled(2 * count) { e in
        for i in 0..<count {
            e[i] = lv[i] * 0.5
            e[count + i] = lv[i]
        }
    }
    exps.withUnsafeMutableBufferPointer { FastMath.apply($0, FastMath.exp) }
    let z = Elementwise.filled(count) { out in
        for i in 0..<count { out[i] = eps[i] * exps[i] + mu[i] }
    }
    let terms = Elementwise.filled(count) { out in
        for i in 0..<count { out[i] = ((lv[i] + 1) - mu[i] * mu[i]) - exps[count + i] }
    }
    let sum = Reductions.sum(Tensor(shape: shape, scalars: terms))
    let kl = Tensor(shape: sum.shape, scalars: sum.scalars.map { $0 * c })
    let tape = mean.tape
    let zVariable = tape.record(Tensor(shape: shape, scalars: z), inputs: [mean, logVariance], backward: [
        { g, _ in g },
        { g, _ in
            let std = Tensor(shape: shape, scalars: Array(exps[0..<count]))
            guard !g.tape.isRecording else { return ((g * g.constant(noise)) * g.constant(std)).scaled(by: 0.5) }
            let gz = g.value.scalars
            return g.constant(Tensor(shape: shape, scalars: Elementwise.filled(count) { out in
                for i in 0..<count { out[i] = ((gz[i] * eps[i]) * exps[i]) * 0.5 }
            }))
        },
    ])
    let klVariable = tape.record(kl, inputs: [mean, logVariance], backward: [
        { g, _ in
            guard !g.tape.isRecording else {
                return (g.scaled(by: c).expanded(to: shape).scaled(by: -1) * g.constant(mean.value)).scaled(by: 2)
            }
            let cg = g.value.scalars[0] * c
            return g.constant(Tensor(shape: shape, scalars: Elementwise.filled(count) { out in
                for i in 0..<count { out[i] = ((-cg) * mu[i]) * 2 }
            }))
        },
        { g, _ in
            guard !g.tape.isRecording else {
                let variance = Tensor(shape: shape, scalars: Array(exps[count...]))
                let cg = g.scaled(by: c).expanded(to: shape)
                return (-cg) * g.constant(variance) + cg
            }
            let cg = g.value.scalars[0] * c
            return g.constant(Tensor(shape: shape, scalars: Elementwise.filled(count) { out in
                for i in 0..<count { out[i] = ((-cg) * exps[count + i]) + cg }
            }))
        },
    ])
    return (zVariable, klVariable)
}

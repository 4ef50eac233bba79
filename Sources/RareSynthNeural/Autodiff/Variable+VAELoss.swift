import Foundation

extension Variable {
    /// TVAE's reconstruction term (ctgan 0.12.1 `_loss_function`, first value), fused: for each α
    /// column c, Σᵣ (xᵣc − tanh(recᵣc))² / (2σc²) + n·log σc; for each one-hot block, the summed
    /// cross-entropy of its logits against the arg-max of x; all times `factor / n`.
    /// `self` is the decoder output, `sigma` the learned scales, `x` the encoded batch.
    /// First-order backward rules for both inputs.
    public func tvaeReconstruction(x: Tensor, sigma: Variable, spans: [ActivationSpan], factor: Float) -> Variable {
        let (m, n) = (rows, columns)
        let spanCount = spans.count
        var total = 0.0
        var dRec = [Float](repeating: 0, count: m * n)
        var dSigma = [Float](repeating: 0, count: n)
        let scale = factor / Float(m)
        // Every exponential in one vector pass: −2|rec| for α columns (tanh), the logit less
        // its block's row maximum for one-hot blocks; `tops` keeps those maxima.
        var e = value.scalars
        var tops = [Float](repeating: 0, count: m * spanCount)
        value.scalars.withUnsafeBufferPointer { rec in
            e.withUnsafeMutableBufferPointer { e in
                tops.withUnsafeMutableBufferPointer { tops in
                    for (k, span) in spans.enumerated() {
                        let end = span.start + span.width
                        for r in 0..<m {
                            let base = r &* n
                            switch span.activation {
                            case .tanh:
                                for c in span.start..<end { e[base &+ c] = -2 * Swift.abs(rec[base &+ c]) }
                            case .softmax:
                                var top = -Float.infinity
                                for j in span.start..<end { top = Swift.max(top, rec[base &+ j]) }
                                for j in span.start..<end { e[base &+ j] = rec[base &+ j] - top }
                                tops[r &* spanCount &+ k] = top
                            }
                        }
                    }
                }
            }
        }
        e.withUnsafeMutableBufferPointer { FastMath.apply($0, FastMath.exp) }
        // Σ per α column and per one-hot row, in span order (the order `total` is summed in).
        func accumulate(_ rec: UnsafeBufferPointer<Float>, _ data: UnsafeBufferPointer<Float>, _ s: UnsafeBufferPointer<Float>,
                        _ e: UnsafeBufferPointer<Float>, _ tops: UnsafeBufferPointer<Float>, _ dRec: UnsafeMutableBufferPointer<Float>) {
            for (k, span) in spans.enumerated() {
                switch span.activation {
                case .tanh:
                    for c in span.start..<(span.start + span.width) {
                        let sc = s[c], inv2 = 1 / (2 * sc * sc)
                        var squares = 0.0
                        for r in 0..<m {
                            let i = r &* n &+ c
                            let q = e[i], magnitude = (1 - q) / (1 + q)
                            let t = rec[i] < 0 ? -magnitude : magnitude
                            let d = data[i] - t
                            squares += Double(d * d)
                            dRec[i] = scale * (-2 * d * inv2) * (1 - t * t)
                        }
                        total += squares * Double(inv2) + Double(m) * Double(Foundation.log(sc))
                        dSigma[c] = scale * (-Float(squares) / (sc * sc * sc) + Float(m) / sc)
                    }
                case .softmax:
                    for r in 0..<m {
                        let base = r &* n &+ span.start
                        var target = 0
                        for j in 0..<span.width where data[base &+ j] > data[base &+ target] { target = j }
                        var sum: Float = 0
                        for j in 0..<span.width { sum += e[base &+ j] }
                        total -= Double(rec[base &+ target] - tops[r &* spanCount &+ k] - Foundation.log(sum))
                        for j in 0..<span.width { dRec[base &+ j] = scale * e[base &+ j] / sum }
                        dRec[base &+ target] -= scale
                    }
                }
            }
        }
        value.scalars.withUnsafeBufferPointer { rec in
            x.scalars.withUnsafeBufferPointer { data in
                sigma.value.scalars.withUnsafeBufferPointer { s in
                    e.withUnsafeBufferPointer { e in
                        tops.withUnsafeBufferPointer { tops in
                            dRec.withUnsafeMutableBufferPointer { accumulate(rec, data, s, e, tops, $0) }
                        }
                    }
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

extension Variable {
    /// Each row's own gradient of ``tvaeReconstruction(x:sigma:spans:factor:)`` with respect to
    /// σ, as a [rows, columns] matrix: for an α column c, factor · (1/σc − (xᵣc − tanh(recᵣc))²/σc³);
    /// zero elsewhere. DP-SGD clips each example's gradient, and σ, shared by all rows, is the
    /// one TVAE parameter that is not a linear layer's (whose per-example norms come from
    /// activations). The batch's gradient is the mean of these rows.
    public func tvaeSigmaExampleGradients(x: Tensor, sigma: Tensor, spans: [ActivationSpan], factor: Float) -> Tensor {
        let (m, n) = (rows, columns)
        precondition(x.shape == shape && sigma.count == n, "tvaeSigmaExampleGradients: output \(shape), x \(x.shape), sigma \(sigma.shape)")
        var out = [Float](repeating: 0, count: m * n)
        let rec = value.scalars
        for span in spans where span.activation == .tanh {
            for c in span.start..<(span.start + span.width) {
                let sc = sigma.scalars[c]
                for r in 0..<m {
                    let i = r * n + c
                    let d = x.scalars[i] - FastMath.tanh(rec[i])
                    out[i] = factor * (1 / sc - d * d / (sc * sc * sc))
                }
            }
        }
        return Tensor(shape: [m, n], scalars: out)
    }
}

/// A VAE's latent step fused: the reparameterised code z = ε·exp(½·logσ²) + μ and the KL term
/// klScale · Σ((logσ² + 1) − μ² − exp(logσ²)) (TVAE: klScale = −½ / batch rows), each one node.
///
/// Written as separate operations these are about twenty passes over the batch, forward and
/// backward, each with its own buffer; here they are eight (five forward, three backward). Every value and gradient is the
/// one the separate operations give, bit for bit: the same float operations in the same order
/// (first-order rules; under `createGraph` they fall back to those operations).
/// Record `kl` after `z` (as this does) so the gradients add up in the same order too.
public func vaeLatent(mean: Variable, logVariance: Variable, noise: Tensor, klScale c: Float) -> (z: Variable, kl: Variable) {
    precondition(mean.shape == logVariance.shape && noise.shape == mean.shape,
                 "vaeLatent: mean \(mean.shape), log-variance \(logVariance.shape), noise \(noise.shape)")
    let shape = mean.shape
    let std = Elementwise.mapLanes(logVariance.value) { FastMath.exp($0 * 0.5) }
    let variance = Elementwise.mapLanes(logVariance.value) { FastMath.exp($0) }
    let z = Elementwise.zip3(noise, std, mean.value) { e, s, m in e * s + m }
    let terms = Elementwise.zip3(logVariance.value, mean.value, variance) { l, m, v in ((l + 1) - m * m) - v }
    let sum = Reductions.sum(terms)
    let kl = Tensor(shape: sum.shape, scalars: sum.scalars.map { $0 * c })
    let tape = mean.tape
    let zVariable = tape.record(z, inputs: [mean, logVariance], backward: [
        { g, _ in g },
        { g, _ in
            guard !g.tape.isRecording else { return ((g * g.constant(noise)) * g.constant(std)).scaled(by: 0.5) }
            return g.constant(Elementwise.zip3(g.value, noise, std) { gz, e, s in ((gz * e) * s) * 0.5 })
        },
    ])
    let klVariable = tape.record(kl, inputs: [mean, logVariance], backward: [
        { g, _ in
            guard !g.tape.isRecording else {
                return (g.scaled(by: c).expanded(to: shape).scaled(by: -1) * g.constant(mean.value)).scaled(by: 2)
            }
            let cg = g.value.scalars[0] * c
            return g.constant(Elementwise.map(mean.value) { ((-cg) * $0) * 2 })
        },
        { g, _ in
            guard !g.tape.isRecording else {
                let cg = g.scaled(by: c).expanded(to: shape)
                return (-cg) * g.constant(variance) + cg
            }
            let cg = g.value.scalars[0] * c
            return g.constant(Elementwise.map(variance) { ((-cg) * $0) + cg })
        },
    ])
    return (zVariable, klVariable)
}

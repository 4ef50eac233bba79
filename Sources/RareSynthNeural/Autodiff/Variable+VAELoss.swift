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
        for span in spans {
            switch span.activation {
            case .tanh:
                for c in span.start..<(span.start + span.width) {
                    let sc = s[c], inv2 = 1 / (2 * sc * sc)
                    var squares = 0.0
                    for r in 0..<m {
                        let t = FastMath.tanh(rec[r * n + c])
                        let e = data[r * n + c] - t
                        squares += Double(e * e)
                        dRec[r * n + c] = scale * (-2 * e * inv2) * (1 - t * t)
                    }
                    total += squares * Double(inv2) + Double(m) * Double(Foundation.log(sc))
                    dSigma[c] = scale * (-Float(squares) / (sc * sc * sc) + Float(m) / sc)
                }
            case .softmax:
                for r in 0..<m {
                    let base = r * n + span.start
                    var target = 0, top = -Float.infinity
                    for j in 0..<span.width {
                        if data[base + j] > data[base + target] { target = j }
                        top = Swift.max(top, rec[base + j])
                    }
                    var sum: Float = 0
                    for j in 0..<span.width { sum += Foundation.exp(rec[base + j] - top) }
                    total -= Double(rec[base + target] - top - Foundation.log(sum))
                    for j in 0..<span.width { dRec[base + j] = scale * Foundation.exp(rec[base + j] - top) / sum }
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

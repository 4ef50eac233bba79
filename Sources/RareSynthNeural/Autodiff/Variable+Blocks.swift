import Foundation
import RareSynthNumerics

/// The generator-side operations on tabular rows, fused into one pass each: they run on every
/// training step for every span, and as separate slice/activate/concatenate operations they would
/// allocate one matrix per span. Their backward rules are first order (the generator is never
/// differentiated twice; only the critic is, for the gradient penalty).
extension Variable {
    /// CTGAN's `_apply_activate`: tanh on α spans, Gumbel-softmax with temperature `tau` on
    /// one-hot spans, `softmax((logits + g) / tau)` with `g = −log(−log U)` drawn from `rng`
    /// (torch's `gumbel_softmax(hard=False)`).
    public func activated(_ spans: [ActivationSpan], tau: Float = 0.2, rng: inout SeededRandom) -> Variable {
        let gumbel = Elementwise.filled(value.count) { FastMath.fillGumbel($0, using: &rng) }
        return activated(spans, inverseTau: 1 / tau, gumbel: gumbel)
    }

    /// tanh on α spans and the plain softmax on one-hot spans (TVAE's decoder output).
    public func activated(_ spans: [ActivationSpan]) -> Variable {
        activated(spans, inverseTau: 1, gumbel: [])
    }

    /// Gumbel noise given explicitly (one value per element; empty for none).
    public func activated(_ spans: [ActivationSpan], inverseTau: Float, gumbel: [Float]) -> Variable {
        let (m, n) = (rows, columns)
        // Three passes so that every exponential goes through one vector pass: the arguments
        // (−2|x| for tanh, the shifted logit for softmax), exp, then each span's finish.
        // Pointer loops: these run over every generated row several times a step.
        var y = value.scalars
        value.scalars.withUnsafeBufferPointer { x in
            gumbel.withUnsafeBufferPointer { noise in
                y.withUnsafeMutableBufferPointer { y in
                    ActivationSpan.forEach(spans, rows: m, width: n) { span, range in
                        switch span.activation {
                        case .tanh:
                            for j in range { y[j] = -2 * Swift.abs(x[j]) }
                        case .softmax:
                            var top = -Float.infinity
                            for j in range {
                                let z = (x[j] + (noise.isEmpty ? 0 : noise[j])) * inverseTau
                                y[j] = z
                                top = Swift.max(top, z)
                            }
                            for j in range { y[j] -= top }
                        }
                    }
                    FastMath.apply(y, FastMath.exp)
                    ActivationSpan.forEach(spans, rows: m, width: n) { span, range in
                        switch span.activation {
                        case .tanh:
                            for j in range {
                                let e = y[j], t = (1 - e) / (1 + e)
                                y[j] = x[j] < 0 ? -t : t
                            }
                        case .softmax:
                            var sum: Float = 0
                            for j in range { sum += y[j] }
                            for j in range { y[j] /= sum }
                        }
                    }
                }
            }
        }
        return tape.record(Tensor(shape: [m, n], scalars: y), inputs: [self], backward: [{ g, out in
            // Zeros first: columns outside every span get no gradient.
            var dx = [Float](repeating: 0, count: m * n)
            dx.withUnsafeMutableBufferPointer { dx in
                g.value.scalars.withUnsafeBufferPointer { gv in
                    out.value.scalars.withUnsafeBufferPointer { yv in
                        ActivationSpan.forEach(spans, rows: m, width: n) { span, range in
                            switch span.activation {
                            case .tanh:
                                for j in range { dx[j] = gv[j] * (1 - yv[j] * yv[j]) }
                            case .softmax:
                                var dot: Float = 0
                                for j in range { dot += gv[j] * yv[j] }
                                for j in range { dx[j] = yv[j] * (gv[j] - dot) * inverseTau }
                            }
                        }
                    }
                }
            }
            return g.constant(Tensor(shape: [m, n], scalars: dx))
        }])
    }

    /// CTGAN's `_cond_loss`: for each row, the cross-entropy between the logits of the span the
    /// row was conditioned on and the category it was conditioned on, averaged over rows. (ctgan
    /// stacks one cross-entropy per discrete column and masks all but the chosen one; the sum is
    /// the same.)
    public func conditionalCrossEntropy(spans: [ActivationSpan], span: [Int], category: [Int]) -> Variable {
        let (m, n) = (rows, columns)
        precondition(span.count == m && category.count == m, "one condition per row")
        let x = value.scalars
        var total = 0.0
        var softmax = [Float](repeating: 0, count: m * n)
        for r in 0..<m {
            let s = spans[span[r]], base = r * n
            var top = -Float.infinity
            for j in s.start..<(s.start + s.width) { top = Swift.max(top, x[base + j]) }
            var sum: Float = 0
            for j in s.start..<(s.start + s.width) {
                let e = Foundation.exp(x[base + j] - top)
                softmax[base + j] = e
                sum += e
            }
            for j in s.start..<(s.start + s.width) { softmax[base + j] /= sum }
            total -= Double(x[base + s.start + category[r]] - top - Foundation.log(sum))
        }
        let scale = 1 / Float(m)
        return tape.record(Tensor(Float(total / Double(m))), inputs: [self], backward: [{ g, _ in
            let gs = g.value.scalars[0] * scale
            var dx = softmax
            for r in 0..<m {
                let s = spans[span[r]], base = r * n
                for j in s.start..<(s.start + s.width) { dx[base + j] *= gs }
                dx[base + s.start + category[r]] -= gs
            }
            return g.constant(Tensor(shape: [m, n], scalars: dx))
        }])
    }
}

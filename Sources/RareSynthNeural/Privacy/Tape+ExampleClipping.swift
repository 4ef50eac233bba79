import RareSynthNumerics

/// One application of a `linear` layer on a tape that tracks examples: where its input, output
/// and parameters sit, so the per-example gradients of its weights can be formed without
/// materialising them.
struct LinearUse {
    let input: Int
    let output: Int
    let weight: Int
    let bias: Int
}

extension Tape {
    /// Makes every `linear` recorded from now on note its input and output, for
    /// ``clippedExampleGradients(of:parameters:exampleScale:clipNorm:rowGradients:)``. Call it on
    /// a fresh tape before the forward pass.
    public func trackExamples() {
        exampleUses = []
    }

    /// DP-SGD's clipping step (Abadi et al. 2016): the gradient of each example's loss, scaled
    /// down to L2 norm at most `clipNorm` over all `parameters` together, then summed over the
    /// batch and stored in each parameter's `gradient`. Noise is added separately
    /// (``GradientNoise``).
    ///
    /// The per-example gradients are never formed. A linear layer's weight gradient for example
    /// i is the outer product gᵢ·xᵢᵀ of the gradient at its output and its input, so its squared
    /// norm is ‖gᵢ‖²·(‖xᵢ‖² + 1) with the bias (Goodfellow 2015; "ghost" norms), and the sum of
    /// the clipped ones is (c ⊙ G)ᵀ·X: one matrix product, as in plain training. The clip factor
    /// is Opacus' `min(1, C / (‖gᵢ‖ + 1e-6))`.
    ///
    /// - Parameters:
    ///   - loss: a scalar that is `1 / exampleScale` times the sum of per-example losses, where row
    ///     i of every tracked layer's input belongs to example i alone (no batch norm, no
    ///     mixing of rows).
    ///   - parameters: every parameter the loss depends on. Each must be the weight or bias of
    ///     exactly one tracked `linear`, or have its per-example gradients in `rowGradients`.
    ///   - exampleScale: the loss's divisor (the batch rows for a mean).
    ///   - rowGradients: for a parameter applied row-wise (e.g. TVAE's output scales), its
    ///     per-example gradients as a [rows, count] matrix, already of each example's own loss.
    /// - Returns: each example's gradient norm before clipping.
    @discardableResult
    public func clippedExampleGradients(of loss: Variable, parameters: [Parameter], exampleScale: Float, clipNorm: Float,
                                        rowGradients: [(Parameter, Tensor)] = []) -> [Float] {
        guard let uses = exampleUses else { preconditionFailure("clippedExampleGradients: call trackExamples() before the forward pass") }
        precondition(clipNorm > 0 && clipNorm.isFinite, "clip norm must be positive and finite")
        // Which use, if any, each parameter belongs to.
        var byNode: [Int: (use: Int, isWeight: Bool)] = [:]
        for (u, use) in uses.enumerated() {
            for (node, isWeight) in [(use.weight, true), (use.bias, false)] {
                precondition(byNode[node] == nil, "clippedExampleGradients: a layer is applied twice on one tape")
                byNode[node] = (u, isWeight)
            }
        }
        let rowParameters = Set(rowGradients.map { ObjectIdentifier($0.0) })
        for p in parameters where !rowParameters.contains(ObjectIdentifier(p)) {
            if let node = parameterIndex[ObjectIdentifier(p)] {
                precondition(byNode[node] != nil, "clippedExampleGradients: \(p.name) is not a tracked linear layer's weight or bias")
            }
        }
        let rows = uses.first.map { nodes[$0.input].value.rows } ?? rowGradients.first?.1.rows ?? 0
        precondition(uses.allSatisfy { nodes[$0.input].value.rows == rows } && rowGradients.allSatisfy { $0.1.rows == rows },
                     "clippedExampleGradients: every tracked input and row gradient needs one row per example")
        let outputGradients = gradients(of: loss, withRespectTo: uses.map { Variable(tape: self, index: $0.output) }).map(\.value)

        // Squared norms, example by example (in Double, in a fixed order).
        var squares = [Double](repeating: 0, count: rows)
        let s2 = Double(exampleScale) * Double(exampleScale)
        for (use, g) in zip(uses, outputGradients) {
            let x = nodes[use.input].value
            let gRows = Self.rowSquares(g), xRows = Self.rowSquares(x)
            for i in 0..<rows { squares[i] += s2 * gRows[i] * (xRows[i] + 1) }
        }
        for (_, r) in rowGradients {
            let rRows = Self.rowSquares(r)
            for i in 0..<rows { squares[i] += rRows[i] }
        }
        let norms = squares.map { Float($0.squareRoot()) }
        let factors = norms.map { Swift.min(1, clipNorm / ($0 + 1e-6)) }

        // Sums of the clipped gradients.
        for p in parameters { p.gradient = Tensor(shape: p.value.shape) }
        for (use, g) in zip(uses, outputGradients) {
            let (out, x) = (g.columns, nodes[use.input].value)
            var scaled = g.scalars
            for i in 0..<rows {
                let f = exampleScale * factors[i]
                for j in 0..<out { scaled[i * out + j] *= f }
            }
            let weight = parameters.first { parameterIndex[ObjectIdentifier($0)] == use.weight }
            let bias = parameters.first { parameterIndex[ObjectIdentifier($0)] == use.bias }
            if let weight {
                var w = [Float](repeating: 0, count: out * x.columns)
                scaled.withUnsafeBufferPointer { gs in
                    x.scalars.withUnsafeBufferPointer { xs in
                        w.withUnsafeMutableBufferPointer { c in
                            guard rows > 0, x.columns > 0 else { return }
                            GEMM.multiply(transposeA: true, m: out, n: x.columns, k: rows, a: gs.baseAddress!, lda: out,
                                          b: xs.baseAddress!, ldb: x.columns, c: c.baseAddress!, ldc: x.columns)
                        }
                    }
                }
                weight.gradient = Tensor(shape: weight.value.shape, scalars: w)
            }
            if let bias {
                bias.gradient = Reductions.sumRows(Tensor(shape: [rows, out], scalars: scaled)).reshaped(bias.value.shape)
            }
        }
        for (p, r) in rowGradients {
            let n = r.columns
            var sum = [Double](repeating: 0, count: n)
            for i in 0..<rows {
                let f = Double(factors[i])
                for j in 0..<n { sum[j] += f * Double(r.scalars[i * n + j]) }
            }
            p.gradient = Tensor(shape: p.value.shape, scalars: sum.map { Float($0) })
        }
        return norms
    }

    /// Σⱼ aᵢⱼ² for each row i, in Double.
    static func rowSquares(_ a: Tensor) -> [Double] {
        let (m, n) = (a.rows, a.columns)
        var out = [Double](repeating: 0, count: m)
        a.scalars.withUnsafeBufferPointer { p in
            for i in 0..<m {
                var s = 0.0
                for j in 0..<n { let v = Double(p[i * n + j]); s += v * v }
                out[i] = s
            }
        }
        return out
    }
}

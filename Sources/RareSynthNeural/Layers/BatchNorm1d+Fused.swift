extension BatchNorm1d {
    /// Training-mode batch normalisation as one operation: per column the mean μ and biased
    /// variance σ², x̂ = (x − μ)/√(σ² + ε), y = γ·x̂ + β; backward by the closed form
    ///
    ///     dx = (γ / (m·√(σ² + ε))) · (m·G − ΣG − x̂·Σ(G·x̂)),  dγ = Σ(G·x̂),  dβ = ΣG
    ///
    /// (sums over the batch). One pass each way instead of eight operations; the rule is first
    /// order (batch norm sits in generators, which are never differentiated twice).
    ///
    /// With `relu`, the output is max(y, 0), and with `skip`, that matrix's rows follow on each
    /// row (CTGAN's residual block `cat(relu(bn(x)), h)`): written in place, where separate
    /// operations would make and copy two more matrices each way. The gradients are those of
    /// the separate operations, bit for bit (G sliced, times the 0/1 mask, then the rule above).
    func normalizeBatch(_ x: Variable, scale: Variable, shift: Variable, relu: Bool = false,
                        skip: Variable? = nil) -> (output: Variable, mean: [Float], variance: [Float]) {
        let (m, n) = (x.rows, x.columns)
        let skipWidth = skip?.columns ?? 0, width = n + skipWidth
        precondition(skip == nil || skip!.rows == m, "batch norm skip rows \(skip!.rows), input rows \(m)")
        let xs = x.value.scalars, gamma = scale.value.scalars, beta = shift.value.scalars
        var mean = [Double](repeating: 0, count: n), variance = [Double](repeating: 0, count: n)
        // Pointer loops, so the column loops vectorise (each column is still summed row by row,
        // in order).
        xs.withUnsafeBufferPointer { xp in
            mean.withUnsafeMutableBufferPointer { meanp in
                variance.withUnsafeMutableBufferPointer { varp in
                    for r in 0..<m { for j in 0..<n { meanp[j] += Double(xp[r &* n &+ j]) } }
                    for j in 0..<n { meanp[j] /= Double(m) }
                    for r in 0..<m {
                        for j in 0..<n {
                            let d = Double(xp[r &* n &+ j]) - meanp[j]
                            varp[j] += d * d
                        }
                    }
                    for j in 0..<n { varp[j] /= Double(m) }
                }
            }
        }
        let inverse = variance.map { Float(1 / ($0 + Double(epsilon)).squareRoot()) }
        let mu = mean.map { Float($0) }
        var normalized = [Float](repeating: 0, count: m * n), y = [Float](repeating: 0, count: m * width)
        xs.withUnsafeBufferPointer { xp in
            normalized.withUnsafeMutableBufferPointer { zp in
                y.withUnsafeMutableBufferPointer { yp in
                    mu.withUnsafeBufferPointer { mup in
                        inverse.withUnsafeBufferPointer { ip in
                            gamma.withUnsafeBufferPointer { gp in
                                beta.withUnsafeBufferPointer { bp in
                                    for r in 0..<m {
                                        for j in 0..<n {
                                            let v = (xp[r &* n &+ j] - mup[j]) * ip[j]
                                            zp[r &* n &+ j] = v
                                            let out = gp[j] * v + bp[j]
                                            yp[r &* width &+ j] = relu && !(out > 0) ? 0 : out
                                        }
                                    }
                                }
                            }
                        }
                    }
                    if let skip, skipWidth > 0 {
                        skip.value.scalars.withUnsafeBufferPointer { hp in
                            for r in 0..<m { (yp.baseAddress! + r * width + n).update(from: hp.baseAddress! + r * skipWidth, count: skipWidth) }
                        }
                    }
                }
            }
        }
        // The gradient at y: G itself, or its first n columns times the ReLU mask (the output is
        // positive exactly where y is). Made once per incoming gradient (the tape hands the same
        // gradient variable to every rule), as are Σ G and Σ G·x̂ per column below.
        final class Sums { var key = -1; var gradient: [Float] = []; var sum: [Float] = []; var dot: [Float] = [] }
        let cache = Sums()
        let output = y
        func sums(_ g: Variable) -> Sums {
            if cache.key == g.index { return cache }
            var gy = g.value.scalars
            if relu || skipWidth > 0 {
                gy = Elementwise.filled(m * n) { z in
                    g.value.scalars.withUnsafeBufferPointer { gp in
                        output.withUnsafeBufferPointer { op in
                            for r in 0..<m {
                                for j in 0..<n {
                                    let i = r &* width &+ j
                                    z[r &* n &+ j] = relu ? gp[i] * (op[i] > 0 ? 1 : 0) : gp[i]
                                }
                            }
                        }
                    }
                }
            }
            var s = [Double](repeating: 0, count: n), d = [Double](repeating: 0, count: n)
            gy.withUnsafeBufferPointer { gp in
                normalized.withUnsafeBufferPointer { np in
                    s.withUnsafeMutableBufferPointer { sp in
                        d.withUnsafeMutableBufferPointer { dp in
                            for r in 0..<m {
                                let row = r * n
                                for j in 0..<n {
                                    sp[j] += Double(gp[row + j])
                                    dp[j] += Double(gp[row + j] * np[row + j])
                                }
                            }
                        }
                    }
                }
            }
            cache.key = g.index
            cache.gradient = gy
            cache.sum = s.map { Float($0) }
            cache.dot = d.map { Float($0) }
            return cache
        }
        var inputs = [x, scale, shift]
        var rules: [Tape.Backward] = [
            { g, _ in
                let totals = sums(g)
                let (s, d) = (totals.sum, totals.dot)
                let fm = Float(m)
                let factor = (0..<n).map { gamma[$0] * inverse[$0] / fm }
                let dx = Elementwise.filled(m * n) { z in
                    totals.gradient.withUnsafeBufferPointer { gv in
                        normalized.withUnsafeBufferPointer { xh in
                            factor.withUnsafeBufferPointer { fp in
                                s.withUnsafeBufferPointer { sp in
                                    d.withUnsafeBufferPointer { dp in
                                        for r in 0..<m {
                                            let row = r &* n
                                            for j in 0..<n {
                                                z[row &+ j] = fp[j] * (fm * gv[row &+ j] - sp[j] - xh[row &+ j] * dp[j])
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                return g.constant(Tensor(shape: [m, n], scalars: dx))
            },
            { g, _ in g.constant(Tensor(shape: [n], scalars: sums(g).dot)) },
            { g, _ in g.constant(Tensor(shape: [n], scalars: sums(g).sum)) },
        ]
        if let skip, skipWidth > 0 {
            inputs.append(skip)
            rules.append { g, _ in
                g.constant(Tensor(shape: [m, skipWidth], scalars: Tensor.copyingRows(m, width: skipWidth) { dst in
                    g.value.scalars.withUnsafeBufferPointer { gp in
                        for r in 0..<m { (dst + r * skipWidth).update(from: gp.baseAddress! + r * width + n, count: skipWidth) }
                    }
                }))
            }
        }
        let result = x.tape.record(Tensor(shape: [m, width], scalars: y), inputs: inputs, backward: rules)
        return (result, mu, variance.map { Float($0) })
    }
}

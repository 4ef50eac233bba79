extension BatchNorm1d {
    /// Training-mode batch normalisation as one operation: per column the mean μ and biased
    /// variance σ², x̂ = (x − μ)/√(σ² + ε), y = γ·x̂ + β; backward by the closed form
    ///
    ///     dx = (γ / (m·√(σ² + ε))) · (m·G − ΣG − x̂·Σ(G·x̂)),  dγ = Σ(G·x̂),  dβ = ΣG
    ///
    /// (sums over the batch). One pass each way instead of eight operations; the rule is first
    /// order (batch norm sits in generators, which are never differentiated twice).
    func normalizeBatch(_ x: Variable, scale: Variable, shift: Variable) -> (output: Variable, mean: [Float], variance: [Float]) {
        let (m, n) = (x.rows, x.columns)
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
        var normalized = [Float](repeating: 0, count: m * n), y = [Float](repeating: 0, count: m * n)
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
                                            yp[r &* n &+ j] = gp[j] * v + bp[j]
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Σ G and Σ G·x̂ per column, shared by the three rules: computed once per incoming
        // gradient (the tape hands the same gradient variable to all three).
        final class Sums { var key = -1; var sum: [Float] = []; var dot: [Float] = [] }
        let cache = Sums()
        func sums(_ g: Variable) -> Sums {
            if cache.key == g.index { return cache }
            var s = [Double](repeating: 0, count: n), d = [Double](repeating: 0, count: n)
            g.value.scalars.withUnsafeBufferPointer { gp in
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
            cache.sum = s.map { Float($0) }
            cache.dot = d.map { Float($0) }
            return cache
        }
        let output = x.tape.record(Tensor(shape: [m, n], scalars: y), inputs: [x, scale, shift], backward: [
            { g, _ in
                let totals = sums(g)
                let (s, d) = (totals.sum, totals.dot)
                let fm = Float(m)
                let factor = (0..<n).map { gamma[$0] * inverse[$0] / fm }
                let dx = Elementwise.filled(m * n) { z in
                    g.value.scalars.withUnsafeBufferPointer { gv in
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
        ])
        return (output, mu, variance.map { Float($0) })
    }
}

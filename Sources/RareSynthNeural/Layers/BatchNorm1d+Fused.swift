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
        for r in 0..<m { for j in 0..<n { mean[j] += Double(xs[r * n + j]) } }
        for j in 0..<n { mean[j] /= Double(m) }
        for r in 0..<m {
            for j in 0..<n {
                let d = Double(xs[r * n + j]) - mean[j]
                variance[j] += d * d
            }
        }
        for j in 0..<n { variance[j] /= Double(m) }
        let inverse = variance.map { Float(1 / ($0 + Double(epsilon)).squareRoot()) }
        let mu = mean.map { Float($0) }
        let normalized = Elementwise.filled(m * n) { z in
            for r in 0..<m { for j in 0..<n { z[r * n + j] = (xs[r * n + j] - mu[j]) * inverse[j] } }
        }
        let y = Elementwise.filled(m * n) { z in
            for r in 0..<m { for j in 0..<n { z[r * n + j] = gamma[j] * normalized[r * n + j] + beta[j] } }
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
                let dx = Elementwise.filled(m * n) { z in
                    g.value.scalars.withUnsafeBufferPointer { gv in
                        normalized.withUnsafeBufferPointer { xh in
                            for r in 0..<m {
                                let row = r * n
                                for j in 0..<n {
                                    z[row + j] = gamma[j] * inverse[j] / fm * (fm * gv[row + j] - s[j] - xh[row + j] * d[j])
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

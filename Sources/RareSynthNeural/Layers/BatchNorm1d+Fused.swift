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
        // Σ G and Σ G·x̂ per column, shared by the three rules.
        func sums(_ g: [Float]) -> (sum: [Float], dot: [Float]) {
            var s = [Double](repeating: 0, count: n), d = [Double](repeating: 0, count: n)
            for r in 0..<m {
                for j in 0..<n {
                    s[j] += Double(g[r * n + j])
                    d[j] += Double(g[r * n + j] * normalized[r * n + j])
                }
            }
            return (s.map { Float($0) }, d.map { Float($0) })
        }
        let output = x.tape.record(Tensor(shape: [m, n], scalars: y), inputs: [x, scale, shift], backward: [
            { g, _ in
                let gv = g.value.scalars
                let (s, d) = sums(gv)
                let fm = Float(m)
                let dx = Elementwise.filled(m * n) { z in
                    for r in 0..<m {
                        for j in 0..<n {
                            z[r * n + j] = gamma[j] * inverse[j] / fm * (fm * gv[r * n + j] - s[j] - normalized[r * n + j] * d[j])
                        }
                    }
                }
                return g.constant(Tensor(shape: [m, n], scalars: dx))
            },
            { g, _ in g.constant(Tensor(shape: [n], scalars: sums(g.value.scalars).dot)) },
            { g, _ in g.constant(Tensor(shape: [n], scalars: sums(g.value.scalars).sum)) },
        ])
        return (output, mu, variance.map { Float($0) })
    }
}

import RareSynthNumerics

/// G = Xᵀ·diag(w)·X for a row-major n × d matrix X, the kernel of the Newton Hessian and of the
/// normal equations.
///
/// Deterministic for any thread count: output rows are cut into fixed chunks of 8, and each entry
/// G[a][b] is one sequential sum over the n rows, whichever thread computes it. A chunk reads X
/// once, computing its 8 output rows together, so X streams through the cache d/8 times.
enum WeightedGram {
    static let rowsPerChunk = 8

    /// The symmetric d × d matrix Σᵢ wᵢ·xᵢ·xᵢᵀ (wᵢ = 1 when `weights` is nil), row-major.
    static func compute(_ x: [Double], rows n: Int, columns d: Int, weights: [Double]? = nil) -> [Double] {
        precondition(x.count == n * d && (weights?.count ?? n) == n)
        var g = [Double](repeating: 0, count: d * d)
        guard n > 0, d > 0 else { return g }
        g.withUnsafeMutableBufferPointer { gBuffer in
            let out = SendablePointer(gBuffer.baseAddress!)
            x.withUnsafeBufferPointer { xBuffer in
                let xs = SendableConstPointer(xBuffer.baseAddress!)
                let ws = weights
                Parallel.forEachChunk(count: d, chunkSize: rowsPerChunk) { range in
                    let x = xs.base
                    let g = out.base
                    for i in 0..<n {
                        let w = ws?[i] ?? 1
                        if w == 0 { continue }
                        let row = x + i * d
                        for a in range {
                            let s = w * row[a]
                            if s == 0 { continue }
                            let gRow = g + a * d
                            for b in a..<d { gRow[b] += s * row[b] }
                        }
                    }
                }
            }
        }
        for a in 0..<d {
            for b in 0..<a { g[a * d + b] = g[b * d + a] }
        }
        return g
    }
}

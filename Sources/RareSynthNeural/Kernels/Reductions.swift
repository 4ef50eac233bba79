/// Sums along an axis. Each output accumulates its inputs in index order in Double, so results
/// do not depend on threads and stay close to exact (PyTorch sums Float32 in blocks; the two
/// agree within Float32 rounding).
enum Reductions {
    /// [m, n] → [n]: the sum of each column over the rows.
    static func sumRows(_ a: Tensor) -> Tensor {
        let (m, n) = (a.rows, a.columns)
        var acc = [Double](repeating: 0, count: n)
        // Raw pointers so the inner loop vectorises (no bounds or uniqueness checks in it).
        acc.withUnsafeMutableBufferPointer { sums in
            a.scalars.withUnsafeBufferPointer { x in
                guard let s = sums.baseAddress, let p = x.baseAddress else { return }
                for r in 0..<m {
                    let row = p + r * n
                    for c in 0..<n { s[c] += Double(row[c]) }
                }
            }
        }
        return Tensor(shape: [n], scalars: acc.map { Float($0) })
    }

    /// [m, n] → [m, 1]: the sum of each row.
    static func sumColumns(_ a: Tensor) -> Tensor {
        let (m, n) = (a.rows, a.columns)
        var out = [Float](repeating: 0, count: m)
        a.scalars.withUnsafeBufferPointer { x in
            for r in 0..<m {
                var s = 0.0
                let base = r * n
                for c in 0..<n { s += Double(x[base + c]) }
                out[r] = Float(s)
            }
        }
        return Tensor(shape: [m, 1], scalars: out)
    }

    /// Every element → a scalar.
    static func sum(_ a: Tensor) -> Tensor {
        var s = 0.0
        a.scalars.withUnsafeBufferPointer { x in
            for i in 0..<x.count { s += Double(x[i]) }
        }
        return Tensor(Float(s))
    }

    /// [n] (or [1, n], or one element) repeated as the rows of an [m, n] matrix.
    static func expandRows(_ a: Tensor, to shape: [Int]) -> Tensor {
        let (m, n) = (shape[0], shape[1])
        var out = [Float](repeating: 0, count: m * n)
        if a.count == 1 { return Tensor(shape: shape, repeating: a.scalars[0]) }
        for r in 0..<m { out.replaceSubrange((r * n)..<((r + 1) * n), with: a.scalars) }
        return Tensor(shape: shape, scalars: out)
    }

    /// [m, 1] repeated across the columns of an [m, n] matrix.
    static func expandColumns(_ a: Tensor, to shape: [Int]) -> Tensor {
        let (m, n) = (shape[0], shape[1])
        var out = [Float](repeating: 0, count: m * n)
        for r in 0..<m {
            let v = a.scalars[r]
            for c in 0..<n { out[r * n + c] = v }
        }
        return Tensor(shape: shape, scalars: out)
    }
}

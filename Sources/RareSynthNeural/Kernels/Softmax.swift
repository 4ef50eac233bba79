import Foundation

/// Row-wise softmax kernels, shifted by each row's maximum so large logits do not overflow.
enum Softmax {
    /// The largest element of row r (the shift that keeps exp from overflowing).
    @inline(__always)
    static func rowMax(_ x: [Float], _ base: Int, _ n: Int) -> Float {
        var top = -Float.infinity
        for c in 0..<n { top = Swift.max(top, x[base + c]) }
        return top
    }

    static func logSoftmax(_ a: Tensor) -> Tensor {
        let (m, n) = (a.rows, a.columns)
        var out = a.scalars
        for r in 0..<m {
            let base = r * n
            let top = rowMax(out, base, n)
            var s: Float = 0
            for c in 0..<n { s += Foundation.exp(out[base + c] - top) }
            let shift = top + Foundation.log(s)
            for c in 0..<n { out[base + c] -= shift }
        }
        return Tensor(shape: a.shape, scalars: out)
    }

    static func softmax(_ a: Tensor) -> Tensor {
        let (m, n) = (a.rows, a.columns)
        var out = a.scalars
        for r in 0..<m {
            let base = r * n
            let top = rowMax(out, base, n)
            var s: Float = 0
            for c in 0..<n {
                let e = Foundation.exp(out[base + c] - top)
                out[base + c] = e
                s += e
            }
            let inv = 1 / s
            for c in 0..<n { out[base + c] *= inv }
        }
        return Tensor(shape: a.shape, scalars: out)
    }
}

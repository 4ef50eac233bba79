/// Elementwise kernels: one pass over contiguous storage, no graph logic.
enum Elementwise {
    @inline(__always)
    static func map(_ a: Tensor, _ f: (Float) -> Float) -> Tensor {
        var out = [Float](repeating: 0, count: a.count)
        a.scalars.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                for i in 0..<x.count { y[i] = f(x[i]) }
            }
        }
        return Tensor(shape: a.shape, scalars: out)
    }

    /// `f(a, b)` with `b` broadcast against `a`; the result has `a`'s shape.
    @inline(__always)
    static func zip(_ a: Tensor, _ b: Tensor, _ f: (Float, Float) -> Float) -> Tensor {
        let kind = Broadcast(a.shape, b.shape)
        var out = [Float](repeating: 0, count: a.count)
        let (m, n) = (a.rows, a.columns)
        a.scalars.withUnsafeBufferPointer { x in
            b.scalars.withUnsafeBufferPointer { y in
                out.withUnsafeMutableBufferPointer { z in
                    switch kind {
                    case .same:
                        for i in 0..<x.count { z[i] = f(x[i], y[i]) }
                    case .scalar:
                        let s = y[0]
                        for i in 0..<x.count { z[i] = f(x[i], s) }
                    case .rows:
                        for r in 0..<m {
                            let base = r * n
                            for c in 0..<n { z[base + c] = f(x[base + c], y[c]) }
                        }
                    case .columns:
                        for r in 0..<m {
                            let base = r * n, s = y[r]
                            for c in 0..<n { z[base + c] = f(x[base + c], s) }
                        }
                    }
                }
            }
        }
        return Tensor(shape: a.shape, scalars: out)
    }

    /// `f(a, b, c)` on three tensors of one shape (fused backward rules).
    @inline(__always)
    static func zip3(_ a: Tensor, _ b: Tensor, _ c: Tensor, _ f: (Float, Float, Float) -> Float) -> Tensor {
        precondition(a.shape == b.shape && b.shape == c.shape, "shapes \(a.shape), \(b.shape), \(c.shape) differ")
        var out = [Float](repeating: 0, count: a.count)
        a.scalars.withUnsafeBufferPointer { x in
            b.scalars.withUnsafeBufferPointer { y in
                c.scalars.withUnsafeBufferPointer { w in
                    out.withUnsafeMutableBufferPointer { z in
                        for i in 0..<x.count { z[i] = f(x[i], y[i], w[i]) }
                    }
                }
            }
        }
        return Tensor(shape: a.shape, scalars: out)
    }
}

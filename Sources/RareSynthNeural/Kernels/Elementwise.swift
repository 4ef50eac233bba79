/// Elementwise kernels: one pass over contiguous storage, no graph logic.
enum Elementwise {
    @inline(__always)
    static func map(_ a: Tensor, _ f: (Float) -> Float) -> Tensor {
        let out = a.scalars.withUnsafeBufferPointer { x in
            [Float](unsafeUninitializedCapacity: x.count) { y, count in
                for i in 0..<x.count { y[i] = f(x[i]) }
                count = x.count
            }
        }
        return Tensor(shape: a.shape, scalars: out)
    }

    /// `f` eight lanes at a time (``FastMath``'s vector functions).
    @inline(__always)
    static func mapLanes(_ a: Tensor, _ f: (SIMD8<Float>) -> SIMD8<Float>) -> Tensor {
        var out = a.scalars
        out.withUnsafeMutableBufferPointer { FastMath.apply($0, f) }
        return Tensor(shape: a.shape, scalars: out)
    }

    /// A buffer of `count` elements that `body` must fill completely (no zeroing pass first).
    @inline(__always)
    static func filled(_ count: Int, _ body: (UnsafeMutableBufferPointer<Float>) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            body(buffer)
            initialized = count
        }
    }

    /// `f(a, b)` with `b` broadcast against `a`; the result has `a`'s shape.
    @inline(__always)
    static func zip(_ a: Tensor, _ b: Tensor, _ f: (Float, Float) -> Float) -> Tensor {
        let kind = Broadcast(a.shape, b.shape)
        let (m, n) = (a.rows, a.columns)
        let out = filled(a.count) { z in
            a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in
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
        let out = filled(a.count) { z in
            a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in
                    c.scalars.withUnsafeBufferPointer { w in
                        for i in 0..<x.count { z[i] = f(x[i], y[i], w[i]) }
                    }
                }
            }
        }
        return Tensor(shape: a.shape, scalars: out)
    }
}

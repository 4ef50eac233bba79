extension GEMM {
    /// C[0..<rows, 0..<columns] (+)= the 6 × 16 product of an A strip and a packed B panel,
    /// summed over `depth` in order. Twelve SIMD8 accumulators stay in registers; each step
    /// loads two SIMD8 of B and broadcasts six values of A (FMA with `-target-cpu haswell`).
    ///
    /// A's element (i, p) of the strip is read at `a[i · rowStride + p · step]`: (1, mr) for a
    /// packed strip, (lda, 1) for a full strip of a plain A read where it lies, which saves
    /// copying it. Only the addresses differ, so the sums and their bits are the same.
    @inline(__always)
    static func microKernel(depth: Int, a: UnsafePointer<Float>, rowStride rs: Int, step: Int, b: UnsafePointer<Float>,
                            c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int, accumulate: Bool,
                            bias: UnsafePointer<Float>? = nil) {
        typealias V = SIMD8<Float>
        var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
        var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
        var pa = a, pb = b
        for _ in 0..<depth {
            let b0 = UnsafeRawPointer(pb).loadUnaligned(as: V.self)
            let b1 = UnsafeRawPointer(pb + 8).loadUnaligned(as: V.self)
            var s = V(repeating: pa[0])
            c00.addProduct(s, b0); c01.addProduct(s, b1)
            s = V(repeating: pa[rs])
            c10.addProduct(s, b0); c11.addProduct(s, b1)
            s = V(repeating: pa[2 &* rs])
            c20.addProduct(s, b0); c21.addProduct(s, b1)
            s = V(repeating: pa[3 &* rs])
            c30.addProduct(s, b0); c31.addProduct(s, b1)
            s = V(repeating: pa[4 &* rs])
            c40.addProduct(s, b0); c41.addProduct(s, b1)
            s = V(repeating: pa[5 &* rs])
            c50.addProduct(s, b0); c51.addProduct(s, b1)
            pa += step
            pb += nr
        }
        if !accumulate, let bias {
            // C = bias + A·B for the first block: the bits of adding the product onto bias rows.
            var lo = V(), hi = V()
            for j in 0..<columns { if j < 8 { lo[j] = bias[j] } else { hi[j - 8] = bias[j] } }
            c00 = lo + c00; c01 = hi + c01; c10 = lo + c10; c11 = hi + c11; c20 = lo + c20; c21 = hi + c21
            c30 = lo + c30; c31 = hi + c31; c40 = lo + c40; c41 = hi + c41; c50 = lo + c50; c51 = hi + c51
        }
        store(c00, c01, to: c, columns: columns, accumulate: accumulate)
        if rows > 1 { store(c10, c11, to: c + ldc, columns: columns, accumulate: accumulate) }
        if rows > 2 { store(c20, c21, to: c + 2 * ldc, columns: columns, accumulate: accumulate) }
        if rows > 3 { store(c30, c31, to: c + 3 * ldc, columns: columns, accumulate: accumulate) }
        if rows > 4 { store(c40, c41, to: c + 4 * ldc, columns: columns, accumulate: accumulate) }
        if rows > 5 { store(c50, c51, to: c + 5 * ldc, columns: columns, accumulate: accumulate) }
    }

    /// One row of the tile into C: two full vectors, or the first `columns` lanes at an edge.
    @inline(__always)
    static func store(_ lo: SIMD8<Float>, _ hi: SIMD8<Float>, to dst: UnsafeMutablePointer<Float>, columns: Int, accumulate: Bool) {
        if columns == nr {
            let raw = UnsafeMutableRawPointer(dst)
            if accumulate {
                raw.storeBytes(of: raw.loadUnaligned(as: SIMD8<Float>.self) + lo, as: SIMD8<Float>.self)
                (raw + 32).storeBytes(of: (raw + 32).loadUnaligned(as: SIMD8<Float>.self) + hi, as: SIMD8<Float>.self)
            } else {
                raw.storeBytes(of: lo, as: SIMD8<Float>.self)
                (raw + 32).storeBytes(of: hi, as: SIMD8<Float>.self)
            }
        } else {
            for j in 0..<columns {
                let v = j < 8 ? lo[j] : hi[j - 8]
                dst[j] = accumulate ? dst[j] + v : v
            }
        }
    }
}

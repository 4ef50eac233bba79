extension GEMM {
    /// B's rows p0..<p0+depth as panels of `nr` columns, each panel `depth × nr` contiguous
    /// (row p of the panel holds B[p0 + p, column..<column + nr]), zero-padded past `columns`.
    ///
    /// Packing is a copy, but one made for every block of every product, so it is vectorised:
    /// for a transposed B (a layer's weight, n×k) eight k-steps of eight columns are loaded as
    /// vectors and transposed in registers, instead of one strided scalar store per element.
    static func packB(_ b: UnsafePointer<Float>, ldb: Int, transposed: Bool, from p0: Int, depth: Int, columns n: Int,
                      into out: UnsafeMutablePointer<Float>) {
        let panels = (n + nr - 1) / nr
        for panel in 0..<panels {
            let column = panel &* nr
            let width = Swift.min(nr, n &- column)
            let dst = out + panel &* nr &* depth
            if transposed {
                // B stored n×k: element (p, j) at b[j * ldb + p].
                var p = 0
                if width == nr {
                    while p &+ 8 <= depth {
                        for half in 0..<2 {
                            let src = b + ((column &+ half &* 8) &* ldb &+ p0 &+ p)
                            transposeStore8(src, stride: ldb, rows: 8, into: dst + (p &* nr &+ half &* 8), outStride: nr)
                        }
                        p &+= 8
                    }
                }
                for j in 0..<width {
                    let src = b + ((column &+ j) &* ldb &+ p0)
                    for q in p..<depth { dst[q &* nr &+ j] = src[q] }
                }
                if width < nr { for q in p..<depth { for j in width..<nr { dst[q &* nr &+ j] = 0 } } }
            } else if width == nr {
                for p in 0..<depth {
                    let src = UnsafeRawPointer(b + ((p0 &+ p) &* ldb &+ column))
                    UnsafeMutableRawPointer(dst + p &* nr).storeBytes(of: src.loadUnaligned(as: SIMD16<Float>.self),
                                                                      as: SIMD16<Float>.self)
                }
            } else {
                for p in 0..<depth {
                    let src = b + ((p0 &+ p) &* ldb &+ column)
                    let row = dst + p &* nr
                    for j in 0..<width { row[j] = src[j] }
                    for j in width..<nr { row[j] = 0 }
                }
            }
        }
    }

    /// A's rows row..<row+rows over k p0..<p0+depth as one strip, `depth × mr` contiguous
    /// (position p holds A[row..<row + mr, p0 + p]), zero-padded past `rows`.
    static func packA(_ a: UnsafePointer<Float>, lda: Int, transposed: Bool, row: Int, rows: Int, from p0: Int, depth: Int,
                      into out: UnsafeMutablePointer<Float>) {
        if transposed {
            // A stored k×m: element (i, p) at a[p * lda + i].
            for p in 0..<depth {
                let src = a + ((p0 &+ p) &* lda &+ row)
                let dst = out + p &* mr
                if rows == mr {
                    UnsafeMutableRawPointer(dst).storeBytes(of: UnsafeRawPointer(src).loadUnaligned(as: SIMD4<Float>.self),
                                                            as: SIMD4<Float>.self)
                    dst[4] = src[4]
                    dst[5] = src[5]
                } else {
                    for i in 0..<rows { dst[i] = src[i] }
                    for i in rows..<mr { dst[i] = 0 }
                }
            }
        } else {
            var p = 0
            while p &+ 8 <= depth {
                transposeStore8(a + (row &* lda &+ p0 &+ p), stride: lda, rows: rows, into: out + p &* mr, outStride: mr,
                                lanes: mr)
                p &+= 8
            }
            for i in 0..<rows {
                let src = a + ((row &+ i) &* lda &+ p0)
                for q in p..<depth { out[q &* mr &+ i] = src[q] }
            }
            if rows < mr { for q in p..<depth { for i in rows..<mr { out[q &* mr &+ i] = 0 } } }
        }
    }

    /// Reads an 8-wide slice of `rows` (≤ 8) rows `stride` apart and writes it transposed: output
    /// row q (at `outStride · q`) holds element q of every input row in its first `lanes` lanes
    /// (missing rows read as zero). The shuffles are the usual unpack/shuffle/permute 8×8 transpose,
    /// written as lane selections that LLVM turns into vector shuffles.
    @inline(__always)
    static func transposeStore8(_ src: UnsafePointer<Float>, stride: Int, rows: Int,
                                into dst: UnsafeMutablePointer<Float>, outStride: Int, lanes: Int = 8) {
        typealias V = SIMD8<Float>
        @inline(__always) func load(_ i: Int) -> V {
            i < rows ? UnsafeRawPointer(src + i &* stride).loadUnaligned(as: V.self) : V()
        }
        let r0 = load(0), r1 = load(1), r2 = load(2), r3 = load(3), r4 = load(4), r5 = load(5), r6 = load(6), r7 = load(7)
        // unpacklo/hi pairs of rows
        @inline(__always) func lo(_ x: V, _ y: V) -> V { V(x[0], y[0], x[1], y[1], x[4], y[4], x[5], y[5]) }
        @inline(__always) func hi(_ x: V, _ y: V) -> V { V(x[2], y[2], x[3], y[3], x[6], y[6], x[7], y[7]) }
        let t0 = lo(r0, r1), t1 = hi(r0, r1), t2 = lo(r2, r3), t3 = hi(r2, r3)
        let t4 = lo(r4, r5), t5 = hi(r4, r5), t6 = lo(r6, r7), t7 = hi(r6, r7)
        // shuffle pairs of 64-bit lanes
        @inline(__always) func sl(_ x: V, _ y: V) -> V { V(x[0], x[1], y[0], y[1], x[4], x[5], y[4], y[5]) }
        @inline(__always) func sh(_ x: V, _ y: V) -> V { V(x[2], x[3], y[2], y[3], x[6], x[7], y[6], y[7]) }
        let u0 = sl(t0, t2), u1 = sh(t0, t2), u2 = sl(t1, t3), u3 = sh(t1, t3)
        let u4 = sl(t4, t6), u5 = sh(t4, t6), u6 = sl(t5, t7), u7 = sh(t5, t7)
        // 128-bit halves
        @inline(__always) func pl(_ x: V, _ y: V) -> V { V(lowHalf: x.lowHalf, highHalf: y.lowHalf) }
        @inline(__always) func ph(_ x: V, _ y: V) -> V { V(lowHalf: x.highHalf, highHalf: y.highHalf) }
        let o = (pl(u0, u4), pl(u1, u5), pl(u2, u6), pl(u3, u7), ph(u0, u4), ph(u1, u5), ph(u2, u6), ph(u3, u7))
        @inline(__always) func put(_ v: V, _ q: Int) {
            let d = dst + q &* outStride
            if lanes == 8 {
                UnsafeMutableRawPointer(d).storeBytes(of: v, as: V.self)
            } else {
                UnsafeMutableRawPointer(d).storeBytes(of: v.lowHalf, as: SIMD4<Float>.self)
                d[4] = v[4]
                d[5] = v[5]
            }
        }
        put(o.0, 0); put(o.1, 1); put(o.2, 2); put(o.3, 3); put(o.4, 4); put(o.5, 5); put(o.6, 6); put(o.7, 7)
    }
}

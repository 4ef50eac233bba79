import RareSynthNumerics

/// Single-precision matrix multiply, the kernel behind every dense layer and its gradients.
///
/// `C = op(A) · op(B) + beta · C` with row-major operands, where op(X) is X or Xᵀ. The transposed
/// forms exist so that backpropagation (`dA = dC · Bᵀ`, `dB = Aᵀ · dC`) never materialises a
/// transpose: a transpose only changes how panels are packed.
///
/// The method is the one ../shared/NUMERICS.md measured at OpenBLAS speed on this machine: B is
/// packed into panels of 16 columns and A into strips of 6 rows for each block of KC = 256 steps
/// of k, and a 6 × 16 register tile of SIMD8 accumulators (FMA, with `-target-cpu haswell`) runs
/// over each strip and panel.
///
/// Determinism: threads split the row strips only. Every element of C is summed over k in one
/// fixed order (blocks of 256 in sequence, k in sequence within a block) whatever the thread
/// count, so 1 and 2 threads give the same bits.
public enum GEMM {
    static let mr = 6, nr = 16, kc = 256

    /// - Parameters:
    ///   - m, n, k: op(A) is m×k, op(B) is k×n, C is m×n.
    ///   - a: A as stored: m×k (lda ≥ k) when not transposed, k×m (lda ≥ m) when transposed.
    ///   - b: B as stored: k×n (ldb ≥ n) when not transposed, n×k (ldb ≥ k) when transposed.
    ///   - beta: 0 overwrites C (which may hold garbage), 1 accumulates into it.
    ///   - threads: worker threads (default `Parallel.threadCount`); small products run on one.
    ///   - packedB: B already packed (see ``PackedB``).
    ///   - bias: with beta 0, a row of n values added to every row of C: the same bits as C
    ///     filled with bias rows and accumulated into (beta 1), without the filling pass.
    public static func multiply(transposeA: Bool = false, transposeB: Bool = false,
                                m: Int, n: Int, k: Int,
                                a: UnsafePointer<Float>, lda: Int,
                                b: UnsafePointer<Float>, ldb: Int,
                                c: UnsafeMutablePointer<Float>, ldc: Int,
                                beta: Float = 0, threads: Int? = nil, packedB prepacked: PackedB? = nil,
                                bias: UnsafePointer<Float>? = nil) {
        precondition(beta == 0 || beta == 1, "beta must be 0 or 1")
        precondition(bias == nil || beta == 0, "a bias row goes with beta 0")
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if let bias {
                for i in 0..<m { (c + i * ldc).update(from: bias, count: n) }
            } else if beta == 0 {
                for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) }
            }
            return
        }
        let panels = (n + nr - 1) / nr
        let strips = (m + mr - 1) / mr
        if let prepacked {
            precondition(prepacked.k == k && prepacked.n == n && prepacked.transposed == transposeB,
                         "GEMM: B packed as \(prepacked.k)×\(prepacked.n) (transposed: \(prepacked.transposed)) for a \(k)×\(n) product")
        }
        let scratch = prepacked == nil ? UnsafeMutablePointer<Float>.allocate(capacity: panels * nr * kc) : nil
        defer { scratch?.deallocate() }
        let work = Double(m) * Double(n) * Double(k)
        let workers = work < 400_000 ? 1 : Swift.max(1, threads ?? Parallel.threadCount)
        var p0 = 0
        while p0 < k {
            let depth = Swift.min(kc, k - p0), start = p0
            let packedB: UnsafeMutablePointer<Float>
            if let prepacked {
                packedB = prepacked.block(from: start)
            } else {
                packedB = scratch!
                packB(b, ldb: ldb, transposed: transposeB, from: start, depth: depth, columns: n, into: packedB)
            }
            let shared = Operands(a: a, lda: lda, transposeA: transposeA, c: c, ldc: ldc, packedB: packedB,
                                  bias: start == 0 ? bias : nil)
            let accumulate = start > 0 || beta == 1
            let chunk = Swift.max(1, (strips + 4 * workers - 1) / (4 * workers))
            Parallel.forEachChunk(count: strips, chunkSize: chunk, threads: workers) { range in
                let packedA = UnsafeMutablePointer<Float>.allocate(capacity: mr * kc)
                defer { packedA.deallocate() }
                for strip in range {
                    let row = strip * mr
                    let rows = Swift.min(mr, m - row)
                    // A full strip of a plain A is read in place (see microKernel): six rows read in
                    // sequence. A transposed A is packed: read in place, its strip would step through
                    // `depth` rows of A for every panel of B.
                    @inline(__always) func run(_ a: UnsafePointer<Float>, rowStride: Int, step: Int) {
                        for panel in 0..<panels {
                            let column = panel * nr
                            microKernel(depth: depth, a: a, rowStride: rowStride, step: step, b: shared.packedB + panel * nr * depth,
                                        c: shared.c + row * shared.ldc + column, ldc: shared.ldc,
                                        rows: rows, columns: Swift.min(nr, n - column), accumulate: accumulate,
                                        bias: shared.bias.map { $0 + column })
                        }
                    }
                    if rows == mr && !shared.transposeA {
                        run(shared.a + row * shared.lda + start, rowStride: shared.lda, step: 1)
                    } else {
                        packA(shared.a, lda: shared.lda, transposed: shared.transposeA, row: row, rows: rows, from: start,
                              depth: depth, into: packedA)
                        run(packedA, rowStride: 1, step: mr)
                    }
                }
            }
            p0 += depth
        }
    }

    /// A B operand packed for every block of k at once, for a matrix used in several products
    /// (a layer's weight within one training step: the critic runs on fake, real and mixed rows
    /// with the same weights). The packing is the one `multiply` makes block by block, so a
    /// product gives the same bits with or without it.
    public final class PackedB: @unchecked Sendable {
        public let k: Int, n: Int, transposed: Bool
        let storage: UnsafeMutablePointer<Float>
        let panels: Int

        /// Packs B (k×n, or n×k stored when `transposed`) as `multiply(transposeB:...)` reads it.
        public init(_ b: UnsafePointer<Float>, ldb: Int, transposed: Bool, k: Int, n: Int) {
            self.k = k
            self.n = n
            self.transposed = transposed
            panels = (n + nr - 1) / nr
            storage = .allocate(capacity: Swift.max(1, panels * nr * k))
            var p0 = 0
            while p0 < k {
                let depth = Swift.min(kc, k - p0)
                packB(b, ldb: ldb, transposed: transposed, from: p0, depth: depth, columns: n, into: storage + panels * nr * p0)
                p0 += depth
            }
        }

        deinit { storage.deallocate() }

        func block(from p0: Int) -> UnsafeMutablePointer<Float> { storage + panels * nr * p0 }
    }

    /// The pointers the worker closures share (each writes only its own rows of C).
    struct Operands: @unchecked Sendable {
        let a: UnsafePointer<Float>
        let lda: Int
        let transposeA: Bool
        let c: UnsafeMutablePointer<Float>
        let ldc: Int
        let packedB: UnsafeMutablePointer<Float>
        let bias: UnsafePointer<Float>?
    }
}

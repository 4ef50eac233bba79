/// Single-precision matrix multiply, the kernel behind every dense layer and its gradients.
///
/// `C = op(A) · op(B) + beta · C` with row-major operands, where op(X) is X or Xᵀ. The transposed
/// forms exist so that backpropagation (`dA = dC · Bᵀ`, `dB = Aᵀ · dC`) never materialises a
/// transpose.
///
/// Determinism: each element of C is accumulated over k in one fixed order whatever `threads`
/// is, so 1 and 2 threads give the same bits.
public enum GEMM {
    /// - Parameters:
    ///   - m, n, k: op(A) is m×k, op(B) is k×n, C is m×n.
    ///   - a: A as stored: m×k (lda ≥ k) when not transposed, k×m (lda ≥ m) when transposed.
    ///   - b: B as stored: k×n (ldb ≥ n) when not transposed, n×k (ldb ≥ k) when transposed.
    ///   - beta: 0 overwrites C (which may hold garbage), 1 accumulates into it.
    ///   - threads: worker threads (default `Parallel.threadCount`).
    public static func multiply(transposeA: Bool = false, transposeB: Bool = false,
                                m: Int, n: Int, k: Int,
                                a: UnsafePointer<Float>, lda: Int,
                                b: UnsafePointer<Float>, ldb: Int,
                                c: UnsafeMutablePointer<Float>, ldc: Int,
                                beta: Float = 0, threads: Int? = nil) {
        precondition(beta == 0 || beta == 1, "beta must be 0 or 1")
        // A straightforward i-k-j loop; the packed SIMD kernel replaces it.
        for i in 0..<m {
            let ci = c + i * ldc
            if beta == 0 { for j in 0..<n { ci[j] = 0 } }
            for p in 0..<k {
                let aip = transposeA ? a[p * lda + i] : a[i * lda + p]
                if transposeB {
                    for j in 0..<n { ci[j] += aip * b[j * ldb + p] }
                } else {
                    let bp = b + p * ldb
                    for j in 0..<n { ci[j] += aip * bp[j] }
                }
            }
        }
    }
}

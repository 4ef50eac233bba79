extension Tensor {
    /// op(a) · op(b) for matrices, through ``GEMM``.
    /// - Parameter packedB: `b` already packed (see ``GEMM/PackedB``).
    static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false,
                       packedB: GEMM.PackedB? = nil) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "matmul needs matrices, got \(a.shape) and \(b.shape)")
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (k2, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        precondition(k == k2, "matmul: inner dimensions \(k) and \(k2) differ (\(a.shape)\(transposeA ? "ᵀ" : "") · \(b.shape)\(transposeB ? "ᵀ" : ""))")
        // GEMM with beta 0 writes every element, so the buffer is not zeroed first.
        let out = Elementwise.filled(m * n) { pc in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    guard m > 0, n > 0 else { return }
                    GEMM.multiply(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                                  a: pa.baseAddress!, lda: a.shape[1], b: pb.baseAddress!, ldb: b.shape[1],
                                  c: pc.baseAddress!, ldc: n, packedB: packedB)
                }
            }
        }
        return Tensor(shape: [m, n], scalars: out)
    }
}

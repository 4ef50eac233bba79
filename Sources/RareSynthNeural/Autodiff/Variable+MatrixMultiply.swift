/// op(a) · op(b), where op transposes when asked (without copying).
///
/// Backward (C = op(A)·op(B), G = dC):
///   dA = G·op(B)ᵀ, or op(B)·Gᵀ when A is stored transposed;
///   dB = op(A)ᵀ·G, or Gᵀ·op(A) when B is stored transposed.
/// Both are matmuls with transpose flags, so they too are differentiable (second order).
public func matmul(_ a: Variable, _ b: Variable, transposeA: Bool = false, transposeB: Bool = false) -> Variable {
    let value = Tensor.matmul(a.value, b.value, transposeA: transposeA, transposeB: transposeB,
                              packedB: a.tape.packedParameter(b, transposed: transposeB))
    return a.tape.record(value, inputs: [a, b], backward: [
        { g, _ in
            transposeA ? matmul(b, g, transposeA: transposeB, transposeB: true) : matmul(g, b, transposeB: !transposeB)
        },
        { g, _ in
            transposeB ? matmul(g, a, transposeA: true, transposeB: transposeA) : matmul(a, g, transposeA: !transposeA)
        },
    ])
}

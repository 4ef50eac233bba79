/// x · Wᵀ + b in one pass: GEMM adds the bias row as it stores the product (the bits of bias rows
/// accumulated into), instead of a product and a separate broadcast addition.
///
/// Backward: dx = G·W, dW = Gᵀ·x, db = column sums of G; all differentiable operations, so a
/// gradient penalty can differentiate through it again.
public func linear(_ x: Variable, weight: Variable, bias: Variable) -> Variable {
    let (m, k) = (x.rows, x.columns), n = weight.shape[0]
    precondition(weight.shape == [n, k] && bias.value.count == n,
                 "linear: input \(x.shape), weight \(weight.shape), bias \(bias.shape)")
    let packed = x.tape.packedParameter(weight, transposed: true)
    let out = Elementwise.filled(m * n) { c in
        guard m > 0, n > 0 else { return }
        bias.value.scalars.withUnsafeBufferPointer { b in
            guard k > 0 else {
                for r in 0..<m { (c.baseAddress! + r * n).update(from: b.baseAddress!, count: n) }
                return
            }
            x.value.scalars.withUnsafeBufferPointer { pa in
                weight.value.scalars.withUnsafeBufferPointer { pb in
                    GEMM.multiply(transposeB: true, m: m, n: n, k: k, a: pa.baseAddress!, lda: k, b: pb.baseAddress!, ldb: k,
                                  c: c.baseAddress!, ldc: n, packedB: packed, bias: b.baseAddress!)
                }
            }
        }
    }
    let biasShape = bias.shape
    let result = x.tape.record(Tensor(shape: [m, n], scalars: out), inputs: [x, weight, bias], backward: [
        { g, _ in matmul(g, weight) },
        { g, _ in matmul(g, x, transposeA: true) },
        { g, _ in g.sumRows().reshaped(biasShape) },
    ])
    if x.tape.exampleUses != nil {
        x.tape.exampleUses!.append(LinearUse(input: x.index, output: result.index, weight: weight.index, bias: bias.index))
    }
    return result
}

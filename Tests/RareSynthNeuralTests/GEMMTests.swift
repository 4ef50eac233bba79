import RareSynthNumerics
@testable import RareSynthNeural
import Testing

/// The packed SIMD kernel against a Float64 reference, in every transposition, at edge sizes
/// (partial 6-row strips, 16-column panels and 256-deep blocks), with padded leading dimensions,
/// and bit-identical on 1 and 2 threads.
@Suite struct GEMMTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var m: Int, n: Int, k: Int
        var testDescription: String { "\(m)×\(n)×\(k)" }
    }

    static let shapes: [Case] = [Case(m: 1, n: 1, k: 1), Case(m: 7, n: 5, k: 3), Case(m: 6, n: 16, k: 256), Case(m: 13, n: 33, k: 257),
                                 Case(m: 37, n: 300, k: 129), Case(m: 500, n: 17, k: 513)]

    /// Stored operands with a padded leading dimension (+3), and the Float64 product.
    static func run(_ s: Case, transposeA: Bool, transposeB: Bool, beta: Float, threads: Int,
                    prepack: Bool = false) -> (got: [Float], want: [Double]) {
        var rng = SeededRandom(seed: UInt64(s.m * 1_000_003 + s.n * 1009 + s.k))
        let (ar, ac) = transposeA ? (s.k, s.m) : (s.m, s.k)
        let (br, bc) = transposeB ? (s.n, s.k) : (s.k, s.n)
        let (lda, ldb, ldc) = (ac + 3, bc + 3, s.n + 3)
        let a = (0..<(ar * lda)).map { _ in Float(rng.nextStandardNormal()) }
        let b = (0..<(br * ldb)).map { _ in Float(rng.nextStandardNormal()) }
        var c = (0..<(s.m * ldc)).map { _ in Float(rng.nextStandardNormal()) }
        var want = [Double](repeating: 0, count: s.m * s.n)
        for i in 0..<s.m {
            for j in 0..<s.n {
                var sum = beta == 1 ? Double(c[i * ldc + j]) : 0
                for p in 0..<s.k {
                    let x = transposeA ? a[p * lda + i] : a[i * lda + p]
                    let y = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                    sum += Double(x) * Double(y)
                }
                want[i * s.n + j] = sum
            }
        }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    let packed = prepack ? GEMM.PackedB(pb.baseAddress!, ldb: ldb, transposed: transposeB, k: s.k, n: s.n) : nil
                    GEMM.multiply(transposeA: transposeA, transposeB: transposeB, m: s.m, n: s.n, k: s.k,
                                  a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb, c: pc.baseAddress!, ldc: ldc,
                                  beta: beta, threads: threads, packedB: packed)
                }
            }
        }
        let got = (0..<s.m).flatMap { i in c[(i * ldc)..<(i * ldc + s.n)] }
        return (got, want)
    }

    @Test(arguments: shapes)
    func matchesTheReferenceInEveryTransposition(_ s: Case) {
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            for beta: Float in [0, 1] {
                let (got, want) = Self.run(s, transposeA: ta, transposeB: tb, beta: beta, threads: 2)
                // Float32 accumulation over k terms of unit-variance products: error ~ √k · 2⁻²⁴ · a few.
                let tolerance = 1e-5 * Double(s.k).squareRoot() * 8
                let worst = zip(got, want).map { Swift.abs(Double($0) - $1) }.max() ?? 0
                #expect(worst <= tolerance, "transposeA \(ta), transposeB \(tb), beta \(beta): max error \(worst)")
            }
        }
    }

    @Test func sameBitsOnOneAndTwoThreads() {
        for s in [Case(m: 500, n: 256, k: 300), Case(m: 61, n: 70, k: 600)] {
            for (ta, tb) in [(false, false), (true, false), (false, true)] {
                #expect(Self.run(s, transposeA: ta, transposeB: tb, beta: 0, threads: 1).got
                        == Self.run(s, transposeA: ta, transposeB: tb, beta: 0, threads: 2).got)
            }
        }
    }

    /// B packed once for all blocks (a weight reused within a step) gives the bits of B packed
    /// block by block.
    @Test(arguments: shapes)
    func prepackedBGivesTheSameBits(_ s: Case) {
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            for beta: Float in [0, 1] {
                #expect(Self.run(s, transposeA: ta, transposeB: tb, beta: beta, threads: 1).got
                        == Self.run(s, transposeA: ta, transposeB: tb, beta: beta, threads: 1, prepack: true).got)
            }
        }
    }

    /// A bias row added as C is stored gives the bits of C filled with bias rows and accumulated
    /// into (how `linear` used to compute x·Wᵀ + b).
    @Test(arguments: shapes + [Case(m: 3, n: 4, k: 0)])
    func biasRowGivesTheBitsOfAccumulatingOntoIt(_ s: Case) {
        var rng = SeededRandom(seed: 5)
        let a = (0..<Swift.max(1, s.m * s.k)).map { _ in Float(rng.nextStandardNormal()) }
        let b = (0..<Swift.max(1, s.n * s.k)).map { _ in Float(rng.nextStandardNormal()) }
        let bias = (0..<s.n).map { _ in Float(rng.nextStandardNormal()) }
        var filled = (0..<s.m).flatMap { _ in bias }
        var fused = [Float](repeating: .nan, count: s.m * s.n)
        GEMM.multiply(transposeB: true, m: s.m, n: s.n, k: s.k, a: a, lda: s.k, b: b, ldb: s.k, c: &filled, ldc: s.n, beta: 1)
        GEMM.multiply(transposeB: true, m: s.m, n: s.n, k: s.k, a: a, lda: s.k, b: b, ldb: s.k, c: &fused, ldc: s.n, bias: bias)
        #expect(filled.map(\.bitPattern) == fused.map(\.bitPattern))
    }

    @Test func emptyDepthGivesBetaTimesC() {
        var c: [Float] = [1, 2, 3, 4]
        let a: [Float] = [0], b: [Float] = [0]
        GEMM.multiply(m: 2, n: 2, k: 0, a: a, lda: 1, b: b, ldb: 2, c: &c, ldc: 2, beta: 1)
        #expect(c == [1, 2, 3, 4])
        GEMM.multiply(m: 2, n: 2, k: 0, a: a, lda: 1, b: b, ldb: 2, c: &c, ldc: 2, beta: 0)
        #expect(c == [0, 0, 0, 0])
    }

    @Test func nanPropagates() {
        var c: [Float] = [0]
        GEMM.multiply(m: 1, n: 1, k: 2, a: [Float.nan, 1], lda: 2, b: [0, 1], ldb: 1, c: &c, ldc: 1)
        #expect(c[0].isNaN)
    }
}

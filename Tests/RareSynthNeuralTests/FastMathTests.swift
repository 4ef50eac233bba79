import Foundation
@testable import RareSynthNeural
import RareSynthNumerics
import Testing

/// The vector functions against glibc (Foundation) and the normal quantile in Double.
@Suite struct FastMathTests {
    /// Relative error in units of Float's spacing at the reference value.
    private func ulps(_ x: Float, _ reference: Double) -> Double {
        Swift.abs(Double(x) - reference) / Double(Float(reference).ulp)
    }

    private func lanes(_ values: [Float], _ f: (SIMD8<Float>) -> SIMD8<Float>) -> [Float] {
        var out = values
        out.withUnsafeMutableBufferPointer { FastMath.apply($0, f) }
        return out
    }

    @Test func expWithinTwoUlpsOfLibm() {
        let xs = (0..<20_001).map { Float(-87 + 175.7 * Double($0) / 20_000) } + [0, -0.0, 1e-8, -1e-8, 0.5, -0.5]
        let ys = lanes(xs, FastMath.exp)
        var worst = 0.0
        for (x, y) in zip(xs, ys) { worst = Swift.max(worst, ulps(y, Foundation.exp(Double(x)))) }
        #expect(worst <= 2, "worst error \(worst) ulp")
        #expect(lanes([-100, -88, 89, 1000, .infinity, -.infinity], FastMath.exp) == [0, 0, .infinity, .infinity, .infinity, 0])
        #expect(lanes([.nan], FastMath.exp)[0].isNaN)
    }

    /// The vector square root must give glibc's bits exactly: Adam depends on it and the models
    /// are compared bit for bit across builds.
    @Test func squareRootIsCorrectlyRounded() {
        var rng = SeededRandom(seed: 7)
        var xs = (0..<20_000).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()) & 0x7fff_ffff) }
        xs += [0, -0.0, 1, 2, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, .infinity]
        xs = xs.filter { !$0.isNaN }
        let ys = lanes(xs, FastMath.squareRoot)
        #expect(zip(xs, ys).allSatisfy { $0.squareRoot().bitPattern == $1.bitPattern })
        #expect(lanes([-1, .nan, -.infinity], FastMath.squareRoot).allSatisfy { $0.isNaN })
    }

    @Test func logWithinTwoUlpsOfLibm() {
        var xs: [Float] = (0..<20_001).map { Float(Foundation.exp(-100 + 180 * Double($0) / 20_000)) }
        xs += [1, 2, 0.5, 0.999_999_9, 1.000_000_1, Float.leastNormalMagnitude, Float.leastNonzeroMagnitude, Float(bitPattern: 0x0001_1704), Float.greatestFiniteMagnitude]
        let ys = lanes(xs, FastMath.log)
        var worst = 0.0
        for (x, y) in zip(xs, ys) {
            let reference = Foundation.log(Double(x))
            // Near x = 1 the result is tiny: measure against the argument's precision instead.
            let error = Swift.abs(reference) < 1e-3 ? Swift.abs(Double(y) - reference) / Double(Float(1).ulp) : ulps(y, reference)
            worst = Swift.max(worst, error)
        }
        #expect(worst <= 2, "worst error \(worst) ulp")
        let special = lanes([0, -1, .infinity, .nan], FastMath.log)
        #expect(special[0] == -.infinity && special[1].isNaN && special[2] == .infinity && special[3].isNaN)
    }

    /// Φ⁻¹ on the whole 24-bit grid's extremes and a sweep, against Normal.quantile in Double:
    /// Giles' erfinv is good to a few 1e-7 relative, plus Float rounding.
    @Test func normalsInvertTheCDF() {
        var us: [Float] = (1..<4_000).map { Float($0) / 4_000 }
        us += [0.5 / 16_777_216, 1 - 0.5 / 16_777_216, 0.5, 1e-4, 1 - 1e-4]
        let standard = Normal(mean: 0, standardDeviation: 1)
        var worst = 0.0
        for u in us {
            let z = FastMath.standardNormals(SIMD8(repeating: u))[0]
            let reference = standard.quantile(Double(u))
            worst = Swift.max(worst, Swift.abs(Double(z) - reference) / Swift.max(1, Swift.abs(reference)))
        }
        #expect(worst < 2e-6, "worst relative error \(worst)")
    }

    @Test func drawsHaveTheRightMomentsAndAreReproducible() {
        var rng = SeededRandom(seed: 7)
        let z = Tensor.gaussian([100_003], using: &rng).scalars
        let mean = z.reduce(0.0) { $0 + Double($1) } / Double(z.count)
        let variance = z.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(z.count - 1)
        #expect(Swift.abs(mean) < 0.01 && Swift.abs(variance - 1) < 0.02)
        var again = SeededRandom(seed: 7)
        #expect(Tensor.gaussian([100_003], using: &again).scalars == z)
        // Gumbel(0, 1): mean γ ≈ 0.5772, variance π²/6.
        var g = [Float](repeating: 0, count: 100_000)
        g.withUnsafeMutableBufferPointer { FastMath.fillGumbel($0, using: &rng) }
        let gm = g.reduce(0.0) { $0 + Double($1) } / Double(g.count)
        let gv = g.reduce(0.0) { $0 + (Double($1) - gm) * (Double($1) - gm) } / Double(g.count - 1)
        #expect(Swift.abs(gm - 0.577_215_66) < 0.02 && Swift.abs(gv - Double.pi * Double.pi / 6) < 0.05)
        #expect(g.allSatisfy { $0.isFinite })
    }

    /// Kolmogorov–Smirnov distance of 400,000 draws from the exact CDF, against the 1 % critical
    /// value 1.63/√n: catches a biased sampler (wrong tail, a skew, a gap in the uniforms) that
    /// the first two moments would miss.
    @Test func drawsPassAKolmogorovSmirnovTest() {
        func distance(_ draws: [Float], _ cdf: (Double) -> Double) -> Double {
            let sorted = draws.map(Double.init).sorted()
            let n = Double(sorted.count)
            var worst = 0.0
            for (i, x) in sorted.enumerated() {
                let f = cdf(x)
                worst = Swift.max(worst, Swift.abs(f - Double(i) / n), Swift.abs(Double(i + 1) / n - f))
            }
            return worst
        }
        let n = 400_000, critical = 1.63 / Double(n).squareRoot()
        var rng = SeededRandom(seed: 11)
        let standard = Normal(mean: 0, standardDeviation: 1)
        let normals = Tensor.gaussian([n], using: &rng).scalars
        let dNormal = distance(normals) { standard.cdf($0) }
        #expect(dNormal < critical, "normal KS distance \(dNormal), critical \(critical)")
        var gumbel = [Float](repeating: 0, count: n)
        gumbel.withUnsafeMutableBufferPointer { FastMath.fillGumbel($0, using: &rng) }
        let dGumbel = distance(gumbel) { Foundation.exp(-Foundation.exp(-$0)) }
        #expect(dGumbel < critical, "Gumbel KS distance \(dGumbel), critical \(critical)")
    }
}

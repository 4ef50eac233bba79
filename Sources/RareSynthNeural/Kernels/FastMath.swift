import Foundation
import RareSynthNumerics
#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// Functions faster than their libm forms where it matters for training: each training step
/// draws a few hundred thousand normal and Gumbel variates and takes as many exponentials, and
/// glibc's scalar `expf`/`logf`/`sinf`/`cosf` then cost 10–20 % of a step (perf, TVAE on colon).
///
/// The eight-lane forms are Cephes' single-precision `expf` and `logf` (S. L. Moshier, the
/// polynomials SSE/AVX `*_mathfun` ports use): within 2 ulp of libm on the ranges used here,
/// tested against `Foundation`. Every lane is computed alone, so a value's result does not depend
/// on its neighbours, on where a buffer's tail falls, or on the thread count.
public enum FastMath {
    /// √x lane by lane, correctly rounded (IEEE), so the same bits as `Float.squareRoot()`.
    ///
    /// On Linux, `SIMD8.squareRoot()` lowers to eight scalar `sqrtss` each with a libm `sqrtf`
    /// call for errno on negative input, which made the square root the larger part of an Adam
    /// step; on x86-64 this is one `vsqrtps` instead.
    @inline(__always)
    public static func squareRoot(_ v: SIMD8<Float>) -> SIMD8<Float> {
        #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
        _mm256_sqrt_ps(v)
        #else
        v.squareRoot()
        #endif
    }

    /// tanh through one `expf`: glibc's `tanhf` is about 5× slower (../shared/NUMERICS.md). Exact
    /// to a few ulps; symmetric, and ±1 for large |x| without overflow.
    @inline(__always)
    public static func tanh(_ x: Float) -> Float {
        let e = Foundation.exp(-2 * Swift.abs(x))
        let t = (1 - e) / (1 + e)
        return x < 0 ? -t : t
    }

    /// tanh lane by lane, through one vector exp as the scalar form.
    @inline(__always)
    public static func tanh(_ v: SIMD8<Float>) -> SIMD8<Float> {
        let magnitude = v.replacing(with: -v, where: v .< 0)
        let e = exp(-2 * magnitude)
        let t = (1 - e) / (1 + e)
        return t.replacing(with: -t, where: v .< 0)
    }

    /// eˣ lane by lane (Cephes `expf`): 0 below −87.3 and +∞ above 88.7 as libm, NaN kept.
    /// Written with bit operations only (no generic integer/float conversions, which Swift does
    /// not vectorise).
    @inline(__always)
    public static func exp(_ v: SIMD8<Float>) -> SIMD8<Float> {
        let lower = SIMD8<Float>(repeating: -87.33654), upper = SIMD8<Float>(repeating: 88.72283)
        var x0 = v
        x0.replace(with: lower, where: v .< lower)
        x0.replace(with: upper, where: v .> upper)
        x0.replace(with: 0, where: v .!= v)
        // n = round(x / ln 2) by the 1.5·2²³ trick (its low mantissa bits then hold n), and
        // r = x − n·ln 2 in two parts (Cody–Waite), |r| ≤ ln 2 / 2.
        let t = x0 * 1.442_695_040_888_963_4 + 12_582_912
        let n = t - 12_582_912
        var r = x0 - n * 0.693_359_375
        r = r + n * 2.121_944_400_546_905_8e-4
        let z = r * r
        var y = SIMD8<Float>(repeating: 1.987_569_150_0e-4)
        y = SIMD8(repeating: 1.398_199_950_7e-3).addingProduct(y, r)
        y = SIMD8(repeating: 8.333_451_907_3e-3).addingProduct(y, r)
        y = SIMD8(repeating: 4.166_579_589_4e-2).addingProduct(y, r)
        y = SIMD8(repeating: 1.666_666_545_9e-1).addingProduct(y, r)
        y = SIMD8(repeating: 5.000_000_120_1e-1).addingProduct(y, r)
        y = y * z + r + 1
        // 2ⁿ from the exponent field; n ∈ [−126, 128], so in two halves neither overflows it.
        let ni = unsafeBitCast(t, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let half = ni &>> 1
        let p1 = unsafeBitCast((half &+ 127) &<< 23, to: SIMD8<Float>.self)
        let p2 = unsafeBitCast((ni &- half &+ 127) &<< 23, to: SIMD8<Float>.self)
        var out = y * p1 * p2
        out.replace(with: v, where: v .!= v)
        out.replace(with: 0, where: v .< lower)
        out.replace(with: Float.infinity, where: v .> upper)
        return out
    }

    /// ln x lane by lane (Cephes `logf`): −∞ at 0, NaN below 0, for normal and subnormal x.
    @inline(__always)
    public static func log(_ v: SIMD8<Float>) -> SIMD8<Float> {
        // Subnormals are scaled up by 2²⁵ first, so the exponent field is meaningful.
        let tiny = v .< Float.leastNormalMagnitude
        var x = v
        x.replace(with: v * 33_554_432, where: tiny)
        let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self)
        // The exponent field (and sign bit) as a Float by the 2²³ trick, less the bias 126.
        var e = unsafeBitCast((bits &>> 23) | 0x4B00_0000, to: SIMD8<Float>.self) - (8_388_608 + 126)
        e.replace(with: e - 25, where: tiny)
        // Mantissa in [0.5, 1).
        var m = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F00_0000, to: SIMD8<Float>.self)
        let small = m .< 0.707_106_781_186_547_524
        e.replace(with: e - 1, where: small)
        m.replace(with: m + m, where: small)
        m = m - 1
        let z = m * m
        var y: SIMD8<Float> = SIMD8(repeating: 7.037_683_629_2e-2)
        y = SIMD8(repeating: -1.151_461_031_0e-1).addingProduct(y, m)
        y = SIMD8(repeating: 1.167_699_874_0e-1).addingProduct(y, m)
        y = SIMD8(repeating: -1.242_014_084_6e-1).addingProduct(y, m)
        y = SIMD8(repeating: 1.424_932_278_7e-1).addingProduct(y, m)
        y = SIMD8(repeating: -1.666_805_766_5e-1).addingProduct(y, m)
        y = SIMD8(repeating: 2.000_071_476_5e-1).addingProduct(y, m)
        y = SIMD8(repeating: -2.499_999_399_3e-1).addingProduct(y, m)
        y = SIMD8(repeating: 3.333_333_117_4e-1).addingProduct(y, m)
        y = y * m * z
        y = y - e * 2.121_944_400_546_905_8e-4
        y = y - 0.5 * z
        var out = m + y + e * 0.693_359_375
        out.replace(with: -Float.infinity, where: v .== 0)
        out.replace(with: Float.nan, where: v .< 0)
        out.replace(with: v, where: v .!= v)
        out.replace(with: Float.infinity, where: v .== .infinity)
        return out
    }

    /// Applies an eight-lane function to a buffer in place; the tail goes through the same lanes.
    @inline(__always)
    public static func apply(_ buffer: UnsafeMutableBufferPointer<Float>, _ f: (SIMD8<Float>) -> SIMD8<Float>) {
        let n = buffer.count
        guard let base = buffer.baseAddress else { return }
        var i = 0
        while i + 8 <= n {
            let p = UnsafeMutableRawPointer(base + i)
            p.storeBytes(of: f(p.loadUnaligned(as: SIMD8<Float>.self)), as: SIMD8<Float>.self)
            i += 8
        }
        if i < n {
            var lanes = SIMD8<Float>(repeating: 0)
            for j in i..<n { lanes[j - i] = base[j] }
            let y = f(lanes)
            for j in i..<n { base[j] = y[j - i] }
        }
    }

    /// Eight uniforms in (0, 1) from four 64-bit draws: the top 23 bits k of each 32-bit half
    /// become u = (2k + 1)/2²⁴ (1.k − (1 − 2⁻²⁴), exact by Sterbenz), never 0 or 1, so logs stay
    /// finite; u and 1 − u are both exact.
    @inline(__always)
    static func uniforms(_ rng: inout SeededRandom) -> SIMD8<Float> {
        let words = SIMD4<UInt64>(rng.next(), rng.next(), rng.next(), rng.next())
        let halves = unsafeBitCast(words, to: SIMD8<UInt32>.self)
        return unsafeBitCast((halves &>> 9) | 0x3F80_0000, to: SIMD8<Float>.self) - (1 - 0x1p-24)
    }

    /// Standard normal variates by inversion, Φ⁻¹(u) = √2·erfinv(2u − 1), with M. Giles'
    /// single-precision erfinv ("Approximating the erfinv function", GPU Computing Gems, 2011;
    /// relative error below 4e-7 over the whole range). One log per variate and no sin/cos; the
    /// largest |value| is 5.4 (u's 24-bit grid).
    @inline(__always)
    static func standardNormals(_ u: SIMD8<Float>) -> SIMD8<Float> {
        let x = 2 * u - 1
        // 1 − x² as 4u(1 − u): both factors exact, so no cancellation near |x| = 1.
        let w = -log(4 * u * (1 - u))
        var c = w - 2.5
        var p: SIMD8<Float> = SIMD8(repeating: 2.810_226_36e-08)
        p = SIMD8(repeating: 3.432_739_39e-07).addingProduct(p, c)
        p = SIMD8(repeating: -3.523_387_7e-06).addingProduct(p, c)
        p = SIMD8(repeating: -4.391_506_54e-06).addingProduct(p, c)
        p = SIMD8(repeating: 0.000_218_580_87).addingProduct(p, c)
        p = SIMD8(repeating: -0.001_253_725_03).addingProduct(p, c)
        p = SIMD8(repeating: -0.004_177_681_64).addingProduct(p, c)
        p = SIMD8(repeating: 0.246_640_727).addingProduct(p, c)
        p = SIMD8(repeating: 1.501_409_41).addingProduct(p, c)
        let tail = w .>= 5
        // The tail branch (|z| > 2.9) is rare: about one vector in twenty has a lane in it.
        guard any(tail) else { return p * x * 1.414_213_562_373_095_1 }
        c = w.squareRoot() - 3
        var q: SIMD8<Float> = SIMD8(repeating: -0.000_200_214_257)
        q = SIMD8(repeating: 0.000_100_950_558).addingProduct(q, c)
        q = SIMD8(repeating: 0.001_349_343_22).addingProduct(q, c)
        q = SIMD8(repeating: -0.003_673_428_44).addingProduct(q, c)
        q = SIMD8(repeating: 0.005_739_507_73).addingProduct(q, c)
        q = SIMD8(repeating: -0.007_622_461_3).addingProduct(q, c)
        q = SIMD8(repeating: 0.009_438_870_47).addingProduct(q, c)
        q = SIMD8(repeating: 1.001_674_06).addingProduct(q, c)
        q = SIMD8(repeating: 2.832_976_82).addingProduct(q, c)
        p.replace(with: q, where: tail)
        return p * x * 1.414_213_562_373_095_1
    }

    /// Fills `buffer` with standard normals times `scale`, eight per four 64-bit draws.
    public static func fillNormals(_ buffer: UnsafeMutableBufferPointer<Float>, scale: Float = 1,
                                   using rng: inout SeededRandom) {
        fill(buffer, { uniforms(&rng) }) { standardNormals($0) * scale }
    }

    /// Fills `buffer` with standard Gumbel variates −log(−log u).
    public static func fillGumbel(_ buffer: UnsafeMutableBufferPointer<Float>, using rng: inout SeededRandom) {
        fill(buffer, { uniforms(&rng) }) { -log(-log($0)) }
    }

    /// Two vectors per iteration, their uniforms drawn first: each transform is one long
    /// dependency chain (a log and a polynomial), so two independent ones keep the FMA units busy
    /// (and no call to the generator sits between them). The draw order is as one at a time.
    @inline(__always)
    private static func fill(_ buffer: UnsafeMutableBufferPointer<Float>, _ draw: () -> SIMD8<Float>,
                             _ transform: (SIMD8<Float>) -> SIMD8<Float>) {
        let n = buffer.count
        guard let base = buffer.baseAddress else { return }
        var i = 0
        while i + 16 <= n {
            let u = draw(), u2 = draw()
            let v = transform(u), w = transform(u2)
            UnsafeMutableRawPointer(base + i).storeBytes(of: v, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(base + i + 8).storeBytes(of: w, as: SIMD8<Float>.self)
            i += 16
        }
        while i < n {
            let v = transform(draw())
            if i + 8 <= n {
                UnsafeMutableRawPointer(base + i).storeBytes(of: v, as: SIMD8<Float>.self)
            } else {
                for j in i..<n { base[j] = v[j - i] }
            }
            i += 8
        }
    }
}

// A branch-free e^x for the hot loops that spend most of their time in exp (the mixture's E-step
// takes one exp per value and component: 10⁸ of them for 100,000 values, 10 components and 100
// iterations). glibc's exp is a function call per value (~176 M/s here, ../shared/NUMERICS.md
// §5); this one is straight-line arithmetic, so a loop over an array of arguments vectorises
// under `-target-cpu haswell` (about 3× libm's throughput on the 2-core Zen VM). It is written
// on scalars rather than SIMD types so that debug builds, where generic SIMD code is very slow,
// stay fast enough for the tests.

extension SpecialFunctions {
    /// e^x within 1 ulp of the correctly rounded result for normal results, branch-free.
    ///
    /// Cody–Waite reduction x = n·log 2 + r with |r| ≤ ½ log 2 (log 2 split into a head and a
    /// tail, each product taken with one fused multiply-add), e^r by its Taylor polynomial of
    /// degree 13 (truncation error < 5e−18 relative), and 2ⁿ built in the exponent bits.
    ///
    /// Edge cases: NaN gives NaN; x > 709.78 (e^x > Double.greatestFiniteMagnitude) gives +∞;
    /// results below the smallest normal Double (x < −708.39, e^x < 2.2e−308) are flushed to 0
    /// where libm would return a subnormal, which is harmless where the results are added to sums
    /// of order 1, as in the mixture's E-step.
    @inline(__always)
    public static func fastExp(_ x: Double) -> Double {
        // Adding 1.5·2⁵² rounds x·log₂e to an integer n held in the low mantissa bits.
        let shift = 0x1.8p52
        let shifted = shift.addingProduct(x, 1.4426950408889634)
        let n = shifted - shift
        var r = x.addingProduct(-n, 0x1.62e42fefa39efp-1)
        r = r.addingProduct(-n, 0x1.abc9e3b39803fp-56)

        // e^r = Σ rᵏ/k!, k ≤ 13, by Horner's rule.
        var p = 1.0 / 6_227_020_800
        p = (1.0 / 479_001_600).addingProduct(p, r)
        p = (1.0 / 39_916_800).addingProduct(p, r)
        p = (1.0 / 3_628_800).addingProduct(p, r)
        p = (1.0 / 362_880).addingProduct(p, r)
        p = (1.0 / 40_320).addingProduct(p, r)
        p = (1.0 / 5_040).addingProduct(p, r)
        p = (1.0 / 720).addingProduct(p, r)
        p = (1.0 / 120).addingProduct(p, r)
        p = (1.0 / 24).addingProduct(p, r)
        p = (1.0 / 6).addingProduct(p, r)
        p = 0.5.addingProduct(p, r)
        p = 1.0.addingProduct(p, r)
        p = 1.0.addingProduct(p, r)

        // 2ⁿ: the low 12 bits of `shifted` are n mod 2¹², so (bits + 1023) << 52 is the exponent
        // field of 2ⁿ for −1022 ≤ n ≤ 1023. n = 1024 (x just below the overflow threshold) is
        // taken as 2·e^r·2¹⁰²³; larger x overflow and smaller ones flush to 0, all by selects.
        let top = n > 1023
        let scaled = top ? p + p : p
        let exponent = shift + (top ? 1023 : n)
        let result = scaled * Double(bitPattern: (exponent.bitPattern &+ 1023) &<< 52)
        let bounded = x > 709.782712893384 ? Double.infinity : result
        return x < -708.3964185322641 ? 0 : bounded
    }
}

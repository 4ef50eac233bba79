// e^x on four lanes at once, for the hot loops that spend most of their time in exp (the
// mixture's E-step takes one exp per value and component: 10⁸ of them for 100,000 values,
// 10 components and 100 iterations). glibc's scalar exp runs at ~176 M/s here (see
// ../shared/NUMERICS.md §5); this kernel is a few times faster under `-target-cpu haswell`.

extension SpecialFunctions {
    /// e^x for each lane, within 2 ulp of the correctly rounded result.
    ///
    /// Cody–Waite reduction x = n·log 2 + r with |r| ≤ ½ log 2 (log 2 split into a head and a
    /// tail, each product formed with one fused multiply-add), e^r by its Taylor polynomial of
    /// degree 13 (truncation error < 5e−18 relative), and 2ⁿ built in the exponent bits.
    ///
    /// Edge cases: NaN stays NaN; lanes above 709 (where 2ⁿ would overflow before the
    /// polynomial brings it back) go to libm, so +∞ comes where e^x overflows; results below the
    /// smallest normal Double (x < −708.39, e^x < 2.2e−308) are flushed to 0 where libm would
    /// return a subnormal: callers here only add such values to sums of order 1.
    @inline(__always)
    static func vectorExp(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let log2e = SIMD4<Double>(repeating: 1.4426950408889634)
        let ln2Head = SIMD4<Double>(repeating: 0x1.62e42fefa39efp-1)
        let ln2Tail = SIMD4<Double>(repeating: 0x1.abc9e3b39803fp-56)
        // Adding 1.5·2⁵² rounds x·log₂e to an integer n held in the low mantissa bits.
        let shift = SIMD4<Double>(repeating: 0x1.8p52)
        let shifted = shift.addingProduct(x, log2e)
        let n = shifted - shift
        var r = x.addingProduct(-n, ln2Head)
        r = r.addingProduct(-n, ln2Tail)

        // e^r = Σ rᵏ/k!, k ≤ 13, by Horner's rule.
        var p = SIMD4<Double>(repeating: 1.0 / 6_227_020_800)
        p = SIMD4(repeating: 1.0 / 479_001_600).addingProduct(p, r)
        p = SIMD4(repeating: 1.0 / 39_916_800).addingProduct(p, r)
        p = SIMD4(repeating: 1.0 / 3_628_800).addingProduct(p, r)
        p = SIMD4(repeating: 1.0 / 362_880).addingProduct(p, r)
        p = SIMD4(repeating: 1.0 / 40_320).addingProduct(p, r)
        p = SIMD4(repeating: 1.0 / 5_040).addingProduct(p, r)
        p = SIMD4(repeating: 1.0 / 720).addingProduct(p, r)
        p = SIMD4(repeating: 1.0 / 120).addingProduct(p, r)
        p = SIMD4(repeating: 1.0 / 24).addingProduct(p, r)
        p = SIMD4(repeating: 1.0 / 6).addingProduct(p, r)
        p = SIMD4(repeating: 0.5).addingProduct(p, r)
        p = SIMD4(repeating: 1.0).addingProduct(p, r)
        p = SIMD4(repeating: 1.0).addingProduct(p, r)

        // 2ⁿ: the low 12 bits of `shifted` are n mod 2¹², so (bits + 1023) << 52 is the
        // exponent field of 2ⁿ for −1022 ≤ n ≤ 1023. Outside that range the lanes are fixed below.
        let bits = unsafeBitCast(shifted, to: SIMD4<UInt64>.self) &+ 1023
        let scale = unsafeBitCast(bits &<< 52, to: SIMD4<Double>.self)
        var result = p * scale
        result.replace(with: 0, where: x .< -708.3964185322641)
        let large = x .> 709
        if any(large) {
            for lane in 0..<4 where large[lane] { result[lane] = libmExp(x[lane]) }
        }
        return result
    }
}

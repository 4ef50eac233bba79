/// numpy's pairwise summation (`pairwise_sum` in `loops_utils.h`): blocks of 128 summed with
/// eight accumulators, larger ranges split in halves.
///
/// Its error grows with log n instead of n, and using numpy's own split points keeps means and
/// norms within an ulp or two of numpy's on a million rows, where a plain running sum would drift.
enum PairwiseSum {
    private static let blockSize = 128

    /// Σ values.
    static func sum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { buffer in sum(buffer.count) { buffer[$0] } }
    }

    /// Σ term(i) for i in 0..<count.
    @inline(__always)
    static func sum(_ count: Int, _ term: (Int) -> Double) -> Double {
        sum(0, count, term)
    }

    private static func sum(_ start: Int, _ n: Int, _ term: (Int) -> Double) -> Double {
        if n < 8 {
            var s = -0.0
            for i in start..<(start + n) { s += term(i) }
            return s
        }
        if n <= blockSize {
            var r0 = term(start), r1 = term(start + 1), r2 = term(start + 2), r3 = term(start + 3)
            var r4 = term(start + 4), r5 = term(start + 5), r6 = term(start + 6), r7 = term(start + 7)
            var i = 8
            while i < n - n % 8 {
                let j = start + i
                r0 += term(j); r1 += term(j + 1); r2 += term(j + 2); r3 += term(j + 3)
                r4 += term(j + 4); r5 += term(j + 5); r6 += term(j + 6); r7 += term(j + 7)
                i += 8
            }
            var s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n { s += term(start + i); i += 1 }
            return s
        }
        var half = n / 2
        half -= half % 8
        return sum(start, half, term) + sum(start + half, n - half, term)
    }
}

/// SDMetrics' KSComplement: 1 − the two-sample Kolmogorov–Smirnov statistic D.
///
/// Source: `sdmetrics/single_column/statistical/kscomplement.py` (0.32.0) and
/// `scipy.stats.ks_2samp`. Missing values are dropped from each side; numerical values are
/// rounded to 14 decimals first (`Series.round(sys.float_info.dig - 1)`), which merges values
/// that differ only in the last bits (0.1 + 0.2 and 0.3) into ties; datetimes are int64
/// nanoseconds there, which `round` leaves alone. D is the largest gap between the two empirical
/// CDFs, evaluated at every observed value with scipy's `i/n − j/m` arithmetic. When neither
/// sample exceeds 10,000 values, `ks_2samp`'s default `method='auto'` picks the exact p-value and,
/// on the way, snaps D to the nearest multiple of 1/lcm(n, m) (`_attempt_exact_2kssamp`); that is
/// done here too, so the result is bit-identical. Sorting makes it O(n log n).
public enum KSComplement {
    /// 1 − D, or `nil` when either side has no non-missing value (SDMetrics returns NaN).
    /// - Parameter roundsToFourteenDecimals: `true` for numerical columns, `false` for datetimes.
    public static func compute(real: [Double?], synthetic: [Double?],
                               roundsToFourteenDecimals: Bool = true) -> Double? {
        compute(sortedReal: prepared(real, rounding: roundsToFourteenDecimals),
                sortedSynthetic: prepared(synthetic, rounding: roundsToFourteenDecimals))
    }

    /// 1 − D for two samples that are already free of missing values, rounded as required and
    /// sorted ascending.
    static func compute(sortedReal a: [Double], sortedSynthetic b: [Double]) -> Double? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        let n = Double(a.count), m = Double(b.count)
        var i = 0, j = 0
        var d = 0.0
        while i < a.count || j < b.count {
            // The next observed value; consume all its copies on both sides, then compare CDFs
            // there (scipy evaluates `searchsorted(side='right')` at every pooled value).
            let v: Double
            if i == a.count { v = b[j] } else if j == b.count { v = a[i] } else { v = Swift.min(a[i], b[j]) }
            while i < a.count && a[i] == v { i += 1 }
            while j < b.count && b[j] == v { j += 1 }
            let gap = Swift.abs(Double(i) / n - Double(j) / m)
            if gap > d { d = gap }
        }
        if Swift.max(a.count, b.count) <= exactMethodLimit {
            // scipy: lcm = (n1 // g) * n2; h = round(d * lcm); d = h * 1.0 / lcm.
            let lcm = Double(a.count / gcd(a.count, b.count) * b.count)
            d = (d * lcm).rounded(.toNearestOrEven) / lcm
        }
        return 1 - d
    }

    /// `ks_2samp`'s `MAX_AUTO_N`: up to this sample size `method='auto'` means `'exact'`.
    static let exactMethodLimit = 10_000

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// Drops missing values, applies SDMetrics' rounding and sorts.
    static func prepared(_ values: [Double?], rounding: Bool) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(values.count)
        for case let v? in values where !v.isNaN { out.append(rounding ? roundedToFourteenDecimals(v) : v) }
        RadixSort.sort(&out)
        return out
    }

    /// numpy's `round(x, 14)`: `rint(x * 1e14) / 1e14`, the exact operations numpy performs.
    @inline(__always)
    static func roundedToFourteenDecimals(_ x: Double) -> Double {
        (x * 1e14).rounded(.toNearestOrEven) / 1e14
    }
}

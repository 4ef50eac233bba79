/// The k-th smallest of many values without sorting them: the median pairwise distance of MMD's
/// bandwidth heuristic is taken over millions of distances.
///
/// Hoare's quickselect with a median-of-three pivot: deterministic (no random pivot), expected
/// O(n), and balanced on the many equal values that distances between rows of discrete tables
/// produce (both scans stop on values equal to the pivot).
enum Selection {
    /// Reorders `values` so that `values[k]` is the k-th smallest (0-based), with no larger value
    /// before it and no smaller one after it. - Precondition: no NaN, 0 ≤ k < count.
    static func select(_ values: inout [Double], _ k: Int) {
        precondition(k >= 0 && k < values.count, "k out of range")
        values.withUnsafeMutableBufferPointer { p in
            var lo = 0, hi = p.count - 1
            while hi > lo {
                if hi - lo < 16 {
                    for i in (lo + 1)...hi {
                        let v = p[i]
                        var j = i - 1
                        while j >= lo && p[j] > v { p[j + 1] = p[j]; j -= 1 }
                        p[j + 1] = v
                    }
                    return
                }
                let mid = lo + (hi - lo) / 2
                if p[mid] < p[lo] { p.swapAt(mid, lo) }
                if p[hi] < p[lo] { p.swapAt(hi, lo) }
                if p[hi] < p[mid] { p.swapAt(hi, mid) }
                let pivot = p[mid]
                var i = lo, j = hi
                while i <= j {
                    while p[i] < pivot { i += 1 }
                    while p[j] > pivot { j -= 1 }
                    if i <= j { p.swapAt(i, j); i += 1; j -= 1 }
                }
                // lo…j ≤ pivot ≤ i…hi, and everything strictly between equals the pivot.
                if k <= j { hi = j } else if k >= i { lo = i } else { return }
            }
        }
    }

    /// numpy's `median`: the middle value, or the mean of the two middle values of an even count,
    /// of `transform` applied to the values (monotone non-decreasing, e.g. a square root). Reorders
    /// `values`. `nil` when empty.
    static func median(_ values: inout [Double], transform: (Double) -> Double = { $0 }) -> Double? {
        let n = values.count
        guard n > 0 else { return nil }
        let k = (n - 1) / 2
        select(&values, k)
        let lower = transform(values[k])
        if n % 2 == 1 { return lower }
        var upper = values[k + 1]
        for v in values[(k + 1)...] where v < upper { upper = v }
        return (lower + transform(upper)) / 2
    }
}

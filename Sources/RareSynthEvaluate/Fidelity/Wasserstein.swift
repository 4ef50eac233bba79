
/// The Wasserstein-1 (earth mover's) distance between two empirical distributions on the line.
///
/// W₁(u, v) = ∫ |F_u(x) − F_v(x)| dx, exact for empirical CDFs: between consecutive values
/// x_k < x_{k+1} of the pooled sample both CDFs are constant, so the integral is
/// Σ_k |i_k/n − j_k/m| · (x_{k+1} − x_k), where i_k and j_k count the values ≤ x_k on each side.
/// Reference: `scipy.stats.wasserstein_distance(u, v)` (scipy 1.17.1, `_cdf_distance(1, …)` in
/// `scipy/stats/_stats_py.py`), which evaluates the same sum over every pooled value (ties add zero
/// terms); the sum here is pairwise, scipy's a dot product, so the two agree to ~1e-15 relative.
/// O(n log n) for the sort, then one merge pass.
public enum Wasserstein {
    /// W₁ between the non-missing values of two columns (`nil` or NaN is missing); `nil` when a
    /// side has no value. +∞ when a value is infinite (scipy gives NaN or ∞ there).
    public static func distance(real: [Double?], synthetic: [Double?]) -> Double? {
        distance(sortedReal: sortedPresent(real), sortedSynthetic: sortedPresent(synthetic))
    }

    /// W₁ between two samples sorted ascending, free of NaN.
    static func distance(sortedReal a: [Double], sortedSynthetic b: [Double]) -> Double? {
        guard let a0 = a.first, let a1 = a.last, let b0 = b.first, let b1 = b.last else { return nil }
        guard a0.isFinite, a1.isFinite, b0.isFinite, b1.isFinite else { return .infinity }
        let n = Double(a.count), m = Double(b.count)
        var terms: [Double] = []
        terms.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        var v = Swift.min(a0, b0)
        while true {
            // Consume every copy of v on both sides: F_a(v) = i/n, F_b(v) = j/m.
            while i < a.count && a[i] == v { i += 1 }
            while j < b.count && b[j] == v { j += 1 }
            let next: Double
            if i == a.count && j == b.count { break }
            if i == a.count { next = b[j] } else if j == b.count { next = a[i] } else { next = Swift.min(a[i], b[j]) }
            terms.append(Swift.abs(Double(i) / n - Double(j) / m) * (next - v))
            v = next
        }
        return PairwiseSum.sum(terms)
    }

    /// The values that are present, sorted ascending.
    static func sortedPresent(_ values: [Double?]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(values.count)
        for case let v? in values where !v.isNaN { out.append(v) }
        RadixSort.sort(&out)
        return out
    }
}

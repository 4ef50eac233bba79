
extension DisclosureProtection {
    /// SDMetrics' `DisclosureProtection._discretize_column` (0.32.0): `pd.cut(real, bins)` into
    /// equal-width bins labelled "0" … "bins − 1", then the synthetic column cut on the same edges
    /// with the outer two opened to ±∞.
    ///
    /// pandas' edges (`_nbins_to_bins`, pandas 2.3): `np.linspace(min, max, bins + 1)` over the real
    /// non-missing values, then the first edge lowered by 0.1 % of the range so the minimum falls
    /// inside; a constant column v is widened to [v − 0.001|v|, v + 0.001|v|] (±0.001 for v = 0)
    /// first. Intervals are closed on the right: x falls in bin i when edgeᵢ < x ≤ edgeᵢ₊₁
    /// (`searchsorted(side='left')`). Missing values stay missing (a category of their own later).
    /// - Throws: `PrivacyMetricError.invalidArgument` when the real column has no value (pandas
    ///   raises: the edges are not unique).
    static func binned(real: [Double?], synthetic: [Double?], bins: Int, name: String) throws -> (real: [String?], synthetic: [String?]) {
        let present = real.compactMap { $0 }.filter { !$0.isNaN }
        guard var lo = present.min(), var hi = present.max() else {
            throw PrivacyMetricError.invalidArgument("column '\(name)' has no real value to bin")
        }
        guard lo.isFinite, hi.isFinite else { throw PrivacyMetricError.nonFiniteValue(column: name) }
        var edges: [Double]
        if lo == hi {
            lo -= lo != 0 ? 0.001 * Swift.abs(lo) : 0.001
            hi += hi != 0 ? 0.001 * Swift.abs(hi) : 0.001
            edges = linspace(lo, hi, bins + 1)
        } else {
            edges = linspace(lo, hi, bins + 1)
            edges[0] -= (hi - lo) * 0.001
        }
        let labels = (0..<bins).map { String($0) }
        func cut(_ values: [Double?], _ edges: [Double]) -> [String?] {
            values.map { value in
                guard let x = value, !x.isNaN else { return nil }
                // The number of edges strictly below x; bins run 1…bins, anything else is NaN.
                var lower = 0, upper = edges.count
                while lower < upper {
                    let mid = (lower + upper) / 2
                    if edges[mid] < x { lower = mid + 1 } else { upper = mid }
                }
                return lower >= 1 && lower <= bins ? labels[lower - 1] : nil
            }
        }
        let realBins = cut(real, edges)
        edges[0] = -.infinity
        edges[bins] = .infinity
        return (realBins, cut(synthetic, edges))
    }

    /// `np.linspace(start, stop, count)` as numpy computes it: `i * step + start` with
    /// step = (stop − start) / (count − 1) (or `i / div * delta` when the step underflows to 0), and
    /// the last value set to `stop`.
    static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
        let div = Double(count - 1)
        let delta = stop - start
        let step = delta / div
        var out = (0..<count).map { i in (step == 0 ? Double(i) / div * delta : Double(i) * step) + start }
        out[count - 1] = stop
        return out
    }
}

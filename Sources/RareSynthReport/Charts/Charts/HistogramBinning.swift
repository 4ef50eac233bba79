/// Bin edges at round numbers and numpy-compatible counts, for callers of the histogram charts.
///
/// Charts take heights, not raw values, so that a report can bin once and reuse the counts in a
/// metric. When it has not binned yet, this gives edges that make readable tick labels: the
/// ticks of a ``NiceScale`` (or of a date axis) over the pooled range of both samples, so real
/// and synthetic share bins. Counting follows `numpy.histogram` (numpy 2.x,
/// `numpy/lib/_histograms_impl.py`): bins are `[e_i, e_{i+1})` except the last, `[e_{k−1}, e_k]`;
/// values outside the edges and NaN are not counted.
public enum HistogramBinning {
    /// Round-number edges covering every finite value of all `samples`, about `targetBinCount`
    /// bins; `[]` when there is no finite value.
    public static func edges(_ samples: [[Double]], targetBinCount: Int = 20,
                             format: AxisValueFormat = .number) -> [Double] {
        var lo = Double.infinity, hi = -Double.infinity
        for sample in samples {
            for v in sample where v.isFinite {
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
            }
        }
        guard lo <= hi else { return [] }
        return AxisTicks(min: lo, max: hi, format: format, targetCount: Swift.max(1, targetBinCount)).values
    }

    /// The number of `values` in each bin of `edges` (k + 1 increasing edges → k counts).
    public static func counts(_ values: [Double], edges: [Double]) -> [Double] {
        guard edges.count >= 2 else { return [] }
        var counts = [Double](repeating: 0, count: edges.count - 1)
        let first = edges[0], last = edges[edges.count - 1]
        for v in values where v >= first && v <= last {
            // The last edge ≤ v, by binary search; v == last goes into the last bin.
            var lo = 0, hi = edges.count - 1
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if edges[mid] <= v { lo = mid } else { hi = mid }
            }
            counts[lo] += 1
        }
        return counts
    }

    /// `counts` divided by their total (the histogram of shares); zeros when the total is 0.
    public static func shares(_ values: [Double], edges: [Double]) -> [Double] {
        let c = counts(values, edges: edges)
        let total = c.reduce(0, +)
        return total > 0 ? c.map { $0 / total } : c
    }
}

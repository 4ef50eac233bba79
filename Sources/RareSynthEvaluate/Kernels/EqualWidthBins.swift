/// The discretization SDMetrics' Column Pair Trends applies to a continuous column before
/// comparing it with a discrete one.
///
/// Source: `ColumnPairTrends._discretize_column` in
/// `sdmetrics/reports/single_table/_properties/column_pair_trends.py` (0.32.0):
/// `np.digitize(column, np.histogram_bin_edges(column.dropna()))`. Three consequences that look
/// like bugs but are what SDMetrics computes, and so what this type reproduces:
/// - The real and the synthetic column are binned **each on its own** min–max range (the report
///   never passes the real edges to the synthetic call), so bin 3 of one table and bin 3 of the
///   other can cover different values. (`sdmetrics.utils.discretize_column`, which shares real
///   edges with open outer bins, is *not* what the report uses.)
/// - `digitize` counts the edges ≤ x, so values run from 1 to 10 and the maximum, which equals the
///   last edge, lands alone in bin 11.
/// - A missing value sorts after every edge, so it also lands in bin 11, together with the maximum.
enum EqualWidthBins {
    /// numpy's default `bins=10`.
    static let binCount = 10
    /// Bin numbers run from 0 (below the first edge, which cannot happen on a table's own edges)
    /// to 11.
    static let cardinality = binCount + 2

    /// `numpy.histogram_bin_edges(values[!isNaN], bins: 10)`: `linspace(min, max, 11)` as numpy
    /// computes it (`i * step + min`, the last edge set to `max`); an empty column spans [0, 1] and
    /// a constant one [v − 0.5, v + 0.5]. `nil` when a value is infinite (numpy raises).
    static func edges(_ values: [Double]) -> [Double]? {
        var lo = Double.infinity, hi = -Double.infinity
        var any = false
        for v in values where !v.isNaN {
            any = true
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        if !any { lo = 0; hi = 1 }
        guard lo.isFinite, hi.isFinite else { return nil }
        if lo == hi { lo -= 0.5; hi += 0.5 }
        let delta = hi - lo
        let div = Double(binCount)
        let step = delta / div
        var edges = [Double](repeating: 0, count: binCount + 1)
        for i in 0...binCount {
            // numpy: `y = arange(num) * step` (or `/ div * delta` when step underflows), `y += start`.
            let scaled = step == 0 ? Double(i) / div * delta : Double(i) * step
            edges[i] = scaled + lo
        }
        edges[binCount] = hi
        return edges
    }

    /// `numpy.digitize(values, edges)` with increasing edges: the number of edges ≤ x, and 11 for
    /// NaN (numpy sorts NaN after every edge). A branch-free binary search over the 11 edges padded
    /// to 16 with +∞ (the values are finite, so padding never counts): four comparisons a row.
    static func digitize(_ values: [Double], edges: [Double]) -> [UInt32] {
        precondition(edges.count == binCount + 1)
        let padded = edges + [Double](repeating: .infinity, count: 16 - edges.count)
        var out = [UInt32](repeating: 0, count: values.count)
        padded.withUnsafeBufferPointer { e in
            values.withUnsafeBufferPointer { v in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<v.count {
                        let x = v[i]
                        var c = 0
                        c += e[c + 7] <= x ? 8 : 0
                        c += e[c + 3] <= x ? 4 : 0
                        c += e[c + 1] <= x ? 2 : 0
                        c += e[c] <= x ? 1 : 0
                        o[i] = x.isNaN ? UInt32(binCount + 1) : UInt32(truncatingIfNeeded: c)
                    }
                }
            }
        }
        return out
    }

    /// The bin number of every row (NaN is missing), on the column's own edges; `nil` when a
    /// value is infinite.
    static func codes(_ values: [Double]) -> [UInt32]? {
        edges(values).map { digitize(values, edges: $0) }
    }
}

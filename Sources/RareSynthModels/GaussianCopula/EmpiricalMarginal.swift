/// A column's distribution taken from the data itself: its distinct values and their cumulative
/// frequencies.
///
/// Two shapes, chosen by how continuous the column is:
/// - *interpolated* for mostly distinct values (lab results, times): the quantile function is
///   piecewise linear between the distinct values, so sampled values lie between real ones
///   rather than repeating them;
/// - *stepped* for columns with many ties (small integer counts): values are drawn from the real
///   distinct values with their exact frequencies.
///
/// A column with more than `maxKnots` distinct values keeps only the interpolated quantile
/// function at `maxKnots` probabilities: the file stays small for a million rows, individual
/// values other than the extremes are not stored, and the distribution function moves by less
/// than about `1/maxKnots`.
///
/// It holds a column's marginal, never a row: no link between columns is kept here.
public struct EmpiricalMarginal: Codable, Sendable, Equatable {
    /// Distinct values (or quantile knots), ascending.
    public var values: [Double]
    /// `cumulative[j]` = share of values `≤ values[j]`; the last is 1 (empty when compressed).
    public var cumulative: [Double]
    public var interpolated: Bool
    /// For a compressed marginal, the probability of each knot; `nil` means the middle of each
    /// value's probability interval.
    public var knots: [Double]?

    public static let maxKnots = 2_048

    public init(values: [Double], cumulative: [Double], interpolated: Bool, knots: [Double]? = nil) {
        self.values = values
        self.cumulative = cumulative
        self.interpolated = interpolated
        self.knots = knots
    }

    /// Builds the marginal of the non-missing `data` (need not be sorted).
    /// - Parameter interpolateAbove: share of distinct values above which the column counts as continuous.
    public static func fit(_ data: [Double], interpolateAbove: Double = 0.5) -> EmpiricalMarginal? {
        let sorted = data.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return nil }
        var values: [Double] = [], counts: [Int] = []
        for v in sorted {
            if let last = values.last, last == v { counts[counts.count - 1] += 1 } else {
                values.append(v)
                counts.append(1)
            }
        }
        var cumulative: [Double] = []
        cumulative.reserveCapacity(values.count)
        var running = 0
        for c in counts {
            running += c
            cumulative.append(Double(running) / Double(sorted.count))
        }
        cumulative[cumulative.count - 1] = 1
        let interpolated = values.count > 1 && Double(values.count) > interpolateAbove * Double(sorted.count)
        let full = EmpiricalMarginal(values: values, cumulative: cumulative, interpolated: interpolated || values.count > maxKnots)
        guard values.count > maxKnots else { return full }
        // Compress: the full interpolated quantile function sampled at evenly spaced probabilities
        // between the first and last knots (which keep the minimum and maximum).
        let first = full.knot(0), last = full.knot(values.count - 1)
        let probabilities = (0..<maxKnots).map { first + (last - first) * Double($0) / Double(maxKnots - 1) }
        let knotValues = probabilities.map(full.quantile)
        return EmpiricalMarginal(values: knotValues, cumulative: [], interpolated: true, knots: probabilities)
    }

    /// Share of values strictly below value `j`.
    @inline(__always) func lowerCumulative(_ j: Int) -> Double { j == 0 ? 0 : cumulative[j - 1] }

    /// The knot probability of value `j` for interpolation: the middle of its probability interval,
    /// or the stored probability of a compressed marginal.
    @inline(__always) func knot(_ j: Int) -> Double {
        if let knots { return knots[j] }
        return (lowerCumulative(j) + cumulative[j]) / 2
    }

    /// The value at probability `u` in (0, 1).
    public func quantile(_ u: Double) -> Double {
        let n = values.count
        if !interpolated || n == 1 {
            // First value whose cumulative share reaches u.
            var lo = 0, hi = n - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cumulative[mid] < u { lo = mid + 1 } else { hi = mid }
            }
            return values[lo]
        }
        if u <= knot(0) { return values[0] }
        if u >= knot(n - 1) { return values[n - 1] }
        var lo = 0, hi = n - 1  // knot(lo) < u <= knot(hi)
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if knot(mid) < u { lo = mid } else { hi = mid }
        }
        let p0 = knot(lo), p1 = knot(hi)
        return values[lo] + (values[hi] - values[lo]) * (u - p0) / (p1 - p0)
    }

    /// The probability interval `[F(x−), F(x)]` that maps onto values in `[lower, upper]` — what
    /// a condition on this column restricts the column's uniform variable to.
    public func probabilityInterval(lower: Double, upper: Double) -> (Double, Double)? {
        guard lower <= upper else { return nil }
        let n = values.count
        if !interpolated || n == 1 {
            guard let first = values.firstIndex(where: { $0 >= lower }),
                  let last = values.lastIndex(where: { $0 <= upper }), first <= last else { return nil }
            return (lowerCumulative(first), cumulative[last])
        }
        guard upper >= values[0], lower <= values[n - 1] else { return nil }
        return (lower <= values[0] ? 0 : cdf(lower), upper >= values[n - 1] ? 1 : cdf(upper))
    }

    /// The interpolated distribution function (inverse of `quantile`).
    public func cdf(_ x: Double) -> Double {
        let n = values.count
        if !interpolated || n == 1 {
            guard let last = values.lastIndex(where: { $0 <= x }) else { return 0 }
            return cumulative[last]
        }
        if x <= values[0] { return knot(0) }
        if x >= values[n - 1] { return knot(n - 1) }
        var lo = 0, hi = n - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if values[mid] <= x { lo = mid } else { hi = mid }
        }
        return knot(lo) + (knot(hi) - knot(lo)) * (x - values[lo]) / (values[hi] - values[lo])
    }
}

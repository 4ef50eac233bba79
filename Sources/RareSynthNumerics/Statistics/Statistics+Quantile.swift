extension Statistics {
    /// The q-quantile, q in [0, 1], by linear interpolation between order statistics: numpy's
    /// default `quantile(x, q)` / `percentile(x, 100q)` ("linear", Hyndman–Fan type 7),
    /// reproduced bit for bit including numpy's two-sided interpolation formula.
    public static func quantile(_ data: [Double], _ q: Double) -> Double {
        quantile(sorted: data.sorted(), q)
    }

    /// Several quantiles with one sort.
    public static func quantiles(_ data: [Double], _ qs: [Double]) -> [Double] {
        let sorted = data.sorted()
        return qs.map { quantile(sorted: sorted, $0) }
    }

    /// The q-quantile of data already sorted ascending.
    public static func quantile(sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty, q >= 0, q <= 1 else { return .nan }
        let position = Double(sorted.count - 1) * q
        let below = min(Int(position.rounded(.down)), sorted.count - 1)
        let above = min(below + 1, sorted.count - 1)
        let t = position - Double(below)
        let a = sorted[below]
        let b = sorted[above]
        let difference = b - a
        // numpy `_lerp`: interpolate from the nearer end so that t = 1 gives b exactly.
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}

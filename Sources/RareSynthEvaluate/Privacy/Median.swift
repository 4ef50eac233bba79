/// numpy's `median` (and so pandas' `Series.median()`): the middle value, or for an even count the
/// mean of the two middle values computed as `(a + b) / 2`, bit for bit.
///
/// Not `Statistics.quantile(_, 0.5)`: numpy's quantile interpolates as `b − (b − a)·0.5`, which
/// can differ from `median` in the last bit, and SDMetrics' DCR scores use `median`.
enum Median {
    /// The median of `values`; NaN when empty.
    static func of(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

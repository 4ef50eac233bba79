
/// How far the synthetic distribution of one continuous (numerical or datetime) column is from the
/// real one: Wasserstein-1, the same normalised by the real range, and Jensen–Shannon distance and
/// KL divergence on a histogram whose bins both tables share.
///
/// Missing values (`nil`, NaN) are dropped on each side: these compare the distributions of the
/// values that are present (missingness is compared by the categorical metrics and MMD).
/// Datetimes are compared on their nanoseconds since 1970, so W₁ is in nanoseconds.
///
/// **Binning** (for JS and KL): numpy's default 10 equal-width bins over the **real** range,
/// `np.histogram_bin_edges(real, bins=10)` (a constant real column gets [v − 0.5, v + 0.5]), the
/// same edges SDMetrics' Column Pair Trends uses (``EqualWidthBins``). Bins are half-open
/// [e_k, e_{k+1}) except the last, which is closed, as in `np.histogram`; synthetic values outside
/// the real range are **clamped** into the first or last bin, so every synthetic value counts.
/// **Smoothing**: none for JS (always finite); KL adds `pseudoCount` (default 1, Laplace) to every
/// bin of both histograms. Reference: `np.histogram(real, edges)`,
/// `np.histogram(np.clip(synthetic, edges[0], edges[-1]), edges)`, then
/// `scipy.spatial.distance.jensenshannon(p, q, base=2)` and `scipy.stats.entropy(p + α, q + α)`
/// (numpy 2.4.6, scipy 1.17.1); agreement ≤ 1e-12 (measured: see the module README).
public struct ContinuousDistance: Sendable, Equatable {
    public var column: String
    /// W₁(real, synthetic) in the column's units; `nil` when a side has no value.
    public var wasserstein: Double?
    /// W₁ / (real max − real min): 1 means the synthetic mass is on average one real range away.
    /// `nil` when the real range is 0 (a constant real column: no scale to normalise by; read
    /// ``wasserstein`` instead) or a side has no value.
    public var normalizedWasserstein: Double?
    /// Jensen–Shannon distance, base 2, in [0, 1], on the shared bins.
    public var jensenShannon: Double?
    /// KL(real ‖ synthetic) in nats on the shared bins, smoothed.
    public var kullbackLeibler: Double?
    /// Set when the real column holds ±∞, so no bins can be placed (numpy raises).
    public var error: MetricError?

    public init(column: String, wasserstein: Double? = nil, normalizedWasserstein: Double? = nil,
                jensenShannon: Double? = nil, kullbackLeibler: Double? = nil, error: MetricError? = nil) {
        self.column = column
        self.wasserstein = wasserstein
        self.normalizedWasserstein = normalizedWasserstein
        self.jensenShannon = jensenShannon
        self.kullbackLeibler = kullbackLeibler
        self.error = error
    }

    /// The distances for one column; `nil` or NaN is missing.
    /// - Parameter pseudoCount: added to every bin before KL (1 = Laplace; 0 = none, then KL is
    ///   +∞ when a bin with real values is empty in the synthetic data).
    public static func compute(column: String, real: [Double?], synthetic: [Double?],
                               pseudoCount: Double = 1) -> ContinuousDistance {
        compute(column: column, sortedReal: Wasserstein.sortedPresent(real),
                sortedSynthetic: Wasserstein.sortedPresent(synthetic), pseudoCount: pseudoCount)
    }

    static func compute(column: String, sortedReal r: [Double], sortedSynthetic s: [Double],
                        pseudoCount: Double) -> ContinuousDistance {
        var out = ContinuousDistance(column: column)
        guard let lo = r.first, let hi = r.last, !s.isEmpty else { return out }
        guard lo.isFinite, hi.isFinite, let edges = EqualWidthBins.edges(r) else {
            out.error = .nonFiniteRange(column: column)
            return out
        }
        let w = Wasserstein.distance(sortedReal: r, sortedSynthetic: s)
        out.wasserstein = w
        if let w, hi > lo { out.normalizedWasserstein = w / (hi - lo) }
        let p = histogram(r, edges: edges), q = histogram(s, edges: edges)
        out.jensenShannon = HistogramDivergence.jensenShannonDistance(p, q)
        out.kullbackLeibler = HistogramDivergence.kullbackLeibler(p, q, pseudoCount: pseudoCount)
        return out
    }

    /// Counts per bin of `np.histogram(np.clip(values, edges[0], edges[-1]), edges)`.
    /// `EqualWidthBins.digitize` counts the edges ≤ x (0 … 11), so bin = that − 1, clamped to
    /// 0 … 9: below the first edge → bin 0, at or above the last → bin 9.
    static func histogram(_ values: [Double], edges: [Double]) -> [Double] {
        let bins = EqualWidthBins.binCount
        var counts = [Double](repeating: 0, count: bins)
        for d in EqualWidthBins.digitize(values, edges: edges) {
            counts[Swift.min(Swift.max(Int(d), 1), bins) - 1] += 1
        }
        return counts
    }
}


/// SDMetrics 0.32's DCRBaselineProtection: is the synthetic data further from the real data than
/// random data would be?
///
/// Source: `sdmetrics/single_table/privacy/dcr_baseline_protection.py` (0.32.0), with
/// `num_rows_subsample=None`, `num_iterations=1` (the defaults). A random table the size of the
/// synthetic one is drawn column by column within the real data's ranges (see
/// ``randomBaseline(like:rows:seed:)``); then, with DCRs to the real table,
///
///     score = min(median DCR(synthetic) / median DCR(random), 1),  NaN (`nil`) when the random
///             median is 0
///
/// Medians as pandas computes them (the mean of the two middle values for an even count).
///
/// Agreement: the random table is the only random part. SDMetrics draws it with numpy's
/// `default_rng(_seed)` plus the global `np.random` for the missing cells; RareSynth draws the same
/// distributions with `SeededRandom`, so its random median, and the score, match SDMetrics within
/// sampling noise, not bit for bit. Given the same random table
/// (``init(real:synthetic:random:threads:)``), everything else is bit-identical to SDMetrics
/// (fixtures: max |Δ| = 0), and the random median's distribution matches SDMetrics' over many
/// seeds (the fixture tests check the mean within 4 standard errors).
public struct DCRBaselineProtection: Sendable, Equatable {
    /// min(median synthetic DCR / median random DCR, 1); `nil` when the random median is 0
    /// (SDMetrics' NaN).
    public var score: Double?
    /// The median DCR of the synthetic rows to the real table.
    public var medianSyntheticDCR: Double
    /// The median DCR of the random rows to the real table.
    public var medianRandomDCR: Double

    /// The score with a random baseline drawn from `SeededRandom(seed:)` streams.
    /// - Parameter threads: worker threads for the DCRs; the result does not depend on it.
    /// - Throws: `PrivacyMetricError` as ``DistanceToClosestRecord`` does.
    public init(real: [MetricColumn], synthetic: [MetricColumn], seed: UInt64 = 0, threads: Int? = nil) throws {
        let rows = try DistanceEncoding.rowCount(synthetic)
        try self.init(real: real, synthetic: synthetic,
                      random: Self.randomBaseline(like: real, rows: rows, seed: seed), threads: threads)
    }

    /// The score against a given random table (the deterministic part of the metric, e.g. with
    /// the table SDMetrics drew).
    public init(real: [MetricColumn], synthetic: [MetricColumn], random: [MetricColumn], threads: Int? = nil) throws {
        let syntheticDCR = try DistanceToClosestRecord(dataset: synthetic, reference: real, threads: threads)
        let randomDCR = try DistanceToClosestRecord(dataset: random, reference: real, threads: threads)
        medianSyntheticDCR = syntheticDCR.median
        medianRandomDCR = randomDCR.median
        score = medianRandomDCR == 0 ? nil : Swift.min(medianSyntheticDCR / medianRandomDCR, 1)
    }
}

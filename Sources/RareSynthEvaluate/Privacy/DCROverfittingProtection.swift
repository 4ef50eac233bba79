
/// SDMetrics 0.32's DCROverfittingProtection on every row: does the synthetic data sit closer to
/// the rows the generator was trained on than to real rows it never saw?
///
/// Source: `sdmetrics/single_table/privacy/dcr_overfitting_protection.py` (0.32.0), with
/// `num_rows_subsample=None` (SDMetrics' default; RareSynth never subsamples). For each synthetic
/// row s, DCR_train(s) is its DCR to the training table and DCR_holdout(s) its DCR to the holdout
/// table (each with the ranges of its own reference table: see ``DistanceToClosestRecord``). Then
///
///     closerToTraining = #{s : DCR_train(s) < DCR_holdout(s)} / #synthetic
///     closerToHoldout  = 1 − closerToTraining          (ties count as closer to the holdout)
///     score            = min(2 · (1 − closerToTraining), 1)
///
/// A generator that does not memorise puts about half of its rows closer to each side when the
/// two real tables have equal size, scoring 1; a memorising one approaches 0. With a holdout much
/// smaller than the training table, rows are naturally closer to training and the score drops
/// (SDMetrics warns below half the size).
///
/// Agreement: identical to SDMetrics on the fixtures (the DCRs are bit-identical, so the strict
/// comparison and its ties are too).
public struct DCROverfittingProtection: Sendable, Equatable {
    /// min(2 · (1 − closerToTraining), 1), in [0, 1]; 1 is best.
    public var score: Double
    /// The share of synthetic rows strictly closer to the training table.
    public var closerToTraining: Double
    /// The share of synthetic rows at least as close to the holdout table.
    public var closerToHoldout: Double
    /// Each synthetic row's DCR to the training table.
    public var trainingDistances: DistanceToClosestRecord
    /// Each synthetic row's DCR to the holdout table.
    public var holdoutDistances: DistanceToClosestRecord

    /// - Parameter threads: worker threads for the DCRs (default `Parallel.threadCount`); the
    ///   result does not depend on it.
    /// - Throws: `PrivacyMetricError` as ``DistanceToClosestRecord`` does, and `.emptyTable` when
    ///   the synthetic table has no rows.
    public init(training: [MetricColumn], synthetic: [MetricColumn], holdout: [MetricColumn],
                threads: Int? = nil) throws {
        trainingDistances = try DistanceToClosestRecord(dataset: synthetic, reference: training, threads: threads)
        holdoutDistances = try DistanceToClosestRecord(dataset: synthetic, reference: holdout, threads: threads)
        let n = trainingDistances.distances.count
        guard n > 0 else { throw PrivacyMetricError.emptyTable("synthetic") }
        var closer = 0
        for (a, b) in zip(trainingDistances.distances, holdoutDistances.distances) where a < b { closer += 1 }
        // SDMetrics: np.where(dcr_real < dcr_holdout, 1.0, 0.0).sum() / total_rows.
        closerToTraining = Double(closer) / Double(n)
        closerToHoldout = 1 - closerToTraining
        score = Swift.min((1 - closerToTraining) * 2, 1)
    }
}

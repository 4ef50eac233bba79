import RareSynthNumerics

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
        try self.init(trainingDistances: DistanceToClosestRecord(dataset: synthetic, reference: training, threads: threads),
                      synthetic: synthetic, holdout: holdout, threads: threads)
    }

    /// The same, reusing the synthetic rows' DCRs to the training table that the caller already
    /// computed (the evaluation's DCR distribution is exactly that): at 100,000 rows each DCR pass
    /// is 10¹⁰ row pairs, so computing it once matters.
    public init(trainingDistances: DistanceToClosestRecord, synthetic: [MetricColumn], holdout: [MetricColumn],
                threads: Int? = nil) throws {
        self.trainingDistances = trainingDistances
        holdoutDistances = try DistanceToClosestRecord(dataset: synthetic, reference: holdout, threads: threads)
        let n = trainingDistances.distances.count
        guard n > 0 else { throw PrivacyMetricError.emptyTable("synthetic") }
        guard holdoutDistances.distances.count == n else {
            throw PrivacyMetricError.emptyTable("synthetic (the training DCRs cover another table)")
        }
        var closer = 0
        for (a, b) in zip(trainingDistances.distances, holdoutDistances.distances) where a < b { closer += 1 }
        // SDMetrics: np.where(dcr_real < dcr_holdout, 1.0, 0.0).sum() / total_rows.
        closerToTraining = Double(closer) / Double(n)
        closerToHoldout = 1 - closerToTraining
        score = Swift.min((1 - closerToTraining) * 2, 1)
    }
}

extension DCROverfittingProtection {
    /// The score of SDMetrics' subsampling mode, averaged over draws.
    public struct Subsampled: Sendable, Equatable {
        public var score: Double
        public var closerToTraining: Double
        public var closerToHoldout: Double
        public var rows: Int
        public var iterations: Int
    }

    /// SDMetrics' `compute_breakdown(..., num_rows_subsample=rows, num_iterations=iterations)`:
    /// each draw takes `rows` rows, without replacement, from the synthetic, the training and the
    /// holdout table alike, scores them, and the draws are averaged (score and both shares).
    ///
    /// With `rows` = the holdout's size, the two real references are equally large, which is what
    /// the formula's "half of the rows on each side" expects; on the full tables a 4:1 train/holdout
    /// split lands ~80% of an honest generator's rows closer to training (score ≈ 0.4). SDMetrics
    /// draws with numpy's global generator, RareSynth with its own seeded one, so single draws
    /// differ; the averages agree to sampling error (the peers' protocol, `score.py`, uses the
    /// holdout's size and 3 draws).
    public static func subsampled(training: [MetricColumn], synthetic: [MetricColumn], holdout: [MetricColumn],
                                  rows: Int, iterations: Int = 3, seed: UInt64,
                                  threads: Int? = nil) throws -> Subsampled {
        let counts = [training, synthetic, holdout].map { $0.first?.data.count ?? 0 }
        guard let smallest = counts.min(), smallest > 0 else { throw PrivacyMetricError.emptyTable("synthetic") }
        let m = Swift.min(rows, smallest)
        var random = SeededRandom(seed: seed)
        var (score, closer) = (0.0, 0.0)
        for _ in 0..<Swift.max(1, iterations) {
            let pick = counts.map { random.sampleWithoutReplacement(count: m, from: $0) }
            let o = try DCROverfittingProtection(training: training.map { $0.rows(pick[0]) },
                                                 synthetic: synthetic.map { $0.rows(pick[1]) },
                                                 holdout: holdout.map { $0.rows(pick[2]) }, threads: threads)
            score += o.score
            closer += o.closerToTraining
        }
        let k = Double(Swift.max(1, iterations))
        return Subsampled(score: score / k, closerToTraining: closer / k, closerToHoldout: 1 - closer / k,
                          rows: m, iterations: Swift.max(1, iterations))
    }
}

import RareSynthLearn

/// A distance-based membership-inference attack: can an attacker holding the synthetic data tell
/// the real rows the generator was trained on from real rows it never saw?
///
/// Each training row and each holdout row is scored by its DCR to the synthetic table (SDMetrics'
/// distance, see ``DistanceToClosestRecord``, with the ranges of the synthetic table, the reference
/// here); the attacker calls a row a member the closer it is. The attack's success is the ROC AUC
/// of "member" against −DCR:
///
///     AUC = P(DCR(t) < DCR(h)) + ½ P(DCR(t) = DCR(h))      t a training row, h a holdout row
///
/// computed as the Mann–Whitney U statistic with average ranks (scikit-learn's `roc_auc_score`,
/// which gives ties half credit). 0.5 means the synthetic data leaks nothing about membership that
/// distance can detect; 1 means every training row is closer than every holdout row (memorisation).
/// This is the full black-box attack of Chen et al. 2020 ("GAN-Leaks: a taxonomy of membership
/// inference attacks against generative models", ACM CCS), which scores a candidate by its distance
/// to the nearest generated sample, here with SDMetrics' mixed-type distance.
public struct DistanceMembershipInference: Sendable, Equatable {
    /// The ROC AUC of telling training rows from holdout rows by −DCR; 0.5 is no leak.
    public var auc: Double
    /// Each training row's DCR to the synthetic table.
    public var trainingDistances: [Double]
    /// Each holdout row's DCR to the synthetic table.
    public var holdoutDistances: [Double]

    /// - Parameter threads: worker threads for the DCRs; the result does not depend on it.
    /// - Throws: `PrivacyMetricError` as ``DistanceToClosestRecord`` does, and `.emptyTable` when
    ///   the training or holdout table has no rows.
    public init(training: [MetricColumn], holdout: [MetricColumn], synthetic: [MetricColumn], threads: Int? = nil) throws {
        trainingDistances = try DistanceToClosestRecord(dataset: training, reference: synthetic, threads: threads).distances
        holdoutDistances = try DistanceToClosestRecord(dataset: holdout, reference: synthetic, threads: threads).distances
        guard !trainingDistances.isEmpty else { throw PrivacyMetricError.emptyTable("training") }
        guard !holdoutDistances.isEmpty else { throw PrivacyMetricError.emptyTable("holdout") }
        // Members score higher: the negated distance. scikit-learn's roc_auc_score (ties count half).
        auc = ROCAUC.binary(scores: (trainingDistances + holdoutDistances).map { -$0 },
                            positive: trainingDistances.map { _ in true } + holdoutDistances.map { _ in false })!
    }
}

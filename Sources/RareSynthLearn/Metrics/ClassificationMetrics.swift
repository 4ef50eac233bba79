/// Label-based classification scores, as scikit-learn 1.9.1 computes them
/// (`sklearn/metrics/_classification.py`, `precision_recall_fscore_support`) with
/// `zero_division=0`: a ratio whose denominator is 0 scores 0 (scikit-learn's default "warn"
/// also returns 0, with a warning). Agreement: exact to 1e-12 (`Tests/RareSynthLearnTests`).
public enum ClassificationMetrics {
    /// Counts and scores of one label treated as the positive class.
    public struct LabelScores: Sendable, Equatable {
        public var label: String
        /// Rows whose true label is this one.
        public var support: Int
        /// Rows predicted as this label.
        public var predicted: Int
        public var truePositives: Int

        /// tp / (tp + fp).
        public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        /// tp / (tp + fn).
        public var recall: Double { support == 0 ? 0 : Double(truePositives) / Double(support) }
        /// 2·tp / (2·tp + fp + fn), scikit-learn's form of 2PR/(P + R), which needs no 0/0 guard
        /// for P or R.
        public var f1: Double {
            let denominator = support + predicted
            return denominator == 0 ? 0 : 2 * Double(truePositives) / Double(denominator)
        }
    }

    /// Precision, recall and F1 averaged with equal weight per label.
    public struct MacroScores: Sendable, Equatable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
    }

    /// The fraction of rows predicted correctly (`accuracy_score`).
    public static func accuracy(truth: [String], predicted: [String]) -> Double {
        precondition(truth.count == predicted.count && !truth.isEmpty, "need equal, non-empty label lists")
        let correct = zip(truth, predicted).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(correct) / Double(truth.count)
    }

    /// The scores of `label` as the positive class (`precision_score(..., pos_label=label)` and
    /// its recall/F1 siblings).
    public static func scores(truth: [String], predicted: [String], label: String) -> LabelScores {
        precondition(truth.count == predicted.count, "need equal label lists")
        var scores = LabelScores(label: label, support: 0, predicted: 0, truePositives: 0)
        for (t, p) in zip(truth, predicted) {
            if t == label { scores.support += 1 }
            if p == label { scores.predicted += 1 }
            if t == label && p == label { scores.truePositives += 1 }
        }
        return scores
    }

    /// Per-label scores for `labels`, by default the sorted union of the true and predicted
    /// labels (scikit-learn's `unique_labels`). Pass the test set's labels to ignore predictions
    /// of classes it lacks, as `peers/score.py` does.
    public static func perLabel(truth: [String], predicted: [String], labels: [String]? = nil) -> [LabelScores] {
        let labels = labels ?? PythonStringOrder.sortedUnique(truth + predicted)
        return labels.map { scores(truth: truth, predicted: predicted, label: $0) }
    }

    /// `average='macro'`: the unweighted mean over `labels` (default as in `perLabel`).
    public static func macro(truth: [String], predicted: [String], labels: [String]? = nil) -> MacroScores {
        let rows = perLabel(truth: truth, predicted: predicted, labels: labels)
        precondition(!rows.isEmpty, "need at least one label")
        let k = Double(rows.count)
        return MacroScores(precision: rows.reduce(0) { $0 + $1.precision } / k,
                           recall: rows.reduce(0) { $0 + $1.recall } / k,
                           f1: rows.reduce(0) { $0 + $1.f1 } / k)
    }
}

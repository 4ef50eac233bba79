import RareSynthLearn
import RareSynthNumerics

/// Can a classifier tell real rows from synthetic ones? The detection test of SDMetrics'
/// `LogisticDetection` (single_table/detection/base.py, 0.32): real and synthetic rows pooled
/// with a 0/1 label, k-fold stratified cross-validation, the ROC AUC of the held-out fold
/// averaged over folds, and the score
///
///     score = 1 − (max(AUC, ½) · 2 − 1)
///
/// — 1 when the classifier does no better than chance, 0 when it separates the tables perfectly.
/// SDMetrics uses 3 shuffled folds with an unseeded shuffle, so its figure moves from run to
/// run; here the folds are `StratifiedKFold(seed:)` (5 by default) and the result is fixed by the
/// seed. Features are encoded as for `PropensityMSE` (fitted on the pooled rows, which carries no
/// label information); the classifier is logistic regression (L2, C = 1, scikit-learn's default)
/// or a random forest, each equal to scikit-learn's (`RareSynthLearn`).
public struct DetectionScore: Sendable, Equatable, Codable {
    public enum Model: String, Sendable, Codable { case logisticRegression, randomForest }

    /// Mean held-out ROC AUC over the folds.
    public var auc: Double
    /// Each fold's held-out AUC.
    public var foldAUCs: [Double]
    /// 1 − (max(AUC, ½)·2 − 1).
    public var score: Double
    public var model: Model
    public var folds: Int
    public var seed: UInt64

    /// - Throws: `MetricError` when the columns do not match; `LearnError` when there are fewer
    ///   rows than folds.
    public static func compute(real: [MetricColumn], synthetic: [MetricColumn], model: Model = .logisticRegression,
                               folds: Int = 5, seed: UInt64 = 0, threads: Int? = nil) throws -> DetectionScore {
        let pooled = try PooledFeatures(real: real, synthetic: synthetic)
        let x = try FeatureEncoder(fitting: pooled.columns).transform(pooled.columns)
        let labels = pooled.labels
        let split = try StratifiedKFold(labels: labels, folds: folds, seed: seed)
        var aucs: [Double] = []
        for fold in 0..<folds {
            let (train, test) = split.split(fold)
            let xTrain = x.rows(train), xTest = x.rows(test)
            let yTrain = train.map { labels[$0] }, yTest = test.map { labels[$0] }
            let probabilities: Matrix, classes: [String]
            switch model {
            case .logisticRegression:
                let fitted = try LogisticRegression(fitting: xTrain, labels: yTrain)
                (probabilities, classes) = (try fitted.predictProbabilities(xTest), fitted.classes)
            case .randomForest:
                let forest = try RandomForestClassifier(fitting: xTrain, labels: yTrain,
                                                        options: RandomForestOptions(seed: seed &+ UInt64(fold)), threads: threads)
                (probabilities, classes) = (try forest.predictProbabilities(xTest, threads: threads), forest.classes)
            }
            let k = classes.firstIndex(of: "synthetic")!
            if let auc = ROCAUC.binary(scores: probabilities.column(k), truth: yTest, positiveLabel: "synthetic") { aucs.append(auc) }
        }
        let auc = aucs.reduce(0, +) / Double(aucs.count)
        return DetectionScore(auc: auc, foldAUCs: aucs, score: 1 - (Swift.max(auc, 0.5) * 2 - 1), model: model,
                              folds: folds, seed: seed)
    }
}

import RareSynthLearn
import RareSynthNumerics

/// Train on synthetic, test on real (TSTR) beside train on real, test on real (TRTR): the figure
/// an ML team asks first — does a model fitted on the shared data predict real patients as well
/// as one fitted on the real data would?
///
/// Both models see the same features (every column but the target), encoded by a
/// `FeatureEncoder` fitted on their own training table and tested on the same real test rows
/// (the holdout: rows neither the generator nor the models saw). Classification: logistic
/// regression (L2, C = 1) and a random forest; accuracy, macro precision, macro recall, macro F1
/// and ROC AUC (binary: the second class in sorted order is positive, as `score.py` does;
/// more classes: one-vs-rest macro), and, for each `sensitive` column, the group fairness of each
/// classifier's predictions (`GroupFairness`, equal to fairlearn). Regression: linear regression and a random-forest
/// regressor; R² and RMSE. The learners and metrics reproduce scikit-learn 1.9.1
/// (`RareSynthLearn`'s tests: logistic regression within 0.001 of `score.py`, forests within 0.03
/// on seed means).
public struct TrainSyntheticTestReal: Sendable, Equatable, Codable {
    public enum Task: String, Sendable, Codable { case classification, regression }

    /// One model trained on one table, scored on the real test rows.
    public struct Scores: Sendable, Equatable, Codable {
        /// `logistic_regression`, `linear_regression` or `random_forest`.
        public var model: String
        /// `real` or `synthetic`.
        public var trainedOn: String
        public var trainingRows: Int
        public var accuracy: Double?
        public var precision: Double?
        public var recall: Double?
        public var f1Macro: Double?
        public var rocAUC: Double?
        public var r2: Double?
        public var rmse: Double?
        /// Why this model has no scores (e.g. a single class in its training rows).
        public var error: String?
        /// Group fairness of this model's predictions on the test rows, per sensitive attribute.
        public var fairness: [AttributeFairness] = []
    }

    /// `GroupFairness` of one model's predictions across the groups of one sensitive column of
    /// the test rows, the positive class being the second class in sorted order (as for AUC).
    public struct AttributeFairness: Sendable, Equatable, Codable {
        public var attribute: String
        public var positiveClass: String?
        public var result: GroupFairness?
        /// Why there is no result (a multi-class target, a numeric or single-group attribute).
        public var note: String?
    }

    public struct Options: Sendable, Equatable {
        /// `peerScorer` reproduces `score.py`'s encoding (median imputation, no indicators).
        public var encoding: FeatureEncoder.Options
        public var forestTrees: Int
        public var seed: UInt64
        public var threads: Int?
        /// Categorical columns whose groups the classifiers' fairness is measured across.
        public var sensitive: [String]

        public init(encoding: FeatureEncoder.Options = FeatureEncoder.Options(), forestTrees: Int = 100,
                    seed: UInt64 = 0, threads: Int? = nil, sensitive: [String] = []) {
            self.encoding = encoding
            self.forestTrees = forestTrees
            self.seed = seed
            self.threads = threads
            self.sensitive = sensitive
        }
    }

    public var target: String
    public var task: Task
    public var testRows: Int
    /// Class labels of the test rows (classification), sorted.
    public var classes: [String]
    public var scores: [Scores]

    /// - Parameters:
    ///   - real: the real training table; `synthetic`: the synthetic table; `test`: real rows
    ///     neither saw (the holdout). Rows with a missing target are left out of each.
    ///   - target: a categorical/boolean column (classification) or a numerical one (regression).
    /// - Throws: `UtilityError` when the target is absent, the test rows have fewer than two
    ///   classes, or no row has a target.
    public static func compute(real: [MetricColumn], synthetic: [MetricColumn], test: [MetricColumn], target: String,
                               options: Options = Options()) throws -> TrainSyntheticTestReal {
        guard let testTarget = test.first(where: { $0.name == target }) else { throw UtilityError.missingTarget(target) }
        let task: Task = testTarget.kind.isContinuous ? .regression : .classification
        let (xTestColumns, yTest) = try split(test, target: target)
        var out = TrainSyntheticTestReal(target: target, task: task, testRows: yTest.count, classes: [], scores: [])
        switch task {
        case .classification:
            let truth = yTest.labels
            out.classes = Array(Set(truth)).sorted()
            guard out.classes.count >= 2 else { throw UtilityError.singleClass(target: target, label: out.classes.first) }
            for (name, table) in [("real", real), ("synthetic", synthetic)] {
                let (xColumns, y) = try split(table, target: target)
                let labels = y.labels
                guard Set(labels).count >= 2 else {
                    for model in ["logistic_regression", "random_forest"] {
                        out.scores.append(Scores(model: model, trainedOn: name, trainingRows: y.count,
                                                 error: "the \(name) training rows have a single class of '\(target)'"))
                    }
                    continue
                }
                let encoder = try FeatureEncoder(fitting: xColumns, options: options.encoding)
                let x = try encoder.transform(xColumns), xTest = try encoder.transform(xTestColumns)
                for model in ["logistic_regression", "random_forest"] {
                    var s = Scores(model: model, trainedOn: name, trainingRows: y.count)
                    let probabilities: Matrix, classes: [String]
                    if model == "logistic_regression" {
                        let fitted = try LogisticRegression(fitting: x, labels: labels)
                        (probabilities, classes) = (try fitted.predictProbabilities(xTest), fitted.classes)
                    } else {
                        let forest = try RandomForestClassifier(fitting: x, labels: labels,
                                                                options: RandomForestOptions(treeCount: options.forestTrees, seed: options.seed),
                                                                threads: options.threads)
                        (probabilities, classes) = (try forest.predictProbabilities(xTest, threads: options.threads), forest.classes)
                    }
                    let predicted = s.score(probabilities: probabilities, classes: classes, truth: truth, testClasses: out.classes)
                    s.fairness = options.sensitive.map {
                        fairness(of: predicted, truth: truth, classes: out.classes, attribute: $0, testColumns: xTestColumns)
                    }
                    out.scores.append(s)
                }
            }
        case .regression:
            let truth = yTest.numbers
            for (name, table) in [("real", real), ("synthetic", synthetic)] {
                let (xColumns, y) = try split(table, target: target)
                let targets = y.numbers
                guard targets.count >= 2 else {
                    for model in ["linear_regression", "random_forest"] {
                        out.scores.append(Scores(model: model, trainedOn: name, trainingRows: targets.count,
                                                 error: "the \(name) table has fewer than two rows with '\(target)'"))
                    }
                    continue
                }
                let encoder = try FeatureEncoder(fitting: xColumns, options: options.encoding)
                let x = try encoder.transform(xColumns), xTest = try encoder.transform(xTestColumns)
                for model in ["linear_regression", "random_forest"] {
                    var s = Scores(model: model, trainedOn: name, trainingRows: targets.count)
                    let predicted: [Double]
                    if model == "linear_regression" {
                        predicted = try LinearRegression(fitting: x, targets: targets).predict(xTest)
                    } else {
                        predicted = try RandomForestRegressor(fitting: x, targets: targets,
                                                              options: RandomForestOptions(treeCount: options.forestTrees, seed: options.seed),
                                                              threads: options.threads).predict(xTest, threads: options.threads)
                    }
                    s.r2 = RegressionMetrics.r2(truth: truth, predicted: predicted)
                    s.rmse = RegressionMetrics.rootMeanSquaredError(truth: truth, predicted: predicted)
                    out.scores.append(s)
                }
            }
        }
        return out
    }

    static func fairness(of predicted: [String], truth: [String], classes: [String], attribute: String,
                         testColumns: [FeatureColumn]) -> AttributeFairness {
        var out = AttributeFairness(attribute: attribute)
        guard classes.count == 2 else {
            out.note = "group fairness needs a binary target; '\(classes.count)' classes here"
            return out
        }
        guard let column = testColumns.first(where: { $0.name == attribute }), case .categorical(_, let groups) = column else {
            out.note = "'\(attribute)' is not a categorical column of the test rows"
            return out
        }
        let positive = classes[1]
        out.positiveClass = positive
        out.result = GroupFairness.compute(truth: truth.map { $0 == positive }, predicted: predicted.map { $0 == positive },
                                           groups: groups)
        if out.result == nil { out.note = "'\(attribute)' has fewer than two groups among the test rows" }
        return out
    }

    /// The target's values of the rows that have one.
    enum TargetValues {
        case labels([String]), numbers([Double])
        var labels: [String] { if case .labels(let l) = self { l } else { [] } }
        var numbers: [Double] { if case .numbers(let n) = self { n } else { [] } }
        var count: Int { if case .labels(let l) = self { l.count } else { numbers.count } }
    }

    /// Features (every other column) and target, over the rows whose target is present.
    static func split(_ table: [MetricColumn], target: String) throws -> ([FeatureColumn], TargetValues) {
        guard let column = table.first(where: { $0.name == target }) else { throw UtilityError.missingTarget(target) }
        let keep: [Int], values: TargetValues
        switch column.data {
        case .numerical(let v):
            keep = v.indices.filter { v[$0].map { !$0.isNaN } ?? false }
            values = .numbers(keep.map { v[$0]! })
        case .categorical(let l):
            keep = l.indices.filter { l[$0] != nil }
            values = .labels(keep.map { l[$0]! })
        }
        guard !keep.isEmpty else { throw UtilityError.noTargetValues(target) }
        let features = table.filter { $0.name != target }.map { c -> FeatureColumn in
            switch c.data {
            case .numerical(let v): .numeric(name: c.name, values: keep.map { v[$0] })
            case .categorical(let l): .categorical(name: c.name, labels: keep.map { l[$0] })
            }
        }
        return (features, values)
    }
}

extension TrainSyntheticTestReal.Scores {
    /// Classification scores from predicted probabilities (`classes` = their columns). The
    /// prediction is the most probable class; labels absent from training get probability 0.
    /// - Returns: the predicted labels.
    @discardableResult
    mutating func score(probabilities p: Matrix, classes: [String], truth: [String], testClasses: [String]) -> [String] {
        var predicted: [String] = []
        predicted.reserveCapacity(truth.count)
        for i in 0..<p.rows {
            var best = 0
            for k in 1..<Swift.max(classes.count, 1) where p[i, k] > p[i, best] { best = k }
            predicted.append(classes[best])
        }
        accuracy = ClassificationMetrics.accuracy(truth: truth, predicted: predicted)
        let macro = ClassificationMetrics.macro(truth: truth, predicted: predicted, labels: testClasses)
        (precision, recall, f1Macro) = (macro.precision, macro.recall, macro.f1)
        if testClasses.count == 2 {
            if let k = classes.firstIndex(of: testClasses[1]) {
                rocAUC = ROCAUC.binary(scores: p.column(k), truth: truth, positiveLabel: testClasses[1])
            }
        } else if classes == testClasses {
            rocAUC = ROCAUC.oneVsRestMacro(probabilities: p, classes: classes, truth: truth)
        }
        return predicted
    }
}

/// Why a utility score cannot be computed.
public enum UtilityError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingTarget(String)
    case singleClass(target: String, label: String?)
    case noTargetValues(String)

    public var description: String {
        switch self {
        case .missingTarget(let t): "the target column '\(t)' is not among the scored columns"
        case .singleClass(let t, let l): "the real test rows have a single class of '\(t)' (\(l ?? "none")): accuracy and AUC are undefined"
        case .noTargetValues(let t): "no row has a value of the target '\(t)'"
        }
    }
}

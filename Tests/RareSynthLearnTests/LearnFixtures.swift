import FixtureSupport
import Foundation
import RareSynthLearn
import RareSynthNumerics

/// The reference values of `Fixtures/learn.json` (made by `Fixtures/make_fixtures.py` with
/// scikit-learn 1.9.1) and the split tables they were computed on.
enum LearnFixtures {
    struct File: Decodable {
        var hand: Hand
        var encoder: [EncoderCheck]
        var cases: [Case]
    }

    struct Hand: Decodable {
        var labels: [LabelCase]
        var auc: [AUCCase]
        var auc_multiclass: [MulticlassAUCCase]
        var regression: [RegressionCase]
    }

    struct LabelCase: Decodable {
        var name: String
        var y_true: [String]
        var y_pred: [String]
        var pos_label: String
        var labels: [String]
        var accuracy, precision, recall, f1, precision_macro, recall_macro, f1_macro, f1_macro_true_labels: Double
    }

    struct AUCCase: Decodable {
        var name: String
        var y: [Int]
        var score: [Double]
        var auc: Double
    }

    struct MulticlassAUCCase: Decodable {
        var name: String
        var classes: [String]
        var y: [String]
        var proba: [[Double]]
        var auc_ovr_macro: Double
    }

    struct RegressionCase: Decodable {
        var name: String
        var y_true: [Double]
        var y_pred: [Double]
        var r2: Double
        var rmse: Double
    }

    struct EncoderCheck: Decodable {
        var dataset: String
        var target: String
        var encoding: String
        var features: [String]
        var holdout: [[Double]]
    }

    struct Case: Decodable, CustomStringConvertible {
        var dataset: String
        var target: String
        var task: String
        var encoding: String
        var n_train: Int
        var n_test: Int
        var features: [String]
        var classes: [String]?
        var labels: [String]?
        /// score.py's `LogisticRegression(max_iter=2000)`: test-set metrics.
        var logistic: [String: Double]?
        /// `LogisticRegression(tol=1e-12)`: `coef`, `intercept` and test-set metrics.
        var logistic_tight: [String: JSONValue]?
        /// `LogisticRegression(solver='newton-cholesky', tol=1e-14)`: `coef`, centred `intercept`.
        var logistic_optimum: [String: JSONValue]?
        var linear: LinearFit?
        var ridge: LinearFit?
        var forest: ForestSummary?

        var description: String { "\(dataset).\(target) [\(encoding)]" }
        var isRegression: Bool { task == "regression" }
    }

    struct LinearFit: Decodable {
        var coef: [Double]
        var intercept: Double
        var r2: Double
        var rmse: Double
        var rank: Int?
    }

    /// Test-set metrics of scikit-learn's forest over `seeds` `random_state`s (0, 1, …).
    struct ForestSummary: Decodable {
        var seeds: Int
        var mean: [String: Double]
        var sd: [String: Double]
        var min: [String: Double]
        var max: [String: Double]
    }

    /// Just enough JSON for an object that mixes numbers and arrays.
    enum JSONValue: Decodable {
        case number(Double)
        case array([JSONValue])

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let v = try? c.decode(Double.self) { self = .number(v) } else { self = .array(try c.decode([JSONValue].self)) }
        }

        var number: Double? { if case .number(let v) = self { v } else { nil } }
        var vector: [Double] { if case .array(let a) = self { a.compactMap(\.number) } else { [] } }
        var matrix: [[Double]] { if case .array(let a) = self { a.map(\.vector) } else { [] } }
    }

    static func root() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    static let file: File = {
        do {
            return try JSONDecoder().decode(File.self, from: Data(contentsOf: root().appendingPathComponent("learn.json")))
        } catch {
            fatalError("cannot read Fixtures/learn.json: \(error)")
        }
    }()

    static var classificationCases: [Case] { file.cases.filter { !$0.isRegression } }
    static var regressionCases: [Case] { file.cases.filter(\.isRegression) }

    // MARK: - Tables

    struct Meta: Decodable {
        struct Column: Decodable { var sdtype: String }
        var columns: [String: Column]
    }

    /// A split's feature columns and target, prepared as `make_fixtures.py` (after
    /// `peers/score.py`'s `features`/`prepare`): identifiers and the target left out, numerical
    /// and datetime columns as numbers (dates as days since 1970-01-01), the rest as labels
    /// (the CSV text), rows with a missing target dropped.
    struct Prepared {
        var columns: [FeatureColumn]
        var labels: [String]
        var numbers: [Double]
    }

    static func prepare(dataset: String, part: String, target: String, regression: Bool) throws -> Prepared {
        let dir = try root().appendingPathComponent("splits")
        let meta = try JSONDecoder().decode(Meta.self, from: Data(contentsOf: dir.appendingPathComponent("\(dataset).meta.json")))
        let text = try String(contentsOf: dir.appendingPathComponent("\(dataset).\(part).csv"), encoding: .utf8)
        let table = FixtureCSV.parse(text)
        let targetColumn = table.columns[table.header.firstIndex(of: target)!]
        let keep = targetColumn.indices.filter { i in
            guard let cell = targetColumn[i] else { return false }
            return !regression || Double(cell) != nil
        }
        var columns: [FeatureColumn] = []
        for (j, name) in table.header.enumerated() where name != target {
            guard let sdtype = meta.columns[name]?.sdtype, sdtype != "id" else { continue }
            let cells = keep.map { table.columns[j][$0] }
            switch sdtype {
            case "numerical":
                columns.append(.numeric(name: name, values: cells.map { $0.flatMap(Double.init) }))
            case "datetime":
                columns.append(.numeric(name: name, values: cells.map { $0.flatMap(daysSinceEpoch) }))
            default:
                columns.append(.categorical(name: name, labels: cells))
            }
        }
        let targets = keep.map { targetColumn[$0]! }
        return Prepared(columns: columns, labels: targets, numbers: regression ? targets.map { Double($0)! } : [])
    }

    /// Whole days since 1970-01-01 of a `YYYY-MM-DD` date (Howard Hinnant's days_from_civil).
    static func daysSinceEpoch(_ text: String) -> Double? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let y = parts[1] <= 2 ? parts[0] - 1 : parts[0]
        let m = parts[1], d = parts[2]
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Double(era * 146_097 + doe - 719_468)
    }

    static func options(_ encoding: String) -> FeatureEncoder.Options {
        encoding == "median" ? .peerScorer : FeatureEncoder.Options(imputation: .mean, missingIndicators: true)
    }

    struct Encoded {
        var encoder: FeatureEncoder
        var train: Matrix
        var test: Matrix
        var trainSet: Prepared
        var testSet: Prepared
    }

    /// Encoded train and test matrices of a case.
    static func encoded(_ c: Case) throws -> Encoded {
        let train = try prepare(dataset: c.dataset, part: "train", target: c.target, regression: c.isRegression)
        let test = try prepare(dataset: c.dataset, part: "holdout", target: c.target, regression: c.isRegression)
        let encoder = try FeatureEncoder(fitting: train.columns, options: options(c.encoding))
        return Encoded(encoder: encoder, train: try encoder.transform(train.columns),
                       test: try encoder.transform(test.columns), trainSet: train, testSet: test)
    }

    /// The metrics `make_fixtures.py` records, from class probabilities on the test labels.
    static func classificationMetrics(proba: Matrix, classes: [String], truth: [String],
                                      labels: [String]) -> [String: Double] {
        var predicted: [String] = []
        for i in 0..<proba.rows {
            var best = 0
            for k in 1..<proba.columns where proba[i, k] > proba[i, best] { best = k }
            predicted.append(classes[best])
        }
        let macro = ClassificationMetrics.macro(truth: truth, predicted: predicted, labels: labels)
        var out = ["accuracy": ClassificationMetrics.accuracy(truth: truth, predicted: predicted),
                   "f1_macro": macro.f1, "precision_macro": macro.precision, "recall_macro": macro.recall]
        if labels.count == 2 {
            let positive = ClassificationMetrics.scores(truth: truth, predicted: predicted, label: labels[1])
            out["precision"] = positive.precision
            out["recall"] = positive.recall
            out["f1"] = positive.f1
            out["roc_auc"] = ROCAUC.binary(scores: proba.column(classes.firstIndex(of: labels[1])!),
                                           truth: truth, positiveLabel: labels[1])
        } else if Set(labels) == Set(classes) {
            out["roc_auc_ovr_macro"] = ROCAUC.oneVsRestMacro(probabilities: proba, classes: classes, truth: truth)
        }
        return out
    }

    static func regressionMetrics(truth: [Double], predicted: [Double]) -> [String: Double] {
        ["r2": RegressionMetrics.r2(truth: truth, predicted: predicted),
         "rmse": RegressionMetrics.rootMeanSquaredError(truth: truth, predicted: predicted)]
    }

    /// Largest |a[k] − b[k]| over the keys of `b`; keys missing from `a` count as infinitely far.
    static func maxDifference(_ a: [String: Double], _ b: [String: Double], keys: [String]? = nil) -> Double {
        (keys ?? Array(b.keys)).reduce(0) { m, k in
            guard let x = a[k], let y = b[k] else { return .infinity }
            return max(m, abs(x - y))
        }
    }
}

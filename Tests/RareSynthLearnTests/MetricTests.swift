import RareSynthLearn
import RareSynthNumerics
import Testing

/// The metric functions against scikit-learn 1.9.1 on the hand-made inputs of `learn.json`.
struct MetricTests {
    static let tolerance = 1e-12

    @Test(arguments: LearnFixtures.file.hand.labels.map(\.name))
    func labelMetricsMatchScikitLearn(name: String) {
        let c = LearnFixtures.file.hand.labels.first { $0.name == name }!
        let positive = ClassificationMetrics.scores(truth: c.y_true, predicted: c.y_pred, label: c.pos_label)
        let macro = ClassificationMetrics.macro(truth: c.y_true, predicted: c.y_pred)
        let macroOnTrue = ClassificationMetrics.macro(truth: c.y_true, predicted: c.y_pred, labels: c.labels)
        #expect(abs(ClassificationMetrics.accuracy(truth: c.y_true, predicted: c.y_pred) - c.accuracy) <= Self.tolerance)
        #expect(abs(positive.precision - c.precision) <= Self.tolerance)
        #expect(abs(positive.recall - c.recall) <= Self.tolerance)
        #expect(abs(positive.f1 - c.f1) <= Self.tolerance)
        #expect(abs(macro.precision - c.precision_macro) <= Self.tolerance)
        #expect(abs(macro.recall - c.recall_macro) <= Self.tolerance)
        #expect(abs(macro.f1 - c.f1_macro) <= Self.tolerance)
        #expect(abs(macroOnTrue.f1 - c.f1_macro_true_labels) <= Self.tolerance)
    }

    @Test(arguments: LearnFixtures.file.hand.auc.map(\.name))
    func binaryAUCMatchesScikitLearn(name: String) throws {
        let c = LearnFixtures.file.hand.auc.first { $0.name == name }!
        let auc = try #require(ROCAUC.binary(scores: c.score, positive: c.y.map { $0 == 1 }))
        #expect(abs(auc - c.auc) <= Self.tolerance)
    }

    @Test func multiclassAUCMatchesScikitLearn() throws {
        for c in LearnFixtures.file.hand.auc_multiclass {
            let proba = Matrix(rows: c.proba)
            let auc = try #require(ROCAUC.oneVsRestMacro(probabilities: proba, classes: c.classes, truth: c.y))
            #expect(abs(auc - c.auc_ovr_macro) <= Self.tolerance, "\(c.name)")
        }
    }

    @Test func aucIsUndefinedWithOneClass() {
        #expect(ROCAUC.binary(scores: [0.1, 0.4], positive: [true, true]) == nil)
        #expect(ROCAUC.oneVsRestMacro(probabilities: Matrix(rows: [[0.5, 0.5], [0.2, 0.8]]),
                                      classes: ["a", "b"], truth: ["a", "a"]) == nil)
    }

    @Test(arguments: LearnFixtures.file.hand.regression.map(\.name))
    func regressionMetricsMatchScikitLearn(name: String) {
        let c = LearnFixtures.file.hand.regression.first { $0.name == name }!
        #expect(abs(RegressionMetrics.r2(truth: c.y_true, predicted: c.y_pred) - c.r2) <= Self.tolerance)
        #expect(abs(RegressionMetrics.rootMeanSquaredError(truth: c.y_true, predicted: c.y_pred) - c.rmse) <= Self.tolerance)
    }
}

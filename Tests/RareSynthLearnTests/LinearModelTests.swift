import RareSynthLearn
import RareSynthNumerics
import Testing

/// Logistic, linear and ridge regression against scikit-learn on the fixture splits. These are
/// convex problems with one solution, so the coefficients must agree closely and the test-set
/// scores within 0.005 (they differ from score.py's lbfgs only by its early stop at tol 1e-4).
struct LinearModelTests {
    static let classification = LearnFixtures.classificationCases.map(\.description)
    static let regression = LearnFixtures.regressionCases.map(\.description)

    static func reference(_ name: String) -> LearnFixtures.Case {
        LearnFixtures.file.cases.first { $0.description == name }!
    }

    @Test(arguments: classification)
    func logisticRegressionMatchesScikitLearn(name: String) throws {
        let c = Self.reference(name)
        let data = try LearnFixtures.encoded(c)
        let model = try LogisticRegression(fitting: data.train, labels: data.trainSet.labels)
        #expect(model.converged)
        #expect(model.classes == c.classes)
        // coefficients, matched by feature name, against scikit-learn's Newton solution (the
        // optimum) and against lbfgs run to tol=1e-12 (which stops on ftol ~1e-5 short of it)
        let tight = try #require(c.logistic_tight)
        let names = data.encoder.features.map(\.name)
        #expect(Set(names) == Set(c.features))
        func distance(_ reference: [String: LearnFixtures.JSONValue]) -> Double {
            let coef = reference["coef"]!.matrix, intercept = reference["intercept"]!.vector
            var worst = 0.0
            for k in 0..<model.coefficients.rows {
                for (j, featureName) in names.enumerated() {
                    worst = max(worst, abs(model.coefficients[k, j] - coef[k][c.features.firstIndex(of: featureName)!]))
                }
                // lbfgs leaves the softmax intercepts summing to ~0; compare them centred
                let mean = intercept.count > 1 ? intercept.reduce(0, +) / Double(intercept.count) : 0
                worst = max(worst, abs(model.intercepts[k] - (intercept[k] - mean)))
            }
            return worst
        }
        let vsOptimum = distance(try #require(c.logistic_optimum))
        let vsLBFGS = distance(tight)
        #expect(vsOptimum <= 1e-8, "max |Δ coefficient| vs newton-cholesky = \(vsOptimum)")
        #expect(vsLBFGS <= 1e-4, "max |Δ coefficient| vs lbfgs tol 1e-12 = \(vsLBFGS)")
        let proba = try model.predictProbabilities(data.test)
        let metrics = LearnFixtures.classificationMetrics(proba: proba, classes: model.classes,
                                                          truth: data.testSet.labels, labels: c.labels!)
        let vsDefault = LearnFixtures.maxDifference(metrics, c.logistic!)
        let vsTight = LearnFixtures.maxDifference(metrics, tight.compactMapValues(\.number))
        #expect(vsDefault <= 0.005, "max |Δ metric| vs score.py's lbfgs = \(vsDefault)")
        #expect(vsTight <= 1e-6, "max |Δ metric| vs tight lbfgs = \(vsTight)")
        print("logistic \(name): |Δcoef| optimum \(vsOptimum) lbfgs \(vsLBFGS), |Δmetric| default \(vsDefault), tight \(vsTight), iterations \(model.iterations)")
    }

    @Test(arguments: regression)
    func linearAndRidgeRegressionMatchScikitLearn(name: String) throws {
        let c = Self.reference(name)
        let data = try LearnFixtures.encoded(c)
        let names = data.encoder.features.map(\.name)
        let index = names.map { c.features.firstIndex(of: $0)! }
        let scale = data.trainSet.numbers.map(abs).max()!
        for (label, reference) in [("linear", c.linear!), ("ridge", c.ridge!)] {
            let coefficients: [Double], intercept: Double, predictions: [Double]
            if label == "linear" {
                let model = try LinearRegression(fitting: data.train, targets: data.trainSet.numbers)
                (coefficients, intercept) = (model.coefficients, model.intercept)
                predictions = try model.predict(data.test)
                #expect(model.rank == reference.rank, "\(name) rank")
            } else {
                let model = try RidgeRegression(fitting: data.train, targets: data.trainSet.numbers)
                (coefficients, intercept) = (model.coefficients, model.intercept)
                predictions = try model.predict(data.test)
            }
            var worst = abs(intercept - reference.intercept)
            for j in names.indices { worst = max(worst, abs(coefficients[j] - reference.coef[index[j]])) }
            let metrics = LearnFixtures.regressionMetrics(truth: data.testSet.numbers, predicted: predictions)
            let r2 = abs(metrics["r2"]! - reference.r2)
            let rmse = abs(metrics["rmse"]! - reference.rmse) / reference.rmse
            #expect(worst <= 1e-8 * scale, "\(label) max |Δ coefficient| = \(worst)")
            #expect(r2 <= 1e-9 && rmse <= 1e-9, "\(label) |Δ R²| = \(r2), relative |Δ RMSE| = \(rmse)")
            print("\(label) \(name): |Δcoef| \(worst) (target scale \(scale)), |ΔR²| \(r2), rel |ΔRMSE| \(rmse)")
        }
    }

    @Test func logisticRegressionRejectsSingleClass() {
        #expect(throws: LearnError.singleClass("a")) {
            try LogisticRegression(fitting: Matrix(rows: [[1], [2]]), labels: ["a", "a"])
        }
    }

    @Test func linearRegressionRecoversAnExactLine() throws {
        let x = Matrix(rows: [[0, 1], [1, 0], [2, 5], [3, 2], [4, 4]])
        let y = (0..<5).map { 2 + 3 * x[$0, 0] - 0.5 * x[$0, 1] }
        let model = try LinearRegression(fitting: x, targets: y)
        #expect(abs(model.intercept - 2) < 1e-12)
        #expect(abs(model.coefficients[0] - 3) < 1e-12 && abs(model.coefficients[1] + 0.5) < 1e-12)
    }
}

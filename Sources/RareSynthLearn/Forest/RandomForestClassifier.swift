import RareSynthNumerics

/// A random forest of Gini CART trees on bootstrap samples: scikit-learn 1.9.1's
/// `RandomForestClassifier()` defaults (100 trees, √p features per split, trees grown until
/// pure; see `TreeBuilder` for the split rules and `RandomForestOptions`).
///
/// `predictProbabilities` is the mean over trees of each tree's leaf class fractions, as
/// scikit-learn's `predict_proba`. Trees draw from their own `SeededRandom` stream and are built
/// in parallel, so a forest is identical for any thread count; it is not scikit-learn's forest
/// (numpy's generator is not reproduced), so scores agree statistically: on the fixture tables
/// the mean test-set accuracy, AUC and macro F1 of our forests over seeds is within 0.03 of
/// scikit-learn's mean over `random_state`s (`Tests/RareSynthLearnTests`; per-dataset gaps,
/// and a 50-seed check of the noisiest cases, in its `Fixtures/README.md`).
public struct RandomForestClassifier: Sendable {
    public let classes: [String]
    public let options: RandomForestOptions
    let forest: Forest

    /// - Parameter threads: worker threads (default `Parallel.threadCount`); never changes the result.
    /// - Throws: `LearnError` for mismatched shapes, non-finite features, or a single class.
    public init(fitting x: Matrix, labels: [String], options: RandomForestOptions = RandomForestOptions(),
                threads: Int? = nil) throws {
        try MatrixChecks.training(x, rows: labels.count)
        let encoding = try ClassEncoding(labels: labels)
        let codes = encoding.codes.map(Int32.init)
        let classCount = encoding.classes.count
        classes = encoding.classes
        self.options = options
        forest = codes.withUnsafeBufferPointer { codesBuffer in
            let codePointer = SendableCodes(base: codesBuffer.baseAddress!)
            return Forest.fit(x, options: options, maxFeatures: options.maxFeatures ?? .sqrt,
                              valueWidth: classCount, threads: threads) { weights in
                GiniCriterion(codes: codePointer.base, weights: weights, classCount: classCount)
            }
        }
    }

    public var treeCount: Int { forest.trees.count }

    /// Class probabilities, one column per entry of `classes`.
    public func predictProbabilities(_ x: Matrix, threads: Int? = nil) throws -> Matrix {
        try MatrixChecks.features(x, expected: forest.featureCount)
        return forest.meanLeafValues(x, threads: threads)
    }

    /// The most probable class of each row (the first on a tie).
    public func predict(_ x: Matrix, threads: Int? = nil) throws -> [String] {
        ClassEncoding.argmaxLabels(try predictProbabilities(x, threads: threads), classes: classes)
    }
}

import RareSynthNumerics

/// A random forest of squared-error CART trees on bootstrap samples: scikit-learn 1.9.1's
/// `RandomForestRegressor()` defaults (100 trees, every feature considered at each split, trees
/// grown until leaves are pure; see `TreeBuilder`). The prediction is the mean over trees of
/// the leaf means. Deterministic for any thread count; agrees with scikit-learn statistically
/// (mean test-set R² over seeds within 0.03 of scikit-learn's on the fixture tables, see
/// `Tests/RareSynthLearnTests/Fixtures/README.md`).
public struct RandomForestRegressor: Sendable {
    public let options: RandomForestOptions
    let forest: Forest

    /// - Parameter threads: worker threads (default `Parallel.threadCount`); never changes the result.
    /// - Throws: `LearnError` for mismatched shapes or non-finite values.
    public init(fitting x: Matrix, targets y: [Double], options: RandomForestOptions = RandomForestOptions(),
                threads: Int? = nil) throws {
        try MatrixChecks.training(x, rows: y.count)
        try MatrixChecks.finite(y, "the training target")
        self.options = options
        forest = y.withUnsafeBufferPointer { yBuffer in
            let targets = SendableConstPointer(yBuffer.baseAddress!)
            return Forest.fit(x, options: options, maxFeatures: options.maxFeatures ?? .fraction(1),
                              valueWidth: 1, threads: threads) { weights in
                SquaredErrorCriterion(targets: targets.base, weights: weights)
            }
        }
    }

    public var treeCount: Int { forest.trees.count }

    public func predict(_ x: Matrix, threads: Int? = nil) throws -> [Double] {
        try MatrixChecks.features(x, expected: forest.featureCount)
        return forest.meanLeafValues(x, threads: threads).elements
    }
}

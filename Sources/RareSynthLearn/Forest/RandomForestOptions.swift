import Foundation

/// The settings of a random forest, named and defaulted as scikit-learn 1.9.1's
/// `RandomForestClassifier` / `RandomForestRegressor`.
public struct RandomForestOptions: Sendable, Equatable {
    /// How many features each split considers.
    public enum MaxFeatures: Sendable, Equatable {
        /// max(1, ⌊√p⌋): the classifier's default.
        case sqrt
        /// max(1, ⌊log₂ p⌋).
        case log2
        /// max(1, ⌊f·p⌋); 1.0 (every feature) is the regressor's default.
        case fraction(Double)
        /// min(p, n).
        case count(Int)

        func resolve(features p: Int) -> Int {
            let n: Int
            switch self {
            case .sqrt: n = Int(Double(p).squareRoot())
            case .log2: n = Int(Foundation.log2(Double(max(p, 1))))
            case .fraction(let f): n = Int(f * Double(p))
            case .count(let c): n = c
            }
            return min(p, max(1, n))
        }
    }

    /// `n_estimators`.
    public var treeCount: Int
    /// nil: `.sqrt` for a classifier, `.fraction(1)` for a regressor.
    public var maxFeatures: MaxFeatures?
    public var minSamplesSplit: Int
    public var minSamplesLeaf: Int
    /// nil: grow until leaves are pure or too small to split.
    public var maxDepth: Int?
    /// Draw n rows with replacement per tree (else every tree sees every row once).
    public var bootstrap: Bool
    /// Tree t draws from `SeededRandom(seed: seed, stream: t)`.
    public var seed: UInt64

    public init(treeCount: Int = 100, maxFeatures: MaxFeatures? = nil, minSamplesSplit: Int = 2,
                minSamplesLeaf: Int = 1, maxDepth: Int? = nil, bootstrap: Bool = true, seed: UInt64 = 0) {
        precondition(treeCount >= 1 && minSamplesSplit >= 2 && minSamplesLeaf >= 1 && (maxDepth ?? 1) >= 0,
                     "invalid forest options")
        self.treeCount = treeCount
        self.maxFeatures = maxFeatures
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxDepth = maxDepth
        self.bootstrap = bootstrap
        self.seed = seed
    }
}

import RareSynthNumerics

/// Seeded stratified k-fold assignment, for cross-validated scores such as the detection score.
///
/// Every class is shuffled on its own (`SeededRandom(seed:)`, classes in Python sort order), the
/// classes are laid end to end, and the j-th row of that sequence goes to fold j mod k. So each
/// fold gets ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of every class c and the fold sizes differ by at most one —
/// the balance scikit-learn's `StratifiedKFold(shuffle=True)` guarantees. The assignment is not
/// scikit-learn's (its shuffling uses numpy's generator); cross-validated scores agree with it
/// statistically, not row for row.
public struct StratifiedKFold: Sendable, Equatable {
    /// The test rows of each fold, ascending.
    public let testFolds: [[Int]]
    public let rowCount: Int

    /// - Throws: `LearnError.tooFewRows` when there are fewer rows than folds.
    public init(labels: [String], folds: Int, seed: UInt64) throws {
        precondition(folds >= 2, "need at least two folds")
        guard labels.count >= folds else { throw LearnError.tooFewRows(rows: labels.count, folds: folds) }
        var byClass: [String: [Int]] = [:]
        for (i, label) in labels.enumerated() { byClass[label, default: []].append(i) }
        var random = SeededRandom(seed: seed)
        var sequence: [Int] = []
        sequence.reserveCapacity(labels.count)
        for label in PythonStringOrder.sortedUnique(byClass.keys) {
            var rows = byClass[label]!
            random.shuffle(&rows)
            sequence += rows
        }
        var testFolds = [[Int]](repeating: [], count: folds)
        for (j, row) in sequence.enumerated() { testFolds[j % folds].append(row) }
        self.testFolds = testFolds.map { $0.sorted() }
        rowCount = labels.count
    }

    /// The training rows (every row not in the fold) and test rows of fold `fold`, ascending.
    public func split(_ fold: Int) -> (train: [Int], test: [Int]) {
        let test = testFolds[fold]
        var inTest = [Bool](repeating: false, count: rowCount)
        for i in test { inTest[i] = true }
        return ((0..<rowCount).filter { !inTest[$0] }, test)
    }
}

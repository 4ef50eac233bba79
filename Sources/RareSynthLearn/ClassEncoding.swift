import RareSynthNumerics

/// The classes of a training target, sorted as scikit-learn sorts them (`np.unique`, Python
/// string order), and each row's class index. Column k of `predictProbabilities` belongs to
/// `classes[k]`, as in scikit-learn's `classes_`.
struct ClassEncoding: Sendable {
    let classes: [String]
    let codes: [Int]

    /// - Throws: `LearnError.noTrainingRows`, or `.singleClass` when fewer than two labels occur.
    init(labels: [String]) throws {
        guard !labels.isEmpty else { throw LearnError.noTrainingRows }
        classes = PythonStringOrder.sortedUnique(labels)
        guard classes.count >= 2 else { throw LearnError.singleClass(classes[0]) }
        var index: [String: Int] = [:]
        for (k, c) in classes.enumerated() { index[c] = k }
        codes = labels.map { index[$0]! }
    }
}

extension ClassEncoding {
    /// The label of each row's largest probability; the first class wins a tie (numpy `argmax`,
    /// which scikit-learn's `predict` uses).
    static func argmaxLabels(_ proba: Matrix, classes: [String]) -> [String] {
        let k = proba.columns
        return (0..<proba.rows).map { i in
            var best = 0
            for j in 1..<k where proba.elements[i * k + j] > proba.elements[i * k + best] { best = j }
            return classes[best]
        }
    }
}

import RareSynthNumerics

/// Input checks shared by the learners: every value finite, shapes consistent.
enum MatrixChecks {
    static func finite(_ x: Matrix, _ what: String) throws {
        guard x.elements.allSatisfy(\.isFinite) else { throw LearnError.nonFinite(what) }
    }

    static func finite(_ y: [Double], _ what: String) throws {
        guard y.allSatisfy(\.isFinite) else { throw LearnError.nonFinite(what) }
    }

    static func training(_ x: Matrix, rows: Int) throws {
        guard x.rows == rows else { throw LearnError.rowCountMismatch(features: x.rows, targets: rows) }
        guard rows > 0 else { throw LearnError.noTrainingRows }
        try finite(x, "the training features")
    }

    static func features(_ x: Matrix, expected: Int) throws {
        guard x.columns == expected else { throw LearnError.featureCountMismatch(expected: expected, got: x.columns) }
        try finite(x, "the features")
    }
}

/// Why a model could not be fitted or applied; each case carries what a caller needs to act.
public enum LearnError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Columns of one table differ in length.
    case columnLengthMismatch(column: String, count: Int, expected: Int)
    /// The table to transform does not have the columns (names and kinds, in order) the encoder
    /// was fitted on.
    case columnsDiffer(expected: [String], got: [String])
    /// The feature matrix and the target have different numbers of rows.
    case rowCountMismatch(features: Int, targets: Int)
    /// A matrix given to `predict` has a different number of features than the one fitted.
    case featureCountMismatch(expected: Int, got: Int)
    /// Nothing to fit on.
    case noTrainingRows
    /// A classifier needs at least two classes in its training target.
    case singleClass(String)
    /// A feature or target value is NaN or infinite.
    case nonFinite(String)
    /// Stratified folds need every fold to be non-empty.
    case tooFewRows(rows: Int, folds: Int)

    public var description: String {
        switch self {
        case .columnLengthMismatch(let column, let count, let expected):
            "column '\(column)' has \(count) rows, expected \(expected)"
        case .columnsDiffer(let expected, let got):
            "the encoder was fitted on columns \(expected), got \(got)"
        case .rowCountMismatch(let features, let targets):
            "\(features) feature rows but \(targets) target values"
        case .featureCountMismatch(let expected, let got):
            "the model was fitted on \(expected) features, got \(got)"
        case .noTrainingRows:
            "there are no training rows"
        case .singleClass(let label):
            "the training target has the single class '\(label)'; a classifier needs two"
        case .nonFinite(let what):
            "\(what) contains NaN or infinite values"
        case .tooFewRows(let rows, let folds):
            "\(rows) rows cannot fill \(folds) folds"
        }
    }
}

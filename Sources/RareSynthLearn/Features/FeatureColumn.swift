/// One input column of a learning task, already decoded by the caller.
///
/// RareSynthLearn depends on no table or schema module: a caller turns its columns into numbers
/// (datetimes into any linear time unit, e.g. days since 1970 as `peers/score.py` does — the
/// encoder standardises, so the unit does not matter) or into category labels. Identifier
/// columns and the target are left out by the caller.
public enum FeatureColumn: Sendable, Equatable {
    /// Numbers; `nil` or NaN is missing.
    case numeric(name: String, values: [Double?])
    /// Category labels compared as exact strings; `nil` is missing.
    case categorical(name: String, labels: [String?])

    public var name: String {
        switch self {
        case .numeric(let name, _), .categorical(let name, _): name
        }
    }

    /// The number of rows, missing ones included.
    public var count: Int {
        switch self {
        case .numeric(_, let values): values.count
        case .categorical(_, let labels): labels.count
        }
    }

    var isNumeric: Bool {
        if case .numeric = self { return true }
        return false
    }
}

/// A rule every synthetic row must satisfy, declared in the schema.
///
/// Per-column bounds and integer rounding live on `ColumnSchema` (`minimum`, `maximum`, `integer`);
/// the rules here relate several columns or a column and a constant.
public enum Constraint: Sendable, Equatable {
    /// `left op right`, where `right` is another column (`diagnosis_date >= birth_date`).
    case columnInequality(left: String, op: ComparisonOperator, right: String)
    /// `column op value` (`time > 0`). For datetime columns the value is in the column's format.
    case valueInequality(column: String, op: ComparisonOperator, value: String)
    /// Only combinations of these columns' values that occur in the real data may be produced.
    case fixedCombinations(columns: [String])

    /// The columns the rule mentions.
    public var columns: [String] {
        switch self {
        case let .columnInequality(left, _, right): [left, right]
        case let .valueInequality(column, _, _): [column]
        case let .fixedCombinations(columns): columns
        }
    }
}

/// The comparison in an inequality constraint or a `--condition`.
public enum ComparisonOperator: String, Codable, Sendable, CaseIterable {
    case lessThan = "<", lessOrEqual = "<=", greaterThan = ">", greaterOrEqual = ">=", equal = "="

    /// Whether `lhs op rhs` holds.
    public func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .lessThan: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greaterThan: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        case .equal: lhs == rhs
        }
    }
}

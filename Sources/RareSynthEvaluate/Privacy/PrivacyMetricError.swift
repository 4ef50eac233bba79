/// Why a privacy metric could not be computed.
///
/// SDMetrics raises a `ValueError` or `TypeError` for most of these; here they are values with the
/// column or count a caller needs to fix the input.
public enum PrivacyMetricError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The two tables share no column the metric can use (SDMetrics' DCR: "There are no
    /// overlapping statistical columns to measure.").
    case noCommonColumns
    /// A column named by the caller is not in a table.
    case missingColumn(String)
    /// A column has different kinds in two tables.
    case kindMismatch(column: String)
    /// Two columns of one table have different row counts.
    case lengthMismatch(column: String)
    /// A table that must have rows has none.
    case emptyTable(String)
    /// A continuous value is infinite or too large for the distance encoding (|x| ≥ 1e300);
    /// SDMetrics' results for such values are NaN-dependent.
    case nonFiniteValue(column: String)
    /// A list of column names is empty where at least one is required.
    case noColumns(String)
    /// A column appears in two roles that must be disjoint (e.g. a key that is also the target).
    case overlappingColumns(String)
    /// A numeric argument is out of its range.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .noCommonColumns: "There are no overlapping statistical columns to measure."
        case .missingColumn(let name): "the table has no column '\(name)'"
        case .kindMismatch(let name): "column '\(name)' has different kinds in the two tables"
        case .lengthMismatch(let name): "column '\(name)' has a different row count from the other columns of its table"
        case .emptyTable(let which): "the \(which) table has no rows"
        case .nonFiniteValue(let name): "column '\(name)' holds an infinite value or one of magnitude ≥ 1e300"
        case .noColumns(let role): "at least one \(role) column is required"
        case .overlappingColumns(let name): "column '\(name)' cannot be both a key and a target"
        case .invalidArgument(let text): text
        }
    }
}

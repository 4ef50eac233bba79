/// Why a metric could not score a column or a pair.
///
/// SDMetrics catches these per column or pair, scores it NaN and writes the message into the
/// details' `Error` column; the report keeps going. ``QualityReport`` does the same with a `nil`
/// score and this value, so a reader sees which columns did not count and why.
public enum MetricError: Error, Sendable, Equatable, CustomStringConvertible {
    /// CorrelationSimilarity: a column holds a single distinct value (before missing rows are
    /// dropped), so a correlation is undefined. SDMetrics' `ConstantInputError`.
    case constantInput(columns: [String], inSyntheticData: Bool)
    /// CorrelationSimilarity: fewer than two rows have both values (`pearsonr` needs two).
    case tooFewRows(Int)
    /// TVComplement: one side has no non-missing value. SDMetrics' `IncomputableMetricError`.
    case noValues
    /// Discretization for a mixed pair: the column holds an infinite value, so numpy cannot place
    /// equal-width bins (`autodetected range ... is not finite`).
    case nonFiniteRange(column: String)
    /// The synthetic table lacks a column of the real one (SDMetrics rejects the metadata).
    case missingColumn(String)
    /// A synthetic column's kind differs from the real column's.
    case kindMismatch(column: String)
    /// Two columns of one table have different row counts.
    case lengthMismatch(column: String)

    public var description: String {
        switch self {
        case let .constantInput(columns, inSynthetic):
            let which = inSynthetic ? "synthetic data" : "real data"
            let names = columns.joined(separator: ", ")
            return columns.count > 1
                ? "ConstantInputError: The \(which) in columns '\(names)' contains a constant value. Correlation is undefined for constant data."
                : "ConstantInputError: The \(which) in column '\(names)' contains a constant value. Correlation is undefined for constant data."
        case .tooFewRows(let n):
            return "ValueError: `x` and `y` must have length at least 2 (\(n) complete rows)."
        case .noValues:
            return "IncomputableMetricError: The TVComplement metric must have 1 or more non-null values."
        case .nonFiniteRange(let column):
            return "ValueError: autodetected range of column '\(column)' is not finite"
        case .missingColumn(let name):
            return "the synthetic data has no column '\(name)'"
        case .kindMismatch(let name):
            return "column '\(name)' has different kinds in the real and synthetic data"
        case .lengthMismatch(let name):
            return "column '\(name)' has a different row count from the other columns of its table"
        }
    }
}

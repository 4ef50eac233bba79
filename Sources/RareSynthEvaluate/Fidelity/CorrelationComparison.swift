/// One association matrix of the real table, the same of the synthetic table, and their difference.
///
/// Matrices are square over ``columns`` and symmetric; entry `[i][j]` is `nil` where the
/// coefficient is undefined (a constant column, fewer than two complete rows, fewer than two
/// categories), as pandas and scipy give NaN there. The diagonal is 1 for a column whose own
/// coefficient is defined, else `nil`.
public struct CorrelationComparison: Sendable, Equatable {
    /// Which coefficient the matrices hold.
    public enum Coefficient: String, Sendable, Hashable, Codable {
        case pearson, spearman, cramersV
    }

    public var coefficient: Coefficient
    public var columns: [String]
    public var real: [[Double?]]
    public var synthetic: [[Double?]]
    /// synthetic − real, `nil` where either is.
    public var difference: [[Double?]]
    /// Mean of |synthetic − real| over the pairs i < j where both are defined; `nil` when no pair is.
    public var meanAbsoluteDifference: Double?
    /// The number of pairs i < j that the mean is taken over.
    public var comparedPairs: Int
}

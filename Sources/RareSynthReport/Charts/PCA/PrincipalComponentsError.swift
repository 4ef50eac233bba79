import RareSynthNumerics

/// Why principal components could not be fitted or applied.
public enum PrincipalComponentsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer than two rows: no variance can be estimated.
    case tooFewRows(Int)
    /// A matrix without columns.
    case noFeatures
    /// A NaN or infinite cell (impute or drop missing values before projecting).
    case nonFinite(row: Int, column: Int)
    /// A matrix to project whose column count differs from the fitted data's.
    case featureCountMismatch(expected: Int, actual: Int)
    /// Every column is constant: there is no direction to project on.
    case noVariance
    /// The eigendecomposition failed.
    case eigendecomposition(LinearAlgebraError)

    public var description: String {
        switch self {
        case .tooFewRows(let n): "principal components need at least 2 rows, got \(n)"
        case .noFeatures: "principal components need at least one column"
        case .nonFinite(let r, let c): "row \(r + 1), column \(c + 1) is missing or not finite"
        case .featureCountMismatch(let e, let a): "expected \(e) columns, got \(a)"
        case .noVariance: "every column is constant"
        case .eigendecomposition(let e): "eigendecomposition failed: \(e)"
        }
    }
}

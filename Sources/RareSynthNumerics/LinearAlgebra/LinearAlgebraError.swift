/// Why a factorisation or repair could not be carried out, with enough context to report it.
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Cholesky met a non-positive pivot: the matrix is not (numerically) positive definite.
    case notPositiveDefinite(pivotIndex: Int, pivot: Double)
    /// The operation needs a square matrix.
    case notSquare(rows: Int, columns: Int)
    /// An entry is NaN or infinite.
    case nonFinite
    /// Sizes or indices do not fit together.
    case invalidArgument(String)
    /// An iterative method did not converge in its iteration budget.
    case noConvergence(iterations: Int)

    public var description: String {
        switch self {
        case .notPositiveDefinite(let index, let pivot):
            "matrix is not positive definite (Cholesky pivot \(index) is \(pivot))"
        case .notSquare(let rows, let columns):
            "a square matrix is needed, got \(rows)×\(columns)"
        case .nonFinite:
            "matrix has a NaN or infinite entry"
        case .invalidArgument(let message):
            message
        case .noConvergence(let iterations):
            "no convergence after \(iterations) iterations"
        }
    }
}

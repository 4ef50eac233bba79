import Foundation

/// The Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix, with the solves
/// and the inverse it makes cheap.
///
/// Only the lower triangle of A is read. Construction throws `notPositiveDefinite` at the first
/// pivot that is not positive (a correlation matrix that needs repairing, see
/// `NearestCorrelation`), rather than returning NaNs.
public struct Cholesky: Sendable, Equatable {
    /// The lower-triangular factor L (zeros above the diagonal).
    public let lower: Matrix

    public init(_ a: Matrix) throws {
        guard a.isSquare else { throw LinearAlgebraError.notSquare(rows: a.rows, columns: a.columns) }
        guard a.elements.allSatisfy(\.isFinite) else { throw LinearAlgebraError.nonFinite }
        let n = a.rows
        var l = [Double](repeating: 0, count: n * n)
        // Row-oriented (Cholesky–Banachiewicz): each entry is one contiguous dot product.
        for i in 0..<n {
            for j in 0...i {
                var sum = a.elements[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0 else { throw LinearAlgebraError.notPositiveDefinite(pivotIndex: i, pivot: sum) }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        lower = Matrix(rows: n, columns: n, elements: l)
    }

    /// The order n of A.
    public var size: Int { lower.rows }

    /// Solves A·x = b.
    public func solve(_ b: [Double]) -> [Double] {
        lower.solveLowerTransposed(lower.solveLower(b))
    }

    /// Solves A·X = B column by column.
    public func solve(_ b: Matrix) -> Matrix {
        precondition(b.rows == size, "right-hand side has \(b.rows) rows, expected \(size)")
        var result = Matrix(rows: b.rows, columns: b.columns)
        for j in 0..<b.columns {
            let x = solve(b.column(j))
            for i in 0..<b.rows { result[i, j] = x[i] }
        }
        return result
    }

    /// A⁻¹ = L⁻ᵀ·L⁻¹, exactly symmetric.
    public func inverse() -> Matrix {
        solve(Matrix.identity(size)).symmetrized()
    }

    /// log det A = 2 Σ log lᵢᵢ.
    public var logDeterminant: Double {
        var sum = 0.0
        for i in 0..<size { sum += log(lower[i, i]) }
        return 2 * sum
    }
}

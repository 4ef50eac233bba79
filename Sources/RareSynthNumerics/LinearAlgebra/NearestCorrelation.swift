import Foundation

/// Repairs a symmetric matrix that should be a correlation matrix but is not positive definite
/// (pairwise estimates, rounding, user edits), returning a valid one close to it.
///
/// Two methods:
/// - `.higham`: Higham (2002), "Computing the nearest correlation matrix — a problem from
///   finance": alternating projections with Dykstra's correction between the matrices with
///   eigenvalues ≥ ε and those with unit diagonal. Converges to the nearest such matrix in the
///   Frobenius norm; one eigendecomposition per iteration. The default.
/// - `.eigenvalueClipping`: one step, eigenvalues below ε raised to ε, then D^(−½)·X·D^(−½) to
///   restore the unit diagonal. Not the nearest matrix, but valid, and a single O(n³) pass.
///
/// Both end with the clipping step, which makes the result positive definite with smallest
/// eigenvalue of order ε and a diagonal of exactly 1 even where Higham's iteration stopped
/// slightly short; the result is then verified by a Cholesky factorisation. A matrix that is
/// already a valid correlation matrix (its Cholesky with ε subtracted from the diagonal
/// succeeds) is returned unchanged (symmetrised, diagonal entries within 1e−12 of 1 set to 1),
/// with `wasRepaired` false.
public struct NearestCorrelation: Sendable {
    public enum Method: Sendable, Equatable {
        case higham(maxIterations: Int = 200, tolerance: Double = 1e-10)
        case eigenvalueClipping
    }

    /// The repaired correlation matrix: symmetric, unit diagonal, positive definite.
    public let matrix: Matrix
    /// Whether the input needed repairing.
    public let wasRepaired: Bool
    /// Higham iterations used (0 for clipping or when no repair was needed).
    public let iterations: Int
    /// ‖result − input‖_F, for reporting how much the repair changed.
    public let frobeniusDistance: Double

    /// - Parameters:
    ///   - a: a square matrix, symmetrised as (A + Aᵀ)/2 before use.
    ///   - minimumEigenvalue: the floor ε for the eigenvalues (relative to the unit diagonal).
    public init(repairing a: Matrix, method: Method = .higham(), minimumEigenvalue: Double = 1e-8) throws {
        guard a.isSquare else { throw LinearAlgebraError.notSquare(rows: a.rows, columns: a.columns) }
        guard a.elements.allSatisfy(\.isFinite) else { throw LinearAlgebraError.nonFinite }
        guard minimumEigenvalue > 0, minimumEigenvalue < 1 else {
            throw LinearAlgebraError.invalidArgument("minimumEigenvalue must lie in (0, 1), got \(minimumEigenvalue)")
        }
        var input = a.symmetrized()
        // A diagonal within rounding of 1 (a covariance divided by its standard deviations) is
        // taken as exactly 1 rather than reported as a repair.
        for i in 0..<input.rows where abs(input[i, i] - 1) <= 1e-12 { input[i, i] = 1 }
        if Self.isValidCorrelation(input, minimumEigenvalue: minimumEigenvalue) {
            matrix = input
            wasRepaired = false
            iterations = 0
            frobeniusDistance = 0
            return
        }
        var candidate = input
        var used = 0
        if case .higham(let maxIterations, let tolerance) = method {
            (candidate, used) = try Self.higham(input, floor: minimumEigenvalue,
                                                maxIterations: maxIterations, tolerance: tolerance)
        }
        // Final clip-and-rescale; if rounding still defeats Cholesky, raise the floor.
        var floor = minimumEigenvalue
        var result = try Self.clipAndRescale(candidate, floor: floor)
        while !Self.isValidCorrelation(result, minimumEigenvalue: 0) {
            floor *= 10
            guard floor < 0.5 else { throw LinearAlgebraError.noConvergence(iterations: used) }
            result = try Self.clipAndRescale(candidate, floor: floor)
        }
        matrix = result
        wasRepaired = true
        iterations = used
        frobeniusDistance = (result - input).frobeniusNorm
    }

    /// Unit diagonal and A − εI positive definite (so λ_min(A) > ε).
    static func isValidCorrelation(_ a: Matrix, minimumEigenvalue: Double) -> Bool {
        guard a.diagonalElements.allSatisfy({ $0 == 1 }) else { return false }
        var shifted = a
        for i in 0..<a.rows { shifted[i, i] -= minimumEigenvalue }
        return (try? Cholesky(shifted)) != nil
    }

    /// Higham's alternating projections with Dykstra's correction (unit weights).
    static func higham(_ a: Matrix, floor: Double, maxIterations: Int, tolerance: Double) throws -> (Matrix, Int) {
        var y = a
        var correction = Matrix(rows: a.rows, columns: a.columns)
        for iteration in 1...max(1, maxIterations) {
            let r = y - correction
            let x = try SymmetricEigendecomposition(r).reconstruct { max($0, floor) }
            correction = x - r
            let previous = y
            y = x
            for i in 0..<y.rows { y[i, i] = 1 }
            let change = (y - previous).frobeniusNorm / max(y.frobeniusNorm, 1e-300)
            if change <= tolerance { return (y, iteration) }
        }
        return (y, maxIterations)
    }

    /// Eigenvalues raised to `floor`, then rescaled to a unit diagonal.
    static func clipAndRescale(_ a: Matrix, floor: Double) throws -> Matrix {
        let clipped = try SymmetricEigendecomposition(a).reconstruct { max($0, floor) }
        let scale = clipped.diagonalElements.map { 1 / $0.squareRoot() }
        var result = clipped
        for i in 0..<a.rows {
            for j in 0..<a.columns { result[i, j] = clipped[i, j] * scale[i] * scale[j] }
            result[i, i] = 1
        }
        return result.symmetrized()
    }
}

/// Forward and back substitution with triangular matrices (typically a Cholesky factor). Only
/// the relevant triangle is read, so a full matrix can be passed as its own factor.
extension Matrix {
    /// Solves L·x = b by forward substitution, L = the lower triangle of self.
    public func solveLower(_ b: [Double]) -> [Double] {
        precondition(isSquare && b.count == rows, "solveLower needs a square matrix and a matching vector")
        var x = b
        for i in 0..<rows {
            var sum = x[i]
            let base = i * columns
            for k in 0..<i { sum -= elements[base + k] * x[k] }
            x[i] = sum / elements[base + i]
        }
        return x
    }

    /// Solves U·x = b by back substitution, U = the upper triangle of self.
    public func solveUpper(_ b: [Double]) -> [Double] {
        precondition(isSquare && b.count == rows, "solveUpper needs a square matrix and a matching vector")
        var x = b
        for i in stride(from: rows - 1, through: 0, by: -1) {
            var sum = x[i]
            let base = i * columns
            for k in (i + 1)..<max(i + 1, rows) { sum -= elements[base + k] * x[k] }
            x[i] = sum / elements[base + i]
        }
        return x
    }

    /// Solves Lᵀ·x = b with L = the lower triangle of self, without forming Lᵀ (the second half
    /// of a Cholesky solve).
    public func solveLowerTransposed(_ b: [Double]) -> [Double] {
        precondition(isSquare && b.count == rows, "solveLowerTransposed needs a square matrix and a matching vector")
        var x = b
        for i in stride(from: rows - 1, through: 0, by: -1) {
            x[i] /= elements[i * columns + i]
            let xi = x[i]
            // Column i of Lᵀ is row i of L: remove xᵢ's contribution from the unknowns above it.
            for k in 0..<i { x[k] -= elements[i * columns + k] * xi }
        }
        return x
    }
}

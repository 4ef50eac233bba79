import RareSynthNumerics

/// Ordinary least squares with an intercept: scikit-learn's `LinearRegression()` (1.9.1).
///
/// scikit-learn centres X and y and calls `scipy.linalg.lstsq(X_c, y_c, cond=tol)` with
/// `tol = 1e-6`: singular values below 1e-6·σ_max count as zero and the minimum-norm solution is
/// returned. That case is the normal one here, not an exception: the one-hot columns of every
/// categorical feature sum to one, so after centring they are linearly dependent, and which of
/// the infinitely many least-squares solutions is taken decides the prediction for a row with an
/// unseen category (all zeros in that block). So rather than Cholesky with a ridge fallback
/// (a tiny ridge λ only approaches the minimum-norm solution, with an error ∝ λ/σ²_min), the
/// centred normal matrix G = X_cᵀX_c is eigendecomposed, eigenvalues λⱼ ≤ (1e-6)²·λ_max are
/// dropped (σⱼ = √λⱼ, the same cutoff as lstsq) and β = Σⱼ vⱼ·(vⱼᵀX_cᵀy_c)/λⱼ, the
/// pseudo-inverse solution. Forming G squares the condition number, so directions with
/// σⱼ/σ_max within a few orders of 1e-6 are resolved less accurately than by lstsq's SVD;
/// standardised clinical features are far from that. Agreement on the fixture tables
/// (`Tests/RareSynthLearnTests`): coefficients within 2e-14·max|y|, test-set R² within 2e-15.
public struct LinearRegression: Sendable {
    public let coefficients: [Double]
    public let intercept: Double
    /// The number of eigenvalues kept: scikit-learn's `rank_`.
    public let rank: Int

    /// - Parameter singularValueCutoff: scikit-learn's `tol` (lstsq's `cond`), relative to σ_max.
    /// - Throws: `LearnError` for mismatched shapes or non-finite values.
    public init(fitting x: Matrix, targets y: [Double], singularValueCutoff: Double = 1e-6) throws {
        try MatrixChecks.training(x, rows: y.count)
        try MatrixChecks.finite(y, "the training target")
        let design = CenteredDesign(x: x, y: y)
        let p = x.columns
        var beta = [Double](repeating: 0, count: p)
        var rank = 0
        if p > 0 {
            let eigen = try SymmetricEigendecomposition(Matrix(rows: p, columns: p, elements: design.gram))
            let largest = eigen.eigenvalues.last!
            let cutoff = singularValueCutoff * singularValueCutoff * largest
            for j in 0..<p where eigen.eigenvalues[j] > cutoff && eigen.eigenvalues[j] > 0 {
                rank += 1
                var projection = 0.0
                for a in 0..<p { projection += eigen.eigenvectors[a, j] * design.moment[a] }
                let weight = projection / eigen.eigenvalues[j]
                for a in 0..<p { beta[a] += weight * eigen.eigenvectors[a, j] }
            }
        }
        coefficients = beta
        intercept = design.intercept(for: beta)
        self.rank = rank
    }

    public func predict(_ x: Matrix) throws -> [Double] {
        try MatrixChecks.features(x, expected: coefficients.count)
        return linearPredictions(x, coefficients: coefficients, intercept: intercept)
    }
}

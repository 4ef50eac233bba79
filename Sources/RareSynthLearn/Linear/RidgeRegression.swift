import RareSynthNumerics

/// Least squares with an L2 penalty α‖β‖² on the weights (not the intercept): scikit-learn's
/// `Ridge(alpha=1.0)` (1.9.1, dense input, solver 'auto' → 'cholesky'), which centres X and y
/// and solves (X_cᵀX_c + αI)·β = X_cᵀy_c. The matrix is positive definite for α > 0, so one
/// Cholesky solve suffices. Agreement: coefficients within 2e-14·max|y| of scikit-learn, R²
/// within 2e-15 (`Tests/RareSynthLearnTests`).
public struct RidgeRegression: Sendable {
    public let alpha: Double
    public let coefficients: [Double]
    public let intercept: Double

    /// - Throws: `LearnError` for mismatched shapes or non-finite values.
    public init(fitting x: Matrix, targets y: [Double], alpha: Double = 1) throws {
        precondition(alpha > 0, "alpha must be positive (use LinearRegression for α = 0)")
        try MatrixChecks.training(x, rows: y.count)
        try MatrixChecks.finite(y, "the training target")
        let design = CenteredDesign(x: x, y: y)
        let p = x.columns
        var a = Matrix(rows: p, columns: p, elements: design.gram)
        for j in 0..<p { a[j, j] += alpha }
        coefficients = p == 0 ? [] : try Cholesky(a).solve(design.moment)
        intercept = design.intercept(for: coefficients)
        self.alpha = alpha
    }

    public func predict(_ x: Matrix) throws -> [Double] {
        try MatrixChecks.features(x, expected: coefficients.count)
        return linearPredictions(x, coefficients: coefficients, intercept: intercept)
    }
}

import Foundation
import RareSynthNumerics

/// L2-penalised logistic regression: binary (sigmoid) for two classes, multinomial (softmax) for
/// more, as scikit-learn's `LogisticRegression()` with its defaults (lbfgs, C = 1, intercept
/// fitted and not penalised).
///
/// It minimises the same objective as scikit-learn 1.9.1 (`sklearn/linear_model/_logistic.py`,
/// `_linear_loss.py`), up to the factor 1/n that does not move the minimiser:
///
///     f(W, b) = Σᵢ ℓ(yᵢ, W·xᵢ + b) + ‖W‖²_F / (2C),
///
/// with ℓ the binomial deviance for two classes (one coefficient row, for `classes[1]`) and the
/// multinomial cross-entropy with one row per class (the symmetric parameterisation) otherwise.
/// The solver is Newton's method with a Cholesky solve and Armijo backtracking, run until the
/// mean gradient max|∇f|/n ≤ `gradientTolerance` (default 1e-10; lbfgs's `tol` bounds the same
/// quantity, at 1e-4 by default, so scikit-learn stops earlier). For the softmax, the Hessian is
/// singular along "add a constant to every intercept", which changes no probability; that
/// direction is removed by adding u·uᵀ (u the normalised all-ones intercept direction), which
/// leaves the step on the orthogonal complement unchanged, and the intercepts are centred to
/// sum to zero as lbfgs started from zero leaves them.
///
/// Agreement (`Tests/RareSynthLearnTests`, 7 targets × 2 encodings): coefficients within 3e-10
/// of scikit-learn's `newton-cholesky` optimum and 1.4e-5 of lbfgs at `tol=1e-12` (which its
/// `ftol` stops short), test-set accuracy/F1/AUC within 0.0011 of score.py's
/// `LogisticRegression(max_iter=2000)`.
public struct LogisticRegression: Sendable {
    public struct Options: Sendable, Equatable {
        /// Inverse regularisation strength (scikit-learn's `C`).
        public var c: Double
        /// Stop when max|∇f| / n falls to this.
        public var gradientTolerance: Double
        public var maxIterations: Int

        public init(c: Double = 1, gradientTolerance: Double = 1e-10, maxIterations: Int = 100) {
            self.c = c
            self.gradientTolerance = gradientTolerance
            self.maxIterations = maxIterations
        }
    }

    /// The training classes in scikit-learn order; probabilities come in this order.
    public let classes: [String]
    /// One row per class (multinomial) or a single row for `classes[1]` (binary); one column
    /// per feature.
    public let coefficients: Matrix
    /// One per coefficient row.
    public let intercepts: [Double]
    /// Newton iterations taken.
    public let iterations: Int
    /// Whether the gradient tolerance was reached within `maxIterations`.
    public let converged: Bool

    /// Fits on a feature matrix (rows = samples) and one label per row.
    /// - Throws: `LearnError` for mismatched shapes, non-finite features, or a single class.
    public init(fitting x: Matrix, labels: [String], options: Options = Options()) throws {
        try MatrixChecks.training(x, rows: labels.count)
        precondition(options.c > 0, "C must be positive")
        let encoding = try ClassEncoding(labels: labels)
        classes = encoding.classes
        var problem = NewtonProblem(x: x, codes: encoding.codes, classCount: classes.count, c: options.c)
        let result = problem.solve(tolerance: options.gradientTolerance, maxIterations: options.maxIterations)
        let m = problem.blocks, p = x.columns, d = p + 1
        var coefficients = Matrix(rows: m, columns: p)
        var intercepts = [Double](repeating: 0, count: m)
        for k in 0..<m {
            for a in 0..<p { coefficients[k, a] = result.theta[k * d + a] }
            intercepts[k] = result.theta[k * d + p]
        }
        if m > 1 {
            let mean = intercepts.reduce(0, +) / Double(m)
            intercepts = intercepts.map { $0 - mean }
        }
        self.coefficients = coefficients
        self.intercepts = intercepts
        iterations = result.iterations
        converged = result.converged
    }

    /// The linear scores W·x + b, one column per coefficient row.
    public func decisionFunction(_ x: Matrix) throws -> Matrix {
        try MatrixChecks.features(x, expected: coefficients.columns)
        let m = coefficients.rows, p = coefficients.columns
        var z = Matrix(rows: x.rows, columns: m)
        for i in 0..<x.rows {
            for k in 0..<m {
                var s = intercepts[k]
                for a in 0..<p { s += x.elements[i * p + a] * coefficients.elements[k * p + a] }
                z.elements[i * m + k] = s
            }
        }
        return z
    }

    /// Class probabilities, one column per entry of `classes` (scikit-learn's `predict_proba`:
    /// [1 − σ(z), σ(z)] for two classes, the softmax otherwise).
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
        let z = try decisionFunction(x)
        let k = classes.count
        var proba = Matrix(rows: x.rows, columns: k)
        for i in 0..<x.rows {
            if k == 2 {
                let p1 = Self.sigmoid(z.elements[i])
                proba.elements[i * 2] = 1 - p1
                proba.elements[i * 2 + 1] = p1
            } else {
                let row = Array(z.elements[(i * k)..<((i + 1) * k)])
                let top = row.max()!
                var sum = 0.0
                for j in 0..<k { sum += exp(row[j] - top) }
                for j in 0..<k { proba.elements[i * k + j] = exp(row[j] - top) / sum }
            }
        }
        return proba
    }

    /// The most probable class of each row (the first on a tie, as `argmax`).
    public func predict(_ x: Matrix) throws -> [String] {
        ClassEncoding.argmaxLabels(try predictProbabilities(x), classes: classes)
    }

    /// 1 / (1 + e⁻ᶻ), without overflow for large |z|.
    @inline(__always)
    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}

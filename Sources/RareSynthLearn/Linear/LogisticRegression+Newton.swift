import Foundation
import RareSynthNumerics

/// The penalised log-likelihood of `LogisticRegression` and its Newton iteration.
///
/// Parameters θ are `blocks` rows of d = p + 1 entries (p weights, then the intercept), stored
/// row after row; `blocks` is 1 for two classes, else the number of classes. The design gets a
/// trailing column of ones so the intercept is one more weight, unpenalised.
struct NewtonProblem {
    let n: Int
    let p: Int
    let d: Int
    let blocks: Int
    let classCount: Int
    /// Row-major n × d: the features and a column of ones.
    let design: [Double]
    let codes: [Int]
    let inversePenalty: Double

    init(x: Matrix, codes: [Int], classCount: Int, c: Double) {
        n = x.rows
        p = x.columns
        d = p + 1
        self.classCount = classCount
        blocks = classCount == 2 ? 1 : classCount
        self.codes = codes
        inversePenalty = 1 / c
        var design = [Double](repeating: 1, count: n * d)
        for i in 0..<n {
            for a in 0..<p { design[i * d + a] = x.elements[i * p + a] }
        }
        self.design = design
    }

    struct Result {
        var theta: [Double]
        var iterations: Int
        var converged: Bool
    }

    /// Per-row quantities at θ: the loss, the residuals ∂ℓ/∂zₖ and the curvature weights
    /// ∂²ℓ/∂zₖ∂zₗ (k ≤ l, packed), row after row.
    struct RowTerms {
        var loss: [Double]
        var residuals: [Double]
        var curvature: [Double]
    }

    var packedCount: Int { blocks * (blocks + 1) / 2 }

    func rowTerms(_ theta: [Double], withDerivatives: Bool) -> RowTerms {
        let m = blocks, q = packedCount
        var terms = RowTerms(loss: [Double](repeating: 0, count: n),
                             residuals: withDerivatives ? [Double](repeating: 0, count: n * m) : [],
                             curvature: withDerivatives ? [Double](repeating: 0, count: n * q) : [])
        for i in 0..<n {
            let row = i * d
            if m == 1 {
                var z = 0.0
                for a in 0..<d { z += design[row + a] * theta[a] }
                let y = codes[i] == 1 ? 1.0 : 0.0
                // softplus(z) − y·z, stable for large |z|
                terms.loss[i] = max(z, 0) + log1p(exp(-abs(z))) - y * z
                if withDerivatives {
                    let prob = LogisticRegression.sigmoid(z)
                    terms.residuals[i] = prob - y
                    terms.curvature[i] = prob * (1 - prob)
                }
            } else {
                var z = [Double](repeating: 0, count: m)
                for k in 0..<m {
                    var s = 0.0
                    for a in 0..<d { s += design[row + a] * theta[k * d + a] }
                    z[k] = s
                }
                let top = z.max()!
                var sum = 0.0
                for k in 0..<m { sum += exp(z[k] - top) }
                let logSum = top + log(sum)
                terms.loss[i] = logSum - z[codes[i]]
                if withDerivatives {
                    let prob = z.map { exp($0 - logSum) }
                    var packed = i * q
                    for k in 0..<m {
                        terms.residuals[i * m + k] = prob[k] - (codes[i] == k ? 1 : 0)
                        for l in k..<m {
                            terms.curvature[packed] = prob[k] * ((k == l ? 1 : 0) - prob[l])
                            packed += 1
                        }
                    }
                }
            }
        }
        return terms
    }

    func penalty(_ theta: [Double]) -> Double {
        var s = 0.0
        for k in 0..<blocks {
            for a in 0..<p { s += theta[k * d + a] * theta[k * d + a] }
        }
        return 0.5 * inversePenalty * s
    }

    func objective(_ theta: [Double]) -> Double {
        rowTerms(theta, withDerivatives: false).loss.reduce(0, +) + penalty(theta)
    }

    /// The gradient and the Hessian (dimension blocks·d, row-major) at θ.
    func derivatives(_ theta: [Double]) -> (objective: Double, gradient: [Double], hessian: [Double]) {
        let m = blocks, q = packedCount, size = m * d
        let terms = rowTerms(theta, withDerivatives: true)
        var gradient = [Double](repeating: 0, count: size)
        for i in 0..<n {
            for k in 0..<m {
                let r = terms.residuals[i * m + k]
                for a in 0..<d { gradient[k * d + a] += r * design[i * d + a] }
            }
        }
        for k in 0..<m {
            for a in 0..<p { gradient[k * d + a] += inversePenalty * theta[k * d + a] }
        }
        var hessian = [Double](repeating: 0, count: size * size)
        var packed = 0
        for k in 0..<m {
            for l in k..<m {
                let weights = (0..<n).map { terms.curvature[$0 * q + packed] }
                let block = WeightedGram.compute(design, rows: n, columns: d, weights: weights)
                for a in 0..<d {
                    for b in 0..<d {
                        hessian[(k * d + a) * size + l * d + b] = block[a * d + b]
                        hessian[(l * d + b) * size + k * d + a] = block[a * d + b]
                    }
                }
                packed += 1
            }
        }
        for k in 0..<m {
            for a in 0..<p { hessian[(k * d + a) * size + k * d + a] += inversePenalty }
        }
        if m > 1 {
            // + u·uᵀ with u = (1/√m) on every intercept: removes the softmax's null direction.
            for k in 0..<m {
                for l in 0..<m { hessian[(k * d + p) * size + l * d + p] += 1 / Double(m) }
            }
        }
        return (terms.loss.reduce(0, +) + penalty(theta), gradient, hessian)
    }

    /// Newton's method from θ = 0 with Armijo backtracking.
    mutating func solve(tolerance: Double, maxIterations: Int) -> Result {
        let size = blocks * d
        var theta = [Double](repeating: 0, count: size)
        let gradientLimit = tolerance * Double(n)
        for iteration in 0..<maxIterations {
            let (f, gradient, hessian) = derivatives(theta)
            if gradient.map(abs).max()! <= gradientLimit {
                return Result(theta: theta, iterations: iteration, converged: true)
            }
            let step = Self.newtonStep(hessian: hessian, gradient: gradient, size: size)
            let slope = zip(gradient, step).reduce(0) { $0 + $1.0 * $1.1 }
            var t = 1.0
            var candidate = zip(theta, step).map { $0 + $1 }
            while objective(candidate) > f + 1e-4 * t * slope, t > 1e-12 {
                t /= 2
                candidate = zip(theta, step).map { $0 + t * $1 }
            }
            theta = candidate
            let largest = theta.map(abs).max()!
            if step.map({ abs($0) * t }).max()! <= 1e-15 * (1 + largest) {
                let g = derivatives(theta).gradient.map(abs).max()!
                return Result(theta: theta, iterations: iteration + 1, converged: g <= gradientLimit)
            }
        }
        let g = derivatives(theta).gradient.map(abs).max()!
        return Result(theta: theta, iterations: maxIterations, converged: g <= gradientLimit)
    }

    /// −H⁻¹·g by Cholesky; if rounding leaves H not positive definite (probabilities saturated at
    /// 0 or 1), a growing multiple of the identity is added until it is.
    static func newtonStep(hessian: [Double], gradient: [Double], size: Int) -> [Double] {
        let negative = gradient.map { -$0 }
        let scale = (0..<size).map { hessian[$0 * size + $0] }.max()!
        var jitter = 0.0
        while true {
            var h = Matrix(rows: size, columns: size, elements: hessian)
            for a in 0..<size { h[a, a] += jitter }
            if let factor = try? Cholesky(h) { return factor.solve(negative) }
            jitter = jitter == 0 ? 1e-12 * scale : jitter * 10
        }
    }
}

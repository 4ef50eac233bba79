import RareSynthNumerics

/// The centred normal equations of a least-squares fit with intercept: scikit-learn's
/// `_preprocess_data` subtracts the column means of X and the mean of y, solves for the weights
/// without intercept, and sets b = ȳ − x̄·β.
struct CenteredDesign {
    let columnMeans: [Double]
    let targetMean: Double
    /// (X − x̄)ᵀ(X − x̄), p × p row-major.
    let gram: [Double]
    /// (X − x̄)ᵀ(y − ȳ).
    let moment: [Double]

    init(x: Matrix, y: [Double]) {
        let n = x.rows, p = x.columns
        var means = [Double](repeating: 0, count: p)
        for a in 0..<p { means[a] = Statistics.mean(x.column(a)) }
        let yMean = Statistics.mean(y)
        var centered = x.elements
        for i in 0..<n {
            for a in 0..<p { centered[i * p + a] -= means[a] }
        }
        var moment = [Double](repeating: 0, count: p)
        for i in 0..<n {
            let r = y[i] - yMean
            for a in 0..<p { moment[a] += centered[i * p + a] * r }
        }
        columnMeans = means
        targetMean = yMean
        gram = WeightedGram.compute(centered, rows: n, columns: p)
        self.moment = moment
    }

    func intercept(for beta: [Double]) -> Double {
        targetMean - zip(columnMeans, beta).reduce(0) { $0 + $1.0 * $1.1 }
    }
}

/// x·β + b for each row.
func linearPredictions(_ x: Matrix, coefficients: [Double], intercept: Double) -> [Double] {
    let p = coefficients.count
    return (0..<x.rows).map { i in
        var s = intercept
        for a in 0..<p { s += x.elements[i * p + a] * coefficients[a] }
        return s
    }
}

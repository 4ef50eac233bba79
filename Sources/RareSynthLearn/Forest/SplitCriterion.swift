/// The impurity a tree split minimises, as scikit-learn's `Criterion` classes
/// (`sklearn/tree/_criterion.pyx`, 1.9.1), with bootstrap counts as sample weights.
///
/// A split is chosen by the "proxy" improvement, which orders candidate splits like the impurity
/// decrease but drops terms that are constant within a node: Σₖ Lₖ²/w_L + Σₖ Rₖ²/w_R for Gini
/// (Lₖ, Rₖ the weighted class counts left and right) and S_L²/w_L + S_R²/w_R for the squared
/// error (S the weighted target sums).
protocol SplitCriterion {
    /// Values per leaf: classes for Gini, 1 for the squared error.
    var valueWidth: Int { get }
    /// Sets the node to samples[range]; returns its weighted size and impurity.
    mutating func setNode(_ samples: UnsafePointer<Int32>, _ range: Range<Int>) -> (weight: Double, impurity: Double)
    /// Empties the left child (every sample of the node on the right).
    mutating func resetLeft()
    /// Moves samples[range] from the right child to the left.
    mutating func moveLeft(_ samples: UnsafePointer<Int32>, _ range: Range<Int>)
    var proxyImprovement: Double { get }
    /// The node's value: class fractions or the mean.
    func nodeValue(into values: inout [Double])
}

/// Gini impurity 1 − Σₖ pₖ² over weighted class fractions (`criterion='gini'`).
struct GiniCriterion: SplitCriterion {
    let codes: UnsafePointer<Int32>
    let weights: UnsafePointer<Double>
    let valueWidth: Int
    private var total: [Double]
    private var left: [Double]
    private var weightTotal = 0.0
    private var weightLeft = 0.0

    init(codes: UnsafePointer<Int32>, weights: UnsafePointer<Double>, classCount: Int) {
        self.codes = codes
        self.weights = weights
        valueWidth = classCount
        total = [Double](repeating: 0, count: classCount)
        left = total
    }

    mutating func setNode(_ samples: UnsafePointer<Int32>, _ range: Range<Int>) -> (weight: Double, impurity: Double) {
        for k in 0..<valueWidth { total[k] = 0 }
        weightTotal = 0
        for p in range {
            let i = Int(samples[p])
            total[Int(codes[i])] += weights[i]
            weightTotal += weights[i]
        }
        var squares = 0.0
        for k in 0..<valueWidth { squares += total[k] * total[k] }
        return (weightTotal, 1 - squares / (weightTotal * weightTotal))
    }

    mutating func resetLeft() {
        for k in 0..<valueWidth { left[k] = 0 }
        weightLeft = 0
    }

    mutating func moveLeft(_ samples: UnsafePointer<Int32>, _ range: Range<Int>) {
        for p in range {
            let i = Int(samples[p])
            left[Int(codes[i])] += weights[i]
            weightLeft += weights[i]
        }
    }

    var proxyImprovement: Double {
        var squaresLeft = 0.0, squaresRight = 0.0
        for k in 0..<valueWidth {
            let l = left[k], r = total[k] - left[k]
            squaresLeft += l * l
            squaresRight += r * r
        }
        return squaresLeft / weightLeft + squaresRight / (weightTotal - weightLeft)
    }

    func nodeValue(into values: inout [Double]) {
        for k in 0..<valueWidth { values.append(total[k] / weightTotal) }
    }
}

/// The weighted variance of the target (`criterion='squared_error'`).
struct SquaredErrorCriterion: SplitCriterion {
    let targets: UnsafePointer<Double>
    let weights: UnsafePointer<Double>
    let valueWidth = 1
    private var sumTotal = 0.0
    private var sumLeft = 0.0
    private var weightTotal = 0.0
    private var weightLeft = 0.0

    init(targets: UnsafePointer<Double>, weights: UnsafePointer<Double>) {
        self.targets = targets
        self.weights = weights
    }

    mutating func setNode(_ samples: UnsafePointer<Int32>, _ range: Range<Int>) -> (weight: Double, impurity: Double) {
        sumTotal = 0
        weightTotal = 0
        var squares = 0.0
        for p in range {
            let i = Int(samples[p])
            let w = weights[i], y = targets[i]
            sumTotal += w * y
            squares += w * y * y
            weightTotal += w
        }
        let mean = sumTotal / weightTotal
        return (weightTotal, squares / weightTotal - mean * mean)
    }

    mutating func resetLeft() {
        sumLeft = 0
        weightLeft = 0
    }

    mutating func moveLeft(_ samples: UnsafePointer<Int32>, _ range: Range<Int>) {
        for p in range {
            let i = Int(samples[p])
            sumLeft += weights[i] * targets[i]
            weightLeft += weights[i]
        }
    }

    var proxyImprovement: Double {
        let sumRight = sumTotal - sumLeft
        return sumLeft * sumLeft / weightLeft + sumRight * sumRight / (weightTotal - weightLeft)
    }

    func nodeValue(into values: inout [Double]) {
        values.append(sumTotal / weightTotal)
    }
}

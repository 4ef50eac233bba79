import RareSynthNumerics

/// Chooses where each category of a column lies along its latent normal axis.
///
/// A Gaussian copula can only express monotone links between a categorical column's latent
/// variable and the others, so the order of the categories decides which associations survive.
/// Frequency order (what most tools use) is arbitrary with respect to the other columns. Here the
/// categories are ordered by their position on the first principal direction of their mean
/// latent scores on every other column (weighted by category size): the one-dimensional layout
/// that best separates the categories, as in optimal scaling / correspondence analysis.
enum CategoryOrdering {
    /// A new order of the levels of the column at latent dimension `latent`.
    static func order(codes: [Int32], counts: [Int], latent: Int, scores: [[Double]]) -> [Int32] {
        let levels = counts.count
        let others = scores.indices.filter { $0 != latent }
        guard !others.isEmpty else { return (0..<levels).map(Int32.init) }
        let p = others.count
        // Per level and other dimension: sum and count of defined scores.
        var sums = [Double](repeating: 0, count: levels * p)
        var seen = [Double](repeating: 0, count: levels * p)
        for (q, dim) in others.enumerated() {
            let s = scores[dim]
            for i in codes.indices {
                let v = s[i]
                if v.isNaN { continue }
                let k = Int(codes[i]) * p + q
                sums[k] += v
                seen[k] += 1
            }
        }
        var means = [Double](repeating: 0, count: levels * p)
        for k in means.indices where seen[k] > 0 { means[k] = sums[k] / seen[k] }
        // Weighted centring, then the leading eigenvector of the p×p weighted scatter of the means.
        let total = Double(counts.reduce(0, +))
        for q in 0..<p {
            var mean = 0.0
            for l in 0..<levels { mean += Double(counts[l]) * means[l * p + q] }
            mean /= total
            for l in 0..<levels { means[l * p + q] -= mean }
        }
        var scatter = [Double](repeating: 0, count: p * p)
        for l in 0..<levels where counts[l] > 0 {
            let w = Double(counts[l]) / total
            for a in 0..<p {
                let ma = means[l * p + a] * w
                if ma == 0 { continue }
                for b in 0..<p { scatter[a * p + b] += ma * means[l * p + b] }
            }
        }
        // The leading eigenvector (eigenvalues ascend, eigenvectors are columns).
        guard let eigen = try? SymmetricEigendecomposition(Matrix(rows: p, columns: p, elements: scatter)),
              let top = eigen.eigenvalues.last, top > 1e-300 else { return (0..<levels).map(Int32.init) }
        let v = eigen.eigenvectors.column(p - 1)
        let projection = (0..<levels).map { l in (0..<p).reduce(0.0) { $0 + means[l * p + $1] * v[$1] } }
        // Empty levels go last; ties keep code order so the result is deterministic.
        return (0..<levels).sorted { a, b in
            if (counts[a] > 0) != (counts[b] > 0) { return counts[a] > 0 }
            return projection[a] != projection[b] ? projection[a] < projection[b] : a < b
        }.map(Int32.init)
    }

    /// The order implied by a column's current latent scores (ascending score per level).
    static func orderFromScores(_ scores: [Double], codes: [Int32], levelCount: Int) -> [Int32] {
        var levelScore = [Double](repeating: .infinity, count: levelCount)
        for (i, c) in codes.enumerated() { levelScore[Int(c)] = scores[i] }
        return (0..<levelCount).sorted { a, b in
            levelScore[a] != levelScore[b] ? levelScore[a] < levelScore[b] : a < b
        }.map(Int32.init)
    }
}

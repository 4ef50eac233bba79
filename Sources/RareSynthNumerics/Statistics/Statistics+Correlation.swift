import Foundation

extension Statistics {
    /// Ranks 1…n with ties given their average rank (scipy `rankdata(x, method="average")`).
    public static func ranks(_ data: [Double]) -> [Double] {
        let order = data.indices.sorted { data[$0] < data[$1] || (data[$0] == data[$1] && $0 < $1) }
        var ranks = [Double](repeating: 0, count: data.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && data[order[end]] == data[order[start]] { end += 1 }
            // positions start..<end hold one tied value: ranks start+1 … end, averaged
            let average = Double(start + 1 + end) / 2
            for k in start..<end { ranks[order[k]] = average }
            start = end
        }
        return ranks
    }

    /// Pearson's correlation coefficient (scipy `pearsonr(x, y).statistic`), from centred data;
    /// NaN when either input is constant or the lengths differ.
    public static func pearsonCorrelation(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count == y.count, x.count >= 2 else { return .nan }
        let mx = mean(x)
        let my = mean(y)
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx
            let dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return max(-1, min(1, sxy / (sxx.squareRoot() * syy.squareRoot())))
    }

    /// Spearman's rank correlation (scipy `spearmanr(x, y).statistic`): Pearson on average ranks.
    public static func spearmanCorrelation(_ x: [Double], _ y: [Double]) -> Double {
        pearsonCorrelation(ranks(x), ranks(y))
    }

    /// The Pearson correlation matrix of equally long columns (numpy `corrcoef` of the columns).
    ///
    /// A constant column has no correlation; it gets 0 off the diagonal (numpy gives NaN) so that
    /// the result is always a valid correlation matrix for a copula. The diagonal is exactly 1.
    /// Rows of the result are computed in parallel, each entry as one sequential dot product, so
    /// the bits do not depend on the thread count.
    public static func pearsonCorrelationMatrix(columns: [[Double]]) -> Matrix {
        let p = columns.count
        guard let n = columns.first?.count else { return Matrix(rows: 0, columns: 0) }
        precondition(columns.allSatisfy { $0.count == n }, "columns must have equal lengths")
        let standardized: [[Double]] = columns.map { column in
            let m = mean(column)
            var centred = column.map { $0 - m }
            var norm = 0.0
            for v in centred { norm += v * v }
            norm = norm.squareRoot()
            if norm > 0 {
                for k in centred.indices { centred[k] /= norm }
            } else {
                centred = [Double](repeating: 0, count: n)
            }
            return centred
        }
        // Row i holds the dot products with columns j > i; the lower triangle is mirrored below.
        let rows = Parallel.map(count: p, chunkSize: 1) { i -> [Double] in
            var row = [Double](repeating: 0, count: p)
            for j in (i + 1)..<max(i + 1, p) {
                var dot = 0.0
                let a = standardized[i]
                let b = standardized[j]
                for k in 0..<n { dot += a[k] * b[k] }
                row[j] = max(-1, min(1, dot))
            }
            row[i] = 1
            return row
        }
        var result = Matrix(rows: rows)
        for i in 0..<p {
            for j in 0..<i { result[i, j] = result[j, i] }
        }
        return result
    }

    /// The Spearman correlation matrix of columns: Pearson on each column's average ranks.
    public static func spearmanCorrelationMatrix(columns: [[Double]]) -> Matrix {
        pearsonCorrelationMatrix(columns: columns.map(ranks))
    }
}

import Foundation
import RareSynthNumerics

/// The latent correlation matrix from per-column latent scores.
///
/// Pairwise-complete Pearson correlations of the scores, each divided by `√(v_i v_j)` where `v` is
/// the variance of a column's scores: coarsening a standard normal to interval means scales its
/// correlation with any other variable by `√v` (exact for a normal partner, the usual polyserial
/// approximation otherwise). The matrix is then repaired to the nearest valid correlation matrix
/// when the pairwise estimates are not jointly consistent.
///
/// A categorical column whose order was chosen to fit the other columns (optimal scaling) would
/// show a correlation even with an independent partner: the best of its orders correlates at
/// most like the correlation ratio η, and under independence `E[η²] = (k−1)/(n−1)` for `k`
/// levels and `n` rows. Left in, that chance structure is a pattern of the training rows, not of
/// the population, and synthetic rows drift towards the training rows (small data with many
/// levels, e.g. 13 centres over 157 rows). So `r²` of every pair with such a column is replaced
/// by the bias-corrected `(r² − b)/(1 − b)` with `b = (k−1)/(n−1)` (the adjusted-R² / ε² form of
/// an effect size, Kelley 1935), floored at 0; the sign is kept. For a pair of two such columns
/// `k` is the larger level count.
enum LatentCorrelation {
    /// - Parameter chosenLevels: per latent dimension, the level count of a categorical column
    ///   whose order was chosen from the data, or 0 (empty: none).
    static func estimate(_ scores: [[Double]], chosenLevels: [Int] = []) -> (matrix: [Double], note: String?) {
        let d = scores.count
        var r = [Double](repeating: 0, count: d * d)
        let variance = scores.map { s -> Double in
            var sum = 0.0, sq = 0.0, count = 0.0
            for v in s where !v.isNaN {
                sum += v
                sq += v * v
                count += 1
            }
            guard count > 1 else { return 0 }
            let mean = sum / count
            return max(0, sq / count - mean * mean)
        }
        let complete = scores.map { s in !s.contains { $0.isNaN } }
        for i in 0..<d {
            r[i * d + i] = 1
            guard variance[i] > 1e-12 else { continue }
            for j in (i + 1)..<d where variance[j] > 1e-12 {
                let (c, pairs) = pearson(scores[i], scores[j], bothComplete: complete[i] && complete[j])
                var rho = c / (variance[i] * variance[j]).squareRoot()
                rho = min(0.995, max(-0.995, rho.isNaN ? 0 : rho))
                let levels = chosenLevels.isEmpty ? 0 : max(chosenLevels[i], chosenLevels[j])
                if levels > 2 { rho = removingOrderingOptimism(rho, levels: levels, pairs: pairs) }
                r[i * d + j] = rho
                r[j * d + i] = rho
            }
        }
        let matrix = Matrix(rows: d, columns: d, elements: r)
        // Never fails on a finite symmetric matrix with unit diagonal, which `r` is by construction.
        let repair = try! NearestCorrelation(repairing: matrix)
        guard repair.wasRepaired else { return (r, nil) }
        return (repair.matrix.elements, "pairwise latent correlations were repaired to the nearest positive definite correlation matrix (Higham 2002; Frobenius change \(String(format: "%.4f", repair.frobeniusDistance)))")
    }

    /// `ρ` with `r² → max(0, (r² − b)/(1 − b))`, `b = (k−1)/(n−1)`: see the type's comment.
    static func removingOrderingOptimism(_ rho: Double, levels: Int, pairs: Double) -> Double {
        guard pairs > Double(levels) else { return 0 }
        let b = Double(levels - 1) / (pairs - 1)
        let r2 = max(0, (rho * rho - b) / (1 - b))
        return rho < 0 ? -r2.squareRoot() : r2.squareRoot()
    }

    /// Pearson correlation over the rows where both scores are defined, and that row count.
    static func pearson(_ x: [Double], _ y: [Double], bothComplete: Bool) -> (Double, Double) {
        var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0, n = 0.0
        if bothComplete {
            for i in x.indices {
                let a = x[i], b = y[i]
                sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b
            }
            n = Double(x.count)
        } else {
            for i in x.indices {
                let a = x[i], b = y[i]
                if a.isNaN || b.isNaN { continue }
                sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b
                n += 1
            }
        }
        guard n > 2 else { return (0, n) }
        let cov = sxy / n - (sx / n) * (sy / n)
        let vx = sxx / n - (sx / n) * (sx / n), vy = syy / n - (sy / n) * (sy / n)
        guard vx > 1e-15, vy > 1e-15 else { return (0, n) }
        return (cov / (vx * vy).squareRoot(), n)
    }
}

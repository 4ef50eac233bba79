import Foundation
import RareSynthNumerics

/// Latent normal scores: each observed value replaced by the mean of the standard normal over
/// the probability interval its rank occupies, `E[Z | Φ⁻¹(lo) < Z < Φ⁻¹(hi)]`.
///
/// For distinct continuous values this is the van der Waerden normal score; for ties and
/// categories it is the exact conditional mean, so one formula serves every column type.
enum LatentScores {
    /// `E[Z | Φ⁻¹(lo) < Z < Φ⁻¹(hi)] = (φ(a) − φ(b)) / (hi − lo)`.
    static func intervalMean(_ lo: Double, _ hi: Double) -> Double {
        guard hi > lo else { return SpecialFunctions.normalQuantile(min(max(lo, 1e-300), 1 - 1e-16)) }
        let da = lo <= 0 ? 0 : density(SpecialFunctions.normalQuantile(lo))
        let db = hi >= 1 ? 0 : density(SpecialFunctions.normalQuantile(hi))
        return (da - db) / (hi - lo)
    }

    @inline(__always) static func density(_ x: Double) -> Double {
        x.isFinite ? exp(SpecialFunctions.normalLogDensity(x)) : 0
    }

    /// Scores of a continuous column; `NaN` stays `NaN`. Tied values share one score.
    static func continuous(_ values: [Double]) -> [Double] {
        var out = [Double](repeating: .nan, count: values.count)
        let present = values.indices.filter { !values[$0].isNaN }.sorted { values[$0] < values[$1] }
        let m = Double(present.count)
        var start = 0
        while start < present.count {
            var end = start + 1
            while end < present.count && values[present[end]] == values[present[start]] { end += 1 }
            let score = intervalMean(Double(start) / m, Double(end) / m)
            for k in start..<end { out[present[k]] = score }
            start = end
        }
        return out
    }

    /// Cumulative probabilities of the positions of `order`.
    static func cumulative(order: [Int32], counts: [Int]) -> [Double] {
        let total = Double(counts.reduce(0, +))
        var running = 0
        var out = order.map { code -> Double in
            running += counts[Int(code)]
            return Double(running) / total
        }
        if !out.isEmpty { out[out.count - 1] = 1 }
        return out
    }

    /// Scores of a discrete column whose levels lie along the latent axis in `order`.
    static func discrete(_ codes: [Int32], order: [Int32], counts: [Int]) -> [Double] {
        let cumulative = cumulative(order: order, counts: counts)
        var levelScore = [Double](repeating: 0, count: counts.count)
        for (k, code) in order.enumerated() {
            levelScore[Int(code)] = intervalMean(k == 0 ? 0 : cumulative[k - 1], cumulative[k])
        }
        return codes.map { levelScore[Int($0)] }
    }
}

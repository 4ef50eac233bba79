import RareSynthNumerics
import RareSynthTransform

extension GaussianCopula {
    /// Samples rows for each request in turn.
    ///
    /// Row `r` of the output (counting across requests) is drawn from its own random stream
    /// `(seed, r)`, so the result is the same for any thread count, and a request's rows do not
    /// depend on how many rows other requests asked for before it... only on their position.
    public func sample(_ requests: [SampleRequest], seed: UInt64) throws -> EncodedTable {
        let plans = try requests.map { try plan(for: $0.conditions) }
        let total = requests.reduce(0) { $0 + $1.count }
        var running = 0
        let starts: [Int] = requests.map { r in
            defer { running += r.count }
            return running
        }
        // Thresholds on the latent axis, computed once.
        let thresholds: [[Double]] = margins.map { margin in
            guard case let .discrete(d) = margin else { return [] }
            return d.cumulative.map { $0 >= 1 ? Double.infinity : ($0 <= 0 ? -Double.infinity : SpecialFunctions.normalQuantile($0)) }
        }
        let missingThresholds: [Double] = margins.map { margin in
            guard case let .continuous(c) = margin, c.missingLatent != nil else { return .infinity }
            return c.missingRate >= 1 ? -Double.infinity : SpecialFunctions.normalQuantile(1 - c.missingRate)
        }
        let clamps: [[(Double, Double)?]] = requests.map { request in
            var out = [(Double, Double)?](repeating: nil, count: margins.count)
            for c in request.conditions { if case let .range(lo, hi) = c.condition { out[c.column] = (lo, hi) } }
            return out
        }
        let d = dimension
        let columns = margins
        // Each chunk returns its own columns; chunks are fixed-size and joined in order, so the
        // result does not depend on the thread count.
        let chunks = Parallel.mapChunks(count: total, chunkSize: 2048) { range in
            var continuous = columns.map { m -> [Double] in
                if case .continuous = m { return [Double](repeating: .nan, count: range.count) } else { return [] }
            }
            var discrete = columns.map { m -> [Int32] in
                if case .discrete = m { return [Int32](repeating: 0, count: range.count) } else { return [] }
            }
            var z = [Double](repeating: 0, count: d)
            var e = [Double](repeating: 0, count: d)
            var request = starts.lastIndex { $0 <= range.lowerBound } ?? 0
            for row in range {
                while request + 1 < starts.count && starts[request + 1] <= row { request += 1 }
                var rng = SeededRandom(seed: seed, stream: UInt64(row))
                plans[request].draw(&rng, into: &z, scratch: &e)
                let k = row - range.lowerBound
                for (j, margin) in columns.enumerated() {
                    switch margin {
                    case let .continuous(c):
                        guard let marginal = c.marginal, !(c.missingLatent.map { z[$0] > missingThresholds[j] } ?? false) else {
                            continue
                        }
                        let u = min(max(SpecialFunctions.normalCDF(z[c.latent]), 1e-16), 1 - 1e-16)
                        var value = marginal.quantile(u)
                        if let (lo, hi) = clamps[request][j] { value = min(max(value, lo), hi) }
                        continuous[j][k] = value
                    case let .discrete(dm):
                        let t = thresholds[j]
                        let x = z[dm.latent]
                        var lo = 0, hi = t.count - 1
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if x <= t[mid] { hi = mid } else { lo = mid + 1 }
                        }
                        discrete[j][k] = dm.order[lo]
                    }
                }
            }
            return (continuous, discrete)
        }
        return EncodedTable(columns: columnNames.indices.map { j in
            switch margins[j] {
            case .continuous:
                EncodedColumn(name: columnNames[j], values: .continuous(chunks.flatMap { $0.0[j] }))
            case .discrete:
                EncodedColumn(name: columnNames[j], values: .discrete(codes: chunks.flatMap { $0.1[j] }, levelCount: levelCounts[j]))
            }
        })
    }

    /// The latent plan for one set of conditions; an impossible condition is an error.
    func plan(for conditions: [EncodedCondition]) throws -> LatentPlan {
        var intervalsByDim: [Int: [(Double, Double)]] = [:]
        var points: [Int: Double] = [:]
        func restrict(_ dim: Int, _ allowed: [(Double, Double)], column: String) throws {
            var merged = allowed
            if let existing = intervalsByDim[dim] {
                merged = []
                for a in existing { for b in allowed where max(a.0, b.0) <= min(a.1, b.1) { merged.append((max(a.0, b.0), min(a.1, b.1))) } }
            }
            guard !merged.isEmpty else { throw ModelError("the conditions on '\(column)' contradict each other") }
            intervalsByDim[dim] = merged
        }
        for condition in conditions {
            guard condition.column >= 0 && condition.column < margins.count else {
                throw ModelError("condition on column \(condition.column), which the model does not have")
            }
            let name = columnNames[condition.column]
            switch (margins[condition.column], condition.condition) {
            case let (.discrete(d), .levels(codes)):
                var allowed: [(Double, Double)] = []
                for (k, code) in d.order.enumerated() where codes.contains(Int(code)) {
                    let lo = k == 0 ? 0 : d.cumulative[k - 1], hi = d.cumulative[k]
                    guard hi > lo else { continue }
                    let a = lo <= 0 ? -Double.infinity : SpecialFunctions.normalQuantile(lo)
                    let b = hi >= 1 ? Double.infinity : SpecialFunctions.normalQuantile(hi)
                    if let last = allowed.last, last.1 == a { allowed[allowed.count - 1].1 = b } else { allowed.append((a, b)) }
                }
                guard !allowed.isEmpty else {
                    throw ModelError("no real row has the requested value of '\(name)', so the model cannot produce it")
                }
                try restrict(d.latent, allowed, column: name)
            case let (.continuous(c), .range(lower, upper)):
                guard let marginal = c.marginal else {
                    throw ModelError("'\(name)' is always missing in the data; it cannot be conditioned on a value")
                }
                if let m = c.missingLatent {
                    let t = SpecialFunctions.normalQuantile(1 - c.missingRate)
                    try restrict(m, [(-.infinity, t)], column: name)
                }
                guard let (pa, pb) = marginal.probabilityInterval(lower: lower, upper: upper) else {
                    throw ModelError("no value of '\(name)' in the data lies in [\(lower), \(upper)], so the model cannot produce it")
                }
                if pb > pa {
                    try restrict(c.latent, [(pa <= 0 ? -.infinity : SpecialFunctions.normalQuantile(pa), pb >= 1 ? .infinity : SpecialFunctions.normalQuantile(pb))], column: name)
                } else {
                    points[c.latent] = SpecialFunctions.normalQuantile(min(max(pa, 1e-16), 1 - 1e-16))
                }
            case let (.continuous(c), .missing):
                guard let m = c.missingLatent else {
                    throw ModelError("'\(name)' is never missing in the data, so the model cannot produce a missing value")
                }
                try restrict(m, [(SpecialFunctions.normalQuantile(1 - c.missingRate), .infinity)], column: name)
            default:
                throw ModelError("condition \(condition.condition) does not fit column '\(name)'")
            }
        }
        let intervalDims = intervalsByDim.keys.filter { points[$0] == nil }.sorted()
        let pointDims = points.keys.sorted()
        return try LatentPlan(correlation: Matrix(rows: dimension, columns: dimension, elements: correlation),
                              intervalDims: intervalDims,
                              intervals: intervalDims.map { intervalsByDim[$0]! },
                              pointDims: pointDims, pointValues: pointDims.map { points[$0]! })
    }
}

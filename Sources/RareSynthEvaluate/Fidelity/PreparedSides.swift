import RareSynthNumerics

/// One side (real or synthetic) of a continuous column, prepared once for all of its pairs.
struct PreparedNumbers: Sendable {
    /// Values, NaN for missing.
    var values: [Double]
    /// Average ranks (1 … n) among the present values, NaN where missing.
    var ranks: [Double]
    /// The present values sorted ascending (for W₁ and the histograms).
    var sorted: [Double]
    /// At least two distinct present values.
    var varies: Bool
    var hasMissing: Bool

    init(_ column: [Double?]) {
        values = column.map { $0 ?? .nan }
        var present: [Double] = [], positions: [Int] = []
        present.reserveCapacity(values.count)
        positions.reserveCapacity(values.count)
        for (i, v) in values.enumerated() where !v.isNaN { present.append(v); positions.append(i) }
        hasMissing = present.count < values.count
        ranks = [Double](repeating: .nan, count: values.count)
        for (r, i) in zip(Statistics.ranks(present), positions) { ranks[i] = r }
        RadixSort.sort(&present)
        varies = present.count >= 2 && present[0] != present[present.count - 1]
        sorted = present
    }

    /// `scipy.stats.pearsonr` on the rows where both are present; `nil` when undefined.
    func pearson(_ other: PreparedNumbers) -> Double? {
        (try? CorrelationSimilarity.pearson(values, other.values)) ?? nil
    }

    /// `scipy.stats.spearmanr` on the rows where both are present; `nil` when undefined.
    func spearman(_ other: PreparedNumbers) -> Double? {
        var sameRows = true
        if hasMissing || other.hasMissing {
            for i in values.indices where values[i].isNaN != other.values[i].isNaN { sameRows = false; break }
        }
        // Ranks among a column's own present values are the ranks among the complete rows when no
        // row is missing on one side only; otherwise rank the complete rows afresh.
        if sameRows { return (try? CorrelationSimilarity.pearson(ranks, other.ranks)) ?? nil }
        var x: [Double] = [], y: [Double] = []
        for i in values.indices where !values[i].isNaN && !other.values[i].isNaN {
            x.append(values[i]); y.append(other.values[i])
        }
        return (try? CorrelationSimilarity.pearson(Statistics.ranks(x), Statistics.ranks(y))) ?? nil
    }
}

/// A continuous column of both tables.
struct PreparedContinuous: Sendable {
    var name: String
    var real: PreparedNumbers
    var synthetic: PreparedNumbers

    /// The continuous columns of matched tables, prepared in parallel.
    static func match(real: [MetricColumn], synthetic: [MetricColumn], threads: Int?) throws(MetricError) -> [PreparedContinuous] {
        prepare(try matchColumns(real: real, synthetic: synthetic), threads: threads)
    }

    static func prepare(_ pairs: [(MetricColumn, MetricColumn)], threads: Int?) -> [PreparedContinuous] {
        let continuous = pairs.compactMap { pair -> (String, [Double?], [Double?])? in
            guard case .numerical(let r) = pair.0.data, case .numerical(let s) = pair.1.data else { return nil }
            return (pair.0.name, r, s)
        }
        // Each side is its own task: sorting and ranking dominate.
        let sides = Parallel.map(count: 2 * continuous.count, chunkSize: 1, threads: threads) { k in
            PreparedNumbers(k % 2 == 0 ? continuous[k / 2].1 : continuous[k / 2].2)
        }
        return continuous.indices.map { PreparedContinuous(name: continuous[$0].0, real: sides[2 * $0], synthetic: sides[2 * $0 + 1]) }
    }
}

/// A discrete column of both tables, coded once into shared integer codes (missing a code of its own).
struct PreparedDiscrete: Sendable {
    var name: String
    var codes: CategoryCodes
    var labels: ([String?], [String?])
    /// Distinct codes occurring in each table (missing included).
    var realCategories: Int
    var syntheticCategories: Int

    static func match(real: [MetricColumn], synthetic: [MetricColumn], threads: Int?) throws(MetricError) -> [PreparedDiscrete] {
        prepare(try matchColumns(real: real, synthetic: synthetic), threads: threads)
    }

    static func prepare(_ pairs: [(MetricColumn, MetricColumn)], threads: Int?) -> [PreparedDiscrete] {
        let discrete = pairs.compactMap { pair -> (String, [String?], [String?])? in
            guard case .categorical(let r) = pair.0.data, case .categorical(let s) = pair.1.data else { return nil }
            return (pair.0.name, r, s)
        }
        return Parallel.map(count: discrete.count, chunkSize: 1, threads: threads) { k in
            let (name, r, s) = discrete[k]
            let codes = CategoryCodes(real: r, synthetic: s)
            func distinct(_ c: [UInt32]) -> Int {
                var seen = [Bool](repeating: false, count: codes.cardinality)
                for x in c { seen[Int(x)] = true }
                return seen.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            return PreparedDiscrete(name: name, codes: codes, labels: (r, s),
                                    realCategories: distinct(codes.real), syntheticCategories: distinct(codes.synthetic))
        }
    }
}

import Foundation
import RareSynthNumerics

extension MaximumMeanDiscrepancy {
    /// MMD² between the tables (see the type's documentation for the encoding, kernel and
    /// estimators). Columns are matched by name, in the order of `real`. `nil` when either table
    /// has fewer than two rows or there are no columns.
    /// - Throws: ``MetricError/nonFiniteRange(column:)`` when a real continuous column holds ±∞
    ///   (no scale), and the column-matching errors of ``QualityReport``.
    public static func compute(real: [MetricColumn], synthetic: [MetricColumn], options: Options = Options(),
                               threads: Int? = nil) throws(MetricError) -> MaximumMeanDiscrepancy? {
        try compute(matchColumns(real: real, synthetic: synthetic), options: options, threads: threads)
    }

    static func compute(_ pairs: [(MetricColumn, MetricColumn)], options: Options,
                        threads: Int?) throws(MetricError) -> MaximumMeanDiscrepancy? {
        guard let first = pairs.first, first.0.data.count >= 2, first.1.data.count >= 2 else { return nil }
        let realRows = sampledRows(first.0.data.count, options: options, stream: 0)
        let syntheticRows = sampledRows(first.1.data.count, options: options, stream: 1)
        let rows = try PooledRows(pairs, realRows: realRows, syntheticRows: syntheticRows)
        let total = rows.count, m = realRows.count

        // Every pooled distance i < j, by chunks of rows (row i holds j = i+1 … total−1).
        let chunk = 32
        let blocks = Parallel.mapChunks(count: total, chunkSize: chunk, threads: threads) { range -> [Double] in
            let size = range.reduce(0) { $0 + (total - 1 - $1) }
            return [Double](unsafeUninitializedCapacity: size) { out, initialized in
                var offset = 0
                for i in range {
                    rows.squaredDistances(from: i, into: UnsafeMutableBufferPointer(rebasing: out[offset..<(offset + total - 1 - i)]))
                    offset += total - 1 - i
                }
                initialized = size
            }
        }
        // The median on a joined copy (selection reorders it); the blocks stay in row order.
        var joined: [Double] = []
        joined.reserveCapacity(total * (total - 1) / 2)
        for block in blocks { joined.append(contentsOf: block) }
        let median = Selection.median(&joined, transform: { $0.squareRoot() }) ?? 0
        joined = []
        let sigma = median > 0 ? median : 1
        let twoSigmaSquared = 2 * sigma * sigma

        // Kernel sums by block: real × real, synthetic × synthetic, real × synthetic. Row i < m holds
        // its real partners first, then all synthetic rows; per-chunk sums are added in chunk order.
        let sums = Parallel.map(count: blocks.count, chunkSize: 1, threads: threads) { c -> SIMD4<Double> in
            var xx = 0.0, yy = 0.0, xy = 0.0
            blocks[c].withUnsafeBufferPointer { d in
                var offset = 0
                for i in (c * chunk)..<Swift.min(total, (c + 1) * chunk) {
                    // Row sums first, then the chunk's: rounding error stays near numpy's pairwise sums.
                    let length = total - 1 - i
                    let realPartners = i < m ? m - 1 - i : 0
                    var first = 0.0, second = 0.0
                    for k in 0..<realPartners { first += exp(-d[offset + k] / twoSigmaSquared) }
                    for k in realPartners..<length { second += exp(-d[offset + k] / twoSigmaSquared) }
                    if i >= m { yy += second } else { xx += first; xy += second }
                    offset += length
                }
            }
            return SIMD4<Double>(xx, yy, xy, 0)
        }
        var s = SIMD4<Double>.zero
        for part in sums { s += part }
        let a = Double(m), b = Double(syntheticRows.count)
        let unbiased = 2 * s[0] / (a * (a - 1)) + 2 * s[1] / (b * (b - 1)) - 2 * s[2] / (a * b)
        let biased = (2 * s[0] + a) / (a * a) + (2 * s[1] + b) / (b * b) - 2 * s[2] / (a * b)
        return MaximumMeanDiscrepancy(unbiased: unbiased, biased: biased, bandwidth: sigma, realRows: m,
                                      syntheticRows: syntheticRows.count, dimension: rows.dimension)
    }

    /// All rows, or `maxRowsPerSide` of them drawn without replacement, in ascending order.
    static func sampledRows(_ count: Int, options: Options, stream: UInt64) -> [Int] {
        let limit = Swift.max(2, options.maxRowsPerSide)
        guard count > limit else { return Array(0..<count) }
        var random = SeededRandom(seed: options.seed, stream: stream)
        return random.sampleWithoutReplacement(count: limit, from: count).sorted()
    }
}

/// The encoded rows of both tables, real rows first, stored by column so that the distances from
/// one row to all later rows run as vector loops: scaled values and missing indicators of the
/// continuous columns, category codes of the discrete ones (the one-hot vectors are implicit: two
/// different categories are √2 apart).
struct PooledRows: Sendable {
    let count: Int
    /// Numeric features: the scaled values, then the missing indicators.
    let width: Int
    /// Code columns.
    let discrete: Int
    let dimension: Int
    /// `width × count`, column-major: scaled value (0 where missing), then indicator (1 where missing).
    let numbers: [Double]
    /// `discrete × count`, column-major.
    let codes: [UInt32]

    init(_ pairs: [(MetricColumn, MetricColumn)], realRows: [Int], syntheticRows: [Int]) throws(MetricError) {
        count = realRows.count + syntheticRows.count
        var scaled: [[Double]] = [], missing: [[Double]] = []
        var codes: [UInt32] = []
        var oneHot = 0
        for (r, s) in pairs {
            switch (r.data, s.data) {
            case let (.numerical(rv), .numerical(sv)):
                var lo = Double.infinity, hi = -Double.infinity
                for case let v? in rv where !v.isNaN { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
                if lo > hi { lo = 0; hi = 0 }  // no real value: nothing to scale by
                guard lo.isFinite, hi.isFinite else { throw .nonFiniteRange(column: r.name) }
                let divisor = hi > lo ? hi - lo : 1
                let values = realRows.map { rv[$0] } + syntheticRows.map { sv[$0] }
                scaled.append(values.map { v in v.flatMap { $0.isNaN ? nil : ($0 - lo) / divisor } ?? 0 })
                missing.append(values.map { v in v.map { $0.isNaN ? 1 : 0 } ?? 1 })
            case let (.categorical(rl), .categorical(sl)):
                let c = CategoryCodes(real: rl, synthetic: sl)
                oneHot += c.cardinality
                codes += realRows.map { c.real[$0] } + syntheticRows.map { c.synthetic[$0] }
            default:
                throw .kindMismatch(column: r.name)
            }
        }
        width = 2 * scaled.count
        discrete = codes.count / Swift.max(1, count)
        dimension = width + oneHot
        numbers = (scaled + missing).flatMap { $0 }
        self.codes = codes
    }

    /// ‖x_i − x_j‖² for j = i+1 … count−1 into `out`, features added in encoding order (scaled
    /// values, indicators), then 2 per differing category.
    func squaredDistances(from i: Int, into out: UnsafeMutableBufferPointer<Double>) {
        let n = count - 1 - i
        guard n > 0, let o = out.baseAddress else { return }
        o.initialize(repeating: 0, count: n)
        numbers.withUnsafeBufferPointer { v in
            for c in 0..<width {
                let column = v.baseAddress! + c * count
                let x = column[i], later = column + i + 1
                for j in 0..<n { let d = later[j] - x; o[j] += d * d }
            }
        }
        guard discrete > 0 else { return }
        var differing = [UInt32](repeating: 0, count: n)
        codes.withUnsafeBufferPointer { k in
            differing.withUnsafeMutableBufferPointer { f in
                for c in 0..<discrete {
                    let column = k.baseAddress! + c * count
                    let x = column[i], later = column + i + 1
                    for j in 0..<n { f[j] &+= later[j] == x ? 0 : 1 }
                }
            }
        }
        for j in 0..<n { o[j] += 2 * Double(differing[j]) }
    }
}

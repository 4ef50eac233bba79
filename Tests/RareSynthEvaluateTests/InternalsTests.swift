import Testing
@testable import RareSynthEvaluate

/// The fast paths that the small fixtures do not reach, checked against plain reference code.
@Suite("Fast paths agree with plain implementations")
struct InternalsTests {
    /// A reproducible stream for test data.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    @Test func radixSortEqualsStandardSort() {
        var g = SplitMix(state: 1)
        var values = (0..<5000).map { _ in (g.uniform() - 0.5) * 1e6 }
        values += [0, -0.0, .infinity, -.infinity, 1e-300, -1e-300, .greatestFiniteMagnitude, 3, 3, 3]
        var sorted = values
        RadixSort.sort(&sorted)
        // −0.0 comes back as +0.0; compare as numbers.
        #expect(sorted.elementsEqual(values.sorted(), by: ==))

        var keys = (0..<3000).map { i in i % 3 == 0 ? g.next() : g.next() % 5000 }
        let expected = keys.sorted()
        RadixSort.sort(&keys)
        #expect(keys == expected)
    }

    /// Two columns with 1,100 labels each: 1.21M cells, above the dense limit, so the sparse path
    /// (sorted keys, χ² from occupied cells) runs; the reference counts with dictionaries and sums
    /// χ² over every occurring row × column, as scipy does.
    @Test func sparseContingencyMatchesReference() {
        var g = SplitMix(state: 2)
        func column(_ n: Int, related: [Int]? = nil) -> [Int] {
            (0..<n).map { i in
                if let related, g.uniform() < 0.6 { return related[i] }
                return Int(g.next() % 1100)
            }
        }
        let ra = column(6000), rb = column(6000, related: ra)
        let sa = column(4000), sb = column(4000)
        let label = { (v: Int) -> String? in v % 97 == 0 ? nil : "L\(v)" }
        let real = (ra.map(label), rb.map(label)), synthetic = (sa.map(label), sb.map(label))
        let a = CategoryCodes(real: real.0, synthetic: synthetic.0)
        let b = CategoryCodes(real: real.1, synthetic: synthetic.1)
        #expect(a.cardinality * b.cardinality > JointCounts.denseCellLimit)
        let got = ContingencySimilarity.breakdown(a, b, realAssociationThreshold: 0)

        struct Cell: Hashable { var a: String?, b: String? }
        func counts(_ x: [String?], _ y: [String?]) -> [Cell: Int] {
            zip(x, y).reduce(into: [:]) { $0[Cell(a: $1.0, b: $1.1), default: 0] += 1 }
        }
        let rc = counts(real.0, real.1), sc = counts(synthetic.0, synthetic.1)
        let n = Double(ra.count), m = Double(sa.count)
        var variation = 0.0
        for cell in Set(rc.keys).union(sc.keys) {
            variation += Swift.abs(Double(rc[cell] ?? 0) / n - Double(sc[cell] ?? 0) / m) / 2
        }
        var rowSums: [String?: Int] = [:], colSums: [String?: Int] = [:]
        for (cell, c) in rc { rowSums[cell.a, default: 0] += c; colSums[cell.b, default: 0] += c }
        var chi2 = 0.0
        for (r, rs) in rowSums {
            for (c, cs) in colSums {
                let expected = Double(rs) * Double(cs) / n
                let d = Double(rc[Cell(a: r, b: c)] ?? 0) - expected
                chi2 += d * d / expected
            }
        }
        let v = (chi2 / n / Double(Swift.min(rowSums.count, colSums.count) - 1)).squareRoot()
        #expect(gap(got.score, 1 - variation) <= 1e-12)
        #expect(gap(got.realAssociation, v) <= 1e-9)
    }

    /// Pearson on a million-row-scale column with missing values, against the textbook formula on
    /// the complete rows.
    @Test func pearsonMatchesTextbook() throws {
        var g = SplitMix(state: 3)
        let n = 20_003
        let x = (0..<n).map { _ in g.uniform() < 0.05 ? Double.nan : g.uniform() * 100 }
        let y = x.map { $0.isNaN ? 1 : $0 * 0.3 + g.uniform() * 20 }.map { g.uniform() < 0.05 ? Double.nan : $0 }
        let pairs = zip(x, y).filter { !$0.0.isNaN && !$0.1.isNaN }
        let mx = pairs.map(\.0).reduce(0, +) / Double(pairs.count)
        let my = pairs.map(\.1).reduce(0, +) / Double(pairs.count)
        let sxy = pairs.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +)
        let sxx = pairs.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
        let syy = pairs.map { ($0.1 - my) * ($0.1 - my) }.reduce(0, +)
        let r = try CorrelationSimilarity.pearson(x, y)
        #expect(gap(r, sxy / (sxx * syy).squareRoot()) <= 1e-12)
        #expect(try CorrelationSimilarity.pearson([1, 2, .nan], [5, 3, 1]) == -1)
        #expect(throws: MetricError.tooFewRows(1)) { try CorrelationSimilarity.pearson([1, .nan], [1, 2]) }
        #expect(try CorrelationSimilarity.pearson([1, 1, 2], [1, 2, .nan]) == nil)  // constant after dropping
        #expect(try CorrelationSimilarity.pearson([1, .infinity, 2], [1, 2, 3]) == nil)  // scipy: NaN
    }
}

import Foundation
import RareSynthNumerics
@testable import RareSynthEvaluate
import Testing

/// The filter-and-refine search against a plain double-precision evaluation of SDMetrics' distance
/// on tables built to break it: exact ties at positive distances, duplicate rows, missing values,
/// constant and empty reference columns, datetimes, references too short for a SIMD block.
@Suite struct NearestRecordSearchTests {
    /// SDMetrics' DCR written the obvious way: every pair, every column, in column order.
    static func bruteForce(dataset: [MetricColumn], reference: [MetricColumn]) -> (best: [Double], index: [Int], second: [Double]) {
        let n = dataset[0].data.count, m = reference[0].data.count
        var total = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        for (a, b) in zip(dataset, reference) {
            switch (a.data, b.data) {
            case let (.numerical(x), .numerical(y)):
                let unit = a.kind == .datetime ? 1e9 : 1
                let present = y.compactMap { $0 }.filter { !$0.isNaN }.map { $0 / unit }
                let range = (present.max() ?? .nan) - (present.min() ?? .nan)
                for i in 0..<n {
                    for t in 0..<m {
                        let xi = x[i].flatMap { $0.isNaN ? nil : $0 / unit }, yt = y[t].flatMap { $0.isNaN ? nil : $0 / unit }
                        let d: Double
                        switch (xi, yt) {
                        case (nil, nil): d = 0
                        case (nil, _), (_, nil): d = 1
                        case let (p?, q?): d = range == 0 ? (Swift.abs(q - p) > 0 ? 1 : 0) : Swift.min(Swift.abs(q - p) / range, 1)
                        }
                        total[i][t] += d
                    }
                }
            case let (.categorical(x), .categorical(y)):
                for i in 0..<n { for t in 0..<m { total[i][t] += x[i] == y[t] ? 0 : 1 } }
            default:
                fatalError("kinds differ")
            }
        }
        let k = Double(dataset.count)
        var best: [Double] = [], index: [Int] = [], second: [Double] = []
        for row in total {
            let sorted = row.sorted()
            best.append(sorted[0] / k)
            index.append(row.firstIndex(of: sorted[0])!)
            second.append(m > 1 ? sorted[1] / k : .nan)
        }
        return (best, index, second)
    }

    /// A table of awkward columns: integers with many ties, continuous values, a datetime in whole
    /// days, labels, booleans, each with missing cells; `constant` makes one column constant.
    static func table(rows: Int, seed: UInt64, constantColumn: Bool = false, emptyColumn: Bool = false) -> [MetricColumn] {
        var r = SeededRandom(seed: seed)
        func maybe<T>(_ v: T, _ p: Double = 0.1) -> T? { r.nextUniform() < p ? nil : v }
        var columns: [MetricColumn] = []
        columns.append(.numerical("small", (0..<rows).map { _ in maybe(Double(r.nextInt(below: 4))) }))
        columns.append(.numerical("wide", (0..<rows).map { _ in maybe(r.nextNormal(mean: 50, standardDeviation: 20)) }))
        columns.append(.datetime("date", nanosecondsSinceEpoch: (0..<rows).map { _ in
            maybe(Double(7_000 + r.nextInt(below: 400)) * 86_400e9) }))
        columns.append(.categorical("label", (0..<rows).map { _ in maybe(["a", "b", "c"][r.nextInt(below: 3)]) }))
        columns.append(.boolean("flag", (0..<rows).map { _ in maybe(r.nextInt(below: 2) == 1, 0.05) }))
        columns.append(.numerical("constant", (0..<rows).map { _ in
            constantColumn ? maybe(3.0) : maybe(Double(r.nextInt(below: 3))) }))
        columns.append(.numerical("sparse", (0..<rows).map { _ in emptyColumn ? nil : maybe(r.nextUniform(), 0.5) }))
        return columns
    }

    /// Rows `indices` of a table.
    static func rows(_ table: [MetricColumn], _ indices: [Int]) -> [MetricColumn] {
        table.map { column in
            switch column.data {
            case .numerical(let v): MetricColumn(name: column.name, kind: column.kind, data: .numerical(indices.map { v[$0] }))
            case .categorical(let v): MetricColumn(name: column.name, kind: column.kind, data: .categorical(indices.map { v[$0] }))
            }
        }
    }

    static func check(dataset: [MetricColumn], reference: [MetricColumn], threads: Int? = nil) throws {
        let dcr = try DistanceToClosestRecord(dataset: dataset, reference: reference, threads: threads)
        let expected = bruteForce(dataset: dataset, reference: reference)
        #expect(dcr.distances == expected.best)
        #expect(dcr.nearestIndices == expected.index)
        let secondsAgree = zip(dcr.secondNearestDistances, expected.second).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        #expect(secondsAgree)
    }

    @Test(arguments: [(300, 203), (64, 7), (40, 1), (40, 2), (129, 256)])
    func matchesBruteForceOnAwkwardTables(_ sizes: (Int, Int)) throws {
        let reference = Self.table(rows: sizes.1, seed: 1, constantColumn: true)
        var dataset = Self.table(rows: sizes.0, seed: 2)
        // Some dataset rows are copies of reference rows, and the reference repeats rows.
        let copies = (0..<sizes.0).map { $0 % 5 == 0 ? $0 % sizes.1 : -1 }
        let copied = Self.rows(reference, copies.map { Swift.max($0, 0) })
        for j in dataset.indices {
            switch (dataset[j].data, copied[j].data) {
            case let (.numerical(d), .numerical(c)):
                dataset[j].data = .numerical(d.indices.map { copies[$0] >= 0 ? c[$0] : d[$0] })
            case let (.categorical(d), .categorical(c)):
                dataset[j].data = .categorical(d.indices.map { copies[$0] >= 0 ? c[$0] : d[$0] })
            default: break
            }
        }
        try Self.check(dataset: dataset, reference: reference)
        let repeated = Self.rows(reference, (0..<sizes.1).map { $0 / 2 })
        try Self.check(dataset: dataset, reference: repeated)
    }

    /// Only discrete columns: every distance is a multiple of 1/k, so most rows have many
    /// reference rows tied at the minimum, the refinement's hardest case.
    @Test func tiesAtPositiveDistances() throws {
        var r = SeededRandom(seed: 9)
        func labels(_ n: Int) -> [String?] { (0..<n).map { _ in ["x", "y", "z", nil][r.nextInt(below: 4)] } }
        let reference = (0..<4).map { MetricColumn.categorical("c\($0)", labels(500)) }
        let dataset = (0..<4).map { MetricColumn.categorical("c\($0)", labels(300)) }
        try Self.check(dataset: dataset, reference: reference)
        try Self.check(dataset: dataset, reference: reference, threads: 3)
    }

    /// Distances that differ by far less than single precision can resolve (1e−10 of the range):
    /// the filter sees dozens of equal sums and must hand all of them to the exact pass, including
    /// rows its lanes did not keep (without the rescan this fails). Around the midpoint between two
    /// `Float`s, rounding even reverses the order: the exact nearest row gets the larger filter sum
    /// (without the tolerance δ this fails).
    @Test func nearTiesBelowSinglePrecision() throws {
        var r = SeededRandom(seed: 11)
        let midpoint = 0.5 + 0x1p-25  // halfway between Float 0.5 and its successor
        var values: [Double?] = [0, 1, midpoint - 1e-12, midpoint + 3e-10, midpoint + 4e-10]
        for i in 0..<60 { values.append(0.5 + Double(i) * 1e-10) }
        r.shuffle(&values)
        let reference: [MetricColumn] = [.numerical("x", values), .categorical("c", values.map { _ in "k" })]
        let probes: [Double?] = (0..<60).map { 0.5 + Double($0) * 1e-10 + 3e-11 } + [0.25, 0.75, nil, midpoint + 1e-12]
        let dataset: [MetricColumn] = [.numerical("x", probes), .categorical("c", probes.map { _ in "k" })]
        try Self.check(dataset: dataset, reference: reference)
    }

    @Test func referenceColumnWithoutValues() throws {
        let reference = Self.table(rows: 50, seed: 3, emptyColumn: true)
        let dataset = Self.table(rows: 60, seed: 4)
        try Self.check(dataset: dataset, reference: reference)
    }

    @Test func sameResultOnAnyThreadCount() throws {
        let reference = Self.table(rows: 700, seed: 5)
        let dataset = Self.table(rows: 333, seed: 6)
        let one = try DistanceToClosestRecord(dataset: dataset, reference: reference, threads: 1)
        for threads in [2, 5] {
            #expect(try DistanceToClosestRecord(dataset: dataset, reference: reference, threads: threads) == one)
        }
    }

    /// Two columns by hand: age range 20 (from the reference), sex equal or not.
    @Test func handComputedDistances() throws {
        let reference: [MetricColumn] = [.numerical("age", [30, 50, nil]), .categorical("sex", ["f", "m", "f"])]
        let dataset: [MetricColumn] = [.numerical("age", [35, nil, 100, 50]), .categorical("sex", ["m", "f", "f", nil])]
        let dcr = try DistanceToClosestRecord(dataset: dataset, reference: reference)
        // Row 0: to (30,f) (0.25 + 1)/2, to (50,m) (0.75 + 0)/2 = 0.375, to (nil,f) (1 + 1)/2.
        // Row 1: missing age equals the missing reference age: (0 + 0)/2 = 0.
        // Row 2: |100 − 30|/20 caps at 1: (1 + 0)/2 to rows 0 and 2; the first wins.
        // Row 3: (0 + 1)/2 to row 1.
        #expect(dcr.distances == [0.375, 0, 0.5, 0.5])
        #expect(dcr.nearestIndices == [1, 2, 0, 1])
        #expect(dcr.secondNearestDistances == [0.625, 0.5, 0.5, 1])
        #expect(dcr.distanceRatios == [0.6, 0, 1, 0.5])
        #expect(dcr.median == 0.4375)
    }

    @Test func errors() throws {
        let a: [MetricColumn] = [.numerical("x", [1, 2])]
        #expect(throws: PrivacyMetricError.noCommonColumns) {
            try DistanceToClosestRecord(dataset: a, reference: [.numerical("y", [1])])
        }
        #expect(throws: PrivacyMetricError.kindMismatch(column: "x")) {
            try DistanceToClosestRecord(dataset: a, reference: [.categorical("x", ["1"])])
        }
        #expect(throws: PrivacyMetricError.emptyTable("reference")) {
            try DistanceToClosestRecord(dataset: a, reference: [.numerical("x", [])])
        }
        #expect(throws: PrivacyMetricError.nonFiniteValue(column: "x")) {
            try DistanceToClosestRecord(dataset: [.numerical("x", [.infinity])], reference: a)
        }
        #expect(throws: PrivacyMetricError.lengthMismatch(column: "y")) {
            try DistanceToClosestRecord(dataset: a, reference: [.numerical("x", [1]), .numerical("y", [1, 2])])
        }
        let empty = try DistanceToClosestRecord(dataset: [.numerical("x", [])], reference: a)
        #expect(empty.distances.isEmpty && empty.median.isNaN)
    }
}

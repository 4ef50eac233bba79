import Foundation
import Testing
import RareSynthSchema
import RareSynthTable
import RareSynthTransform
@testable import RareSynthSample

/// The filter must flag exactly the rows SDMetrics' NewRowSynthesis counts as matches: every
/// categorical value equal (missing equals missing) and every number within 1% of the synthetic
/// value. Checked against a brute-force scan of that definition.
@Suite struct NearCopyFilterTests {
    let real = Table(columnNames: ["sex", "age", "lab"], columns: [
        ["f", "m", "f", nil, "m"],
        ["60", "70", "61", "50", "80"],
        ["1.00", nil, "2.00", "3.00", "100.0"],
    ])
    let schema = Schema(columns: [
        ColumnSchema(name: "sex", type: .categorical),
        ColumnSchema(name: "age", type: .numerical, integer: true),
        ColumnSchema(name: "lab", type: .numerical, integer: false, decimals: 2),
    ])

    func bruteForce(_ synthetic: Table) -> [Int] {
        (0..<synthetic.rowCount).filter { i in
            (0..<real.rowCount).contains { r in
                guard real[column: "sex"]![r] == synthetic[column: "sex"]![i] else { return false }
                for name in ["age", "lab"] {
                    let a = real[column: name]![r].flatMap(Double.init), b = synthetic[column: name]![i].flatMap(Double.init)
                    switch (a, b) {
                    case (nil, nil): continue
                    case let (a?, b?): if abs(a - b) > abs(0.01 * b) { return false }
                    default: return false
                    }
                }
                return true
            }
        }
    }

    @Test func flagsExactlyTheNewRowSynthesisMatches() throws {
        let transformer = try TableTransformer.fit(real, schema: schema)
        let filter = NearCopyFilter(real: real, transformer: transformer)
        let synthetic = Table(columnNames: ["sex", "age", "lab"], columns: [
            ["f", "f", "m", nil, "m", "f", "m"],
            ["60", "60", "70", "50", "80", "62", "79"],
            ["1.01", "1.02", nil, "3.00", "99.5", "2.00", "100.5"],
        ])
        let flagged = filter.nearCopies(in: synthetic)
        #expect(flagged == bruteForce(synthetic))
        #expect(flagged == [0, 2, 3, 4])
    }

    @Test func agreesWithBruteForceOnRandomRows() throws {
        let transformer = try TableTransformer.fit(real, schema: schema)
        let filter = NearCopyFilter(real: real, transformer: transformer)
        var state: UInt64 = 12345
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var t = Table(columnNames: ["sex", "age", "lab"])
        for _ in 0..<2_000 {
            let sex: String? = [nil, "f", "m"][next(3)]
            let age = String(59 + next(3) * 10 + next(3) - 1)
            let lab: String? = next(5) == 0 ? nil : String(format: "%.2f", [1.0, 2.0, 3.0, 100.0][next(4)] * (0.985 + 0.03 * Double(next(100)) / 100))
            t.append(row: [sex, age, lab])
        }
        #expect(filter.nearCopies(in: t) == bruteForce(t))
    }
}

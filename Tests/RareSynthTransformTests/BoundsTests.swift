import RareSynthTransform
import Testing

/// Which encoded rows would be clamped onto a bound, and replacing rows of an encoded table.
@Suite struct BoundsTests {
    @Test func outOfBoundsAllowsRoundingAndMissing() {
        let e = NumericEncoder(column: "age", kind: .number(decimals: 0), minimum: 20, maximum: 80)
        #expect(!e.isOutOfBounds(80.4) && e.isOutOfBounds(80.6))
        #expect(!e.isOutOfBounds(19.6) && e.isOutOfBounds(19.4))
        #expect(!e.isOutOfBounds(.nan))
        let open = NumericEncoder(column: "x", kind: .number(decimals: 2), minimum: nil, maximum: nil)
        #expect(!open.isOutOfBounds(1e300))
    }

    @Test func rowsOutOfBoundsAndReplacement() {
        let transformer = TableTransformer(steps: [
            .numeric(NumericEncoder(column: "age", kind: .number(decimals: 0), minimum: 20, maximum: 80)),
            .categorical(CategoricalEncoder(column: "sex", levels: ["f", "m"])),
        ], columns: ["age", "sex"])
        var encoded = EncodedTable(columns: [
            EncodedColumn(name: "age", values: .continuous([30, 95, .nan, 10])),
            EncodedColumn(name: "sex", values: .discrete(codes: [0, 1, 0, 1], levelCount: 2)),
        ])
        #expect(transformer.rowsOutOfBounds(encoded) == [1, 3])
        encoded.replaceRows([1, 3], with: EncodedTable(columns: [
            EncodedColumn(name: "age", values: .continuous([50, 60])),
            EncodedColumn(name: "sex", values: .discrete(codes: [0, 0], levelCount: 2)),
        ]))
        #expect(transformer.rowsOutOfBounds(encoded).isEmpty)
        guard case let .continuous(ages) = encoded.columns[0].values, case let .discrete(codes, _) = encoded.columns[1].values else {
            Issue.record("column shapes changed")
            return
        }
        #expect(ages[0] == 30 && ages[1] == 50 && ages[2].isNaN && ages[3] == 60)
        #expect(codes == [0, 0, 0, 0])
    }
}

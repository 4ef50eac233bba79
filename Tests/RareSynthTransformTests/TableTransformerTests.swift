import Testing
import RareSynthSchema
import RareSynthTable
@testable import RareSynthTransform

@Suite struct TableTransformerTests {
    let table = Table(columnNames: ["age", "sex", "visit", "score", "onset", "diagnosis"], columns: [
        ["61.5", "48.0", nil, "70.25"],
        ["f", "m", "f", nil],
        ["2020-01-05", "2019-12-31", "2020-02-29", nil],
        ["3", "5", "4", "3"],
        ["2001-03-01", "1999-07-15", nil, "2010-01-01"],
        ["2002-03-01", "1999-07-15", "2000-01-01", "2011-06-30"],
    ])
    var schema: Schema {
        Schema(columns: [
            ColumnSchema(name: "age", type: .numerical, integer: false, decimals: 2),
            ColumnSchema(name: "sex", type: .categorical),
            ColumnSchema(name: "visit", type: .datetime, format: "%Y-%m-%d"),
            ColumnSchema(name: "score", type: .numerical, integer: true, decimals: 0),
            ColumnSchema(name: "onset", type: .datetime, format: "%Y-%m-%d"),
            ColumnSchema(name: "diagnosis", type: .datetime, format: "%Y-%m-%d"),
        ])
    }

    @Test func roundTripReproducesEveryCell() throws {
        let t = try TableTransformer.fit(table, schema: schema)
        let decoded = t.decode(try t.encode(table))
        #expect(decoded.columnNames == table.columnNames)
        #expect(decoded[column: "sex"]! == table[column: "sex"]!)
        #expect(decoded[column: "visit"]! == table[column: "visit"]!)
        #expect(decoded[column: "score"]! == table[column: "score"]!)
        #expect(decoded[column: "age"]! == ["61.50", "48.00", nil, "70.25"])
    }

    @Test func missingIsALevelOfItsOwn() throws {
        let t = try TableTransformer.fit(table, schema: schema)
        guard case let .discrete(codes, levels) = try t.encode(table).columns[1].values else {
            Issue.record("sex should be discrete"); return
        }
        #expect(levels == 3)
        #expect(Set(codes).count == 3)
    }

    @Test func decodingClampsAndRoundsToThePrecision() throws {
        let t = try TableTransformer.fit(table, schema: schema)
        var encoded = try t.encode(table)
        encoded.columns[0].values = .continuous([10, 99.999, .nan, 55.556])
        encoded.columns[3].values = .continuous([2.4, 3.5, 4.49, 9])
        let decoded = t.decode(encoded)
        #expect(decoded[column: "age"]! == ["48.00", "70.25", nil, "55.56"])
        #expect(decoded[column: "score"]! == ["3", "4", "4", "5"])
    }

    @Test func datesDecodeToTheDayInTheirOwnFormat() throws {
        let t = try TableTransformer.fit(table, schema: schema)
        var encoded = try t.encode(table)
        let jan5 = 18_266.0 * 86_400  // 2020-01-05
        encoded.columns[2].values = .continuous([jan5 + 40_000, jan5 + 50_000, .nan, jan5])
        #expect(t.decode(encoded)[column: "visit"]! == ["2020-01-05", "2020-01-06", nil, "2020-01-05"])
    }

    @Test func columnInequalityHoldsForAnyEncodedValue() throws {
        var s = schema
        s.constraints = [.columnInequality(left: "diagnosis", op: .greaterOrEqual, right: "onset")]
        let t = try TableTransformer.fit(table, schema: s)
        var encoded = try t.encode(table)
        let index = encoded.index(of: "diagnosis")!
        // Negative distances (which a parametric marginal could produce) must still decode inside.
        encoded.columns[index].values = .continuous([-5e6, 0, 3e7, 1])
        let decoded = t.decode(encoded)
        let format = try DateTimeFormat("%Y-%m-%d")
        for (onset, diagnosis) in zip(decoded[column: "onset"]!, decoded[column: "diagnosis"]!) {
            guard let onset, let diagnosis else { continue }
            #expect(format.parse(diagnosis)! >= format.parse(onset)!)
        }
    }

    @Test func dataThatBreaksAConstraintIsAnErrorNamingTheLine() throws {
        var s = schema
        s.constraints = [.valueInequality(column: "score", op: .greaterThan, value: "3")]
        #expect { try TableTransformer.fit(table, schema: s, file: "t.csv") } throws: { error in
            guard let e = error as? DataError else { return false }
            return e.file == "t.csv" && e.line == 2 && e.columnName == "score"
        }
    }

    @Test func valueBoundsTightenTheColumnBounds() throws {
        var s = schema
        s.constraints = [.valueInequality(column: "score", op: .greaterThan, value: "2")]
        let t = try TableTransformer.fit(table, schema: s)
        guard case let .numeric(e) = t.steps[3] else { Issue.record("score should be numeric"); return }
        #expect(e.minimum == 3)
        #expect(e.finish(-100) == 3)
    }

    @Test func fixedCombinationsDecodeOnlySeenCombinations() throws {
        let t2 = Table(columnNames: ["a", "b"], columns: [["x", "x", "y", "y"], ["1", "2", "1", "1"]])
        let s = Schema(columns: [ColumnSchema(name: "a", type: .categorical), ColumnSchema(name: "b", type: .categorical)],
                       constraints: [.fixedCombinations(columns: ["a", "b"])])
        let t = try TableTransformer.fit(t2, schema: s)
        #expect(t.steps.count == 1)
        let decoded = t.decode(EncodedTable(columns: [EncodedColumn(name: "a+b", values: .discrete(codes: [0, 1, 2, 0, 2], levelCount: 3))]))
        let seen = Set(zip(t2[column: "a"]!, t2[column: "b"]!).map { "\($0!)|\($1!)" })
        for (a, b) in zip(decoded[column: "a"]!, decoded[column: "b"]!) { #expect(seen.contains("\(a!)|\(b!)")) }
    }

    @Test func anUnparseableCellNamesItsLineAndField() throws {
        var bad = table
        bad.setColumn("score", ["3", "five", "4", "3"])
        #expect { try TableTransformer.fit(bad, schema: schema, file: "x.csv") } throws: { error in
            guard let e = error as? DataError else { return false }
            return e.line == 3 && e.column == 4 && e.message.contains("five")
        }
    }

    @Test func fixedDecimalFormatterRoundsHalfAwayFromZero() {
        #expect(FixedDecimalFormatter.format(2.5, decimals: 0) == "3")
        #expect(FixedDecimalFormatter.format(-2.5, decimals: 0) == "-3")
        #expect(FixedDecimalFormatter.format(0.05, decimals: 3) == "0.050")
        #expect(FixedDecimalFormatter.format(-0.0001, decimals: 2) == "0.00")
        #expect(FixedDecimalFormatter.format(1234.5678, decimals: 2) == "1234.57")
        #expect(FixedDecimalFormatter.format(-0.5, decimals: 1) == "-0.5")
    }
}

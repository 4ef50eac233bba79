import RareSynthTable
import Testing
@testable import RareSynthSchema

@Suite struct SchemaValidationTests {
    private let schema = Schema(columns: [
        ColumnSchema(name: "id", type: .identifier),
        ColumnSchema(name: "age", type: .numerical, integer: true),
        ColumnSchema(name: "bili", type: .numerical, integer: false, decimals: 1),
        ColumnSchema(name: "seen", type: .datetime, format: "%d/%m/%Y"),
        ColumnSchema(name: "smoker", type: .boolean, booleanTokens: ["N", "Y"]),
        ColumnSchema(name: "stage", type: .categorical, categories: ["1", "2", "3", "4"]),
        ColumnSchema(name: "note", type: .categorical),
    ])

    private func table(_ changes: [String: [String?]] = [:]) -> Table {
        var columns: [String: [String?]] = [
            "id": ["a", "b", "c"], "age": ["40", "51", nil], "bili": ["1.5", "2", "0.25"],
            "seen": ["29/02/2024", nil, "01/12/2023"], "smoker": ["N", "Y", nil], "stage": ["1", "4", "2"],
            "note": ["x", "anything", nil],
        ]
        for (k, v) in changes { columns[k] = v }
        let names = schema.columns.map(\.name)
        return Table(columnNames: names, columns: names.map { columns[$0]! })
    }

    private func failure(_ table: Table) throws -> DataError {
        try #require(throws: DataError.self) { try schema.validate(table, file: "data.csv") }
    }

    @Test func validTableAndMissingCellsPass() throws {
        try schema.validate(table(), file: "data.csv")
    }

    @Test func badNumberNamesLineColumnAndExpectation() throws {
        let e = try failure(table(["bili": ["1.5", "2", "high"]]))
        #expect(e == DataError(file: "data.csv", line: 4, column: 3, columnName: "bili", "'high' is not a number"))
        #expect(e.description == "data.csv:4:3 (column 'bili'): 'high' is not a number")
    }

    @Test func integerColumnRejectsFractions() throws {
        let e = try failure(table(["age": ["40", "51.5", nil]]))
        #expect(e.line == 3 && e.column == 2)
        #expect(e.message.contains("not a whole number"))
        try schema.validate(table(["age": ["40", "51.0", nil]]))
    }

    @Test func badDateUsesTheDeclaredFormat() throws {
        let e = try failure(table(["seen": ["29/02/2023", nil, "2023-12-01"]]))
        #expect(e.line == 2 && e.column == 4 && e.columnName == "seen")
        #expect(e.message == "'29/02/2023' is not a date in the format '%d/%m/%Y'")
    }

    @Test func booleanAndCategoryValues() throws {
        var e = try failure(table(["smoker": ["N", "yes", nil]]))
        #expect(e.message == "'yes' is not 'N' or 'Y'")
        e = try failure(table(["stage": ["1", "4", "5"]]))
        #expect(e.line == 4 && e.column == 6)
        #expect(e.message == "'5' is not one of the categories '1', '2', '3', '4'")
    }

    /// The earliest bad cell in file order wins, whatever column it is in.
    @Test func reportsTheEarliestBadCell() throws {
        let e = try failure(table(["stage": ["1", "9", "9"], "bili": ["1", "2", "x"], "smoker": ["N", "Y", "?"]]))
        #expect(e.line == 3 && e.column == 6)
        let tie = try failure(table(["stage": ["9", "1", "1"], "age": ["x", "1", "1"]]))
        #expect(tie.line == 2 && tie.column == 2)
    }

    @Test func columnsMissingOrExtra() throws {
        var t = table()
        t.removeColumn("bili")
        var e = try failure(t)
        #expect(e == DataError(file: "data.csv", columnName: "bili", "column 'bili' is in the schema but not in the data"))
        t = table()
        t.setColumn("extra", ["1", "2", "3"])
        e = try failure(t)
        #expect(e.line == 1 && e.column == 8 && e.columnName == "extra")
        #expect(e.message.hasPrefix("column 'extra' is in the data but not in the schema"))
    }

    @Test func schemaProblems() throws {
        func problem(_ s: Schema) throws -> String {
            try #require(throws: DataError.self) { try s.check() }.message
        }
        let a = ColumnSchema(name: "a", type: .numerical)
        let c = ColumnSchema(name: "c", type: .categorical)
        #expect(try problem(Schema(columns: [a, a])) == "column 'a' appears twice in the schema")
        #expect(try problem(Schema(columns: [ColumnSchema(name: "d", type: .datetime)])).contains("needs a 'format'"))
        #expect(try problem(Schema(columns: [ColumnSchema(name: "d", type: .datetime, format: "%Q")]))
            .contains("%Q is not supported"))
        #expect(try problem(Schema(columns: [ColumnSchema(name: "b", type: .boolean, booleanTokens: ["Y", "Y"])]))
            .contains("two different spellings"))
        #expect(try problem(Schema(columns: [ColumnSchema(name: "p", type: .pii)])).contains("needs a 'piiKind'"))
        #expect(try problem(Schema(columns: [ColumnSchema(name: "a", type: .numerical, minimum: 5, maximum: 1)]))
            == "'minimum' 5 is greater than 'maximum' 1")
        #expect(try problem(Schema(columns: [a], constraints: [.fixedCombinations(columns: ["a", "zz"])]))
            == "constraint fixedCombinations [\"a\", \"zz\"]: no column named 'zz' in the schema")
        #expect(try problem(Schema(columns: [a], constraints: [.valueInequality(column: "b", op: .lessThan, value: "1")]))
            == "constraint \"b < 1\": no column named 'b' in the schema")
        #expect(try problem(Schema(columns: [a, c], constraints: [.columnInequality(left: "a", op: .lessThan, right: "c")]))
            .contains("'a' is numerical and 'c' is categorical"))
        #expect(try problem(Schema(columns: [c], constraints: [.valueInequality(column: "c", op: .lessThan, value: "x")]))
            .contains("needs a numerical or datetime column"))
        let d = ColumnSchema(name: "d", type: .datetime, format: "%Y-%m-%d")
        #expect(try problem(Schema(columns: [d], constraints: [.valueInequality(column: "d", op: .lessThan, value: "2020-02-30")]))
            == "constraint \"d < '2020-02-30'\": '2020-02-30' is not a date in the format '%Y-%m-%d'")
        try Schema(columns: [a, c, d], constraints: [.valueInequality(column: "c", op: .equal, value: "x"),
                                                    .valueInequality(column: "d", op: .greaterOrEqual, value: "2020-02-29"),
                                                    .fixedCombinations(columns: ["a", "c"])]).check()
    }

    @Test func validateChecksTheSchemaFirst() throws {
        let bad = Schema(columns: [ColumnSchema(name: "a", type: .numerical)],
                         constraints: [.columnInequality(left: "a", op: .greaterThan, right: "nope")])
        let e = try #require(throws: DataError.self) {
            try bad.validate(makeTable(["a": ["1"]]), file: "f.csv")
        }
        #expect(e.file == "f.csv")
        #expect(e.message.contains("no column named 'nope'"))
    }
}

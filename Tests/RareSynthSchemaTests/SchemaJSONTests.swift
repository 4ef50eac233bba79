import Foundation
import RareSynthTable
import Testing
@testable import RareSynthSchema

@Suite struct SchemaJSONTests {
    private let schema = Schema(
        columns: [
            ColumnSchema(name: "id", type: .identifier, onOutput: .regenerate, repeated: true),
            ColumnSchema(name: "birth_date", type: .datetime, format: "%d/%m/%Y"),
            ColumnSchema(name: "diagnosis_date", type: .datetime, format: "%d/%m/%Y"),
            ColumnSchema(name: "time", type: .numerical, integer: false, decimals: 2, minimum: 0.5, maximum: 4795),
            ColumnSchema(name: "status", type: .categorical, categories: ["0", "1", "2"]),
            ColumnSchema(name: "smoker", type: .boolean, booleanTokens: ["N", "Y"]),
            ColumnSchema(name: "email", type: .pii, onOutput: .drop, piiKind: .email),
            ColumnSchema(name: "arm", type: .categorical),
        ],
        constraints: [
            .columnInequality(left: "diagnosis_date", op: .greaterOrEqual, right: "birth_date"),
            .valueInequality(column: "time", op: .greaterThan, value: "0"),
            .valueInequality(column: "diagnosis_date", op: .lessThan, value: "01/01/2030"),
            .fixedCombinations(columns: ["status", "arm"]),
        ])

    /// The exact layout: fixed key order (`name`, `type` first), one column per line, `/` unescaped.
    @Test func readableStableLayout() throws {
        let expected = """
            {
              "version": 1,
              "columns": [
                {"name": "id", "type": "identifier", "onOutput": "regenerate", "repeated": true},
                {"name": "birth_date", "type": "datetime", "format": "%d/%m/%Y"},
                {"name": "diagnosis_date", "type": "datetime", "format": "%d/%m/%Y"},
                {"name": "time", "type": "numerical", "integer": false, "decimals": 2, "minimum": 0.5, "maximum": 4795},
                {"name": "status", "type": "categorical", "categories": ["0", "1", "2"]},
                {"name": "smoker", "type": "boolean", "booleanTokens": ["N", "Y"]},
                {"name": "email", "type": "pii", "onOutput": "drop", "piiKind": "email"},
                {"name": "arm", "type": "categorical"}
              ],
              "constraints": [
                {"inequality": "diagnosis_date >= birth_date"},
                {"inequality": "time > 0"},
                {"inequality": "diagnosis_date < '01/01/2030'"},
                {"fixedCombinations": ["status", "arm"]}
              ]
            }

            """
        #expect(try schema.jsonText() == expected)
    }

    @Test func roundTripsThroughOurTextAndThroughFoundation() throws {
        #expect(try Schema(json: try schema.jsonData()) == schema)
        let foundation = try JSONEncoder().encode(schema)
        #expect(try JSONDecoder().decode(Schema.self, from: foundation) == schema)
    }

    @Test func longColumnsWrap() throws {
        let wide = Schema(columns: [ColumnSchema(name: "c", type: .categorical,
                                                 categories: (0..<40).map { "category-\($0)" })])
        let text = try wide.jsonText()
        #expect(text.contains("    {\n      \"name\": \"c\",\n      \"type\": \"categorical\",\n      \"categories\": [\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 120 })
        #expect(try Schema(json: Data(text.utf8)) == wide)
    }

    @Test func nonFiniteBoundsCannotBeWritten() {
        let bad = Schema(columns: [ColumnSchema(name: "x", type: .numerical, maximum: .infinity)])
        #expect(throws: DataError.self) { try bad.jsonText() }
    }

    @Test func rightSideIsAColumnOnlyWhenTheSchemaHasIt() throws {
        let json = """
            {"version": 1,
             "columns": [{"name": "a", "type": "numerical"}, {"name": "d", "type": "datetime", "format": "%Y-%m-%d"},
                         {"name": "c", "type": "categorical"}],
             "constraints": [{"inequality": "a<=a"}, {"inequality": "d >= 2020-01-01"},
                             {"inequality": "c = 'c'"}, {"inequality": "a == -1.5"}]}
            """
        let decoded = try Schema(json: Data(json.utf8))
        #expect(decoded.constraints == [
            .columnInequality(left: "a", op: .lessOrEqual, right: "a"),
            .valueInequality(column: "d", op: .greaterOrEqual, value: "2020-01-01"),
            .valueInequality(column: "c", op: .equal, value: "c"),
            .valueInequality(column: "a", op: .equal, value: "-1.5"),
        ])
    }

    @Test func standaloneConstraintCoding() throws {
        let decoded = try JSONDecoder().decode([Constraint].self, from: Data("""
            [{"inequality": "x > y"}, {"inequality": "x > 3"}, {"inequality": "x > 'it''s'"}, {"fixedCombinations": ["a", "b"]}]
            """.utf8))
        #expect(decoded == [.columnInequality(left: "x", op: .greaterThan, right: "y"),
                            .valueInequality(column: "x", op: .greaterThan, value: "3"),
                            .valueInequality(column: "x", op: .greaterThan, value: "it's"),
                            .fixedCombinations(columns: ["a", "b"])])
        #expect(decoded[2].inequalityText == "x > 'it''s'")
    }

    private func decodingError(_ json: String) throws -> DataError {
        try #require(throws: DataError.self) { try Schema(json: Data(json.utf8), file: "s.json") }
    }

    @Test func malformedConstraintsAreClearErrors() throws {
        let columns = #""columns": [{"name": "a", "type": "numerical"}, {"name": "b", "type": "numerical"}]"#
        var e = try decodingError(#"{\#(columns), "constraints": [{"inequality": "a >"}]}"#)
        #expect(e.description.hasPrefix("s.json: constraints[0].inequality: expected 'column op column' or 'column op value'"))
        e = try decodingError(#"{\#(columns), "constraints": [{"inequality": "a b"}]}"#)
        #expect(e.message.contains("found 'a b'"))
        e = try decodingError(#"{\#(columns), "constraints": [{"fixedCombinations": "a"}]}"#)
        #expect(e.message == "constraints[0].fixedCombinations: expected a list")
        e = try decodingError(#"{\#(columns), "constraints": [{"fixedCombinations": ["a"]}]}"#)
        #expect(e.message.contains("at least two different column names"))
        e = try decodingError(#"{\#(columns), "constraints": [{"unique": ["a"]}]}"#)
        #expect(e.message.hasPrefix("constraints[0]: expected an object with one key, 'inequality'"))
        e = try decodingError(#"{\#(columns), "constraints": [{"inequality": "a > c"}]}"#)
        // `c` is not a column, so it is a literal, and not a number.
        #expect(e.message == "constraint \"a > 'c'\": 'c' is not a number")
    }

    @Test func decodingErrorsNameThePathAndWhatWasExpected() throws {
        var e = try decodingError(#"{"columns": [{"name": "a", "type": "number"}]}"#)
        #expect(e.message == "columns[0].type: expected one of numerical, categorical, boolean, datetime, identifier, pii, found 'number'")
        e = try decodingError(#"{"columns": [{"name": "a", "type": "numerical", "minimun": 3}]}"#)
        #expect(e.message.hasPrefix("columns[0].minimun: unknown key 'minimun'; expected one of name, type, integer"))
        e = try decodingError(#"{"columns": [{"name": "a", "type": "numerical", "minimum": "low"}]}"#)
        #expect(e.message == "columns[0].minimum: expected a number")
        e = try decodingError(#"{"columns": [{"type": "numerical"}]}"#)
        #expect(e.message == "columns[0]: missing key 'name'")
        e = try decodingError(#"{"columns": [{"name": "a", "type": "pii", "piiKind": "dna"}]}"#)
        #expect(e.message.contains("expected one of name, email, phone, address, record_number, free_text"))
        e = try decodingError(#"{"version": 9, "columns": []}"#)
        #expect(e.message == "version: expected version 1 to 1, found 9")
        e = try decodingError(#"{"columns": [}"#)
        #expect(e.message == "not valid JSON")
        e = try decodingError(#"{"columns": {}}"#)
        #expect(e.message == "columns: expected a list")
    }

    @Test func loadReadsAFileAndReportsAMissingOne() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UInt64.random(in: 0...UInt64.max)).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try schema.jsonData().write(to: URL(fileURLWithPath: path))
        #expect(try Schema.load(path: path) == schema)
        let missing = try #require(throws: DataError.self) { try Schema.load(path: path + ".nope") }
        #expect(missing.file == path + ".nope")
        #expect(missing.message == "no such schema file")
    }
}

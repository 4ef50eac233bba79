import Foundation
import Testing
@testable import RareSynthTable

/// One JSON object per row, keys in column order, values by `JSONValueKind`.
@Suite struct JSONLinesWriterTests {
    private func lines(_ table: Table, _ kinds: [JSONValueKind]) throws -> [String] {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try JSONLinesWriter().write(table, kinds: kinds, to: dir.path + "/out.jsonl")
        let text = try readText(dir.path + "/out.jsonl")
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func writesNumbersBooleansStringsAndNulls() throws {
        let table = Table(columnNames: ["age", "alive", "name"], columns: [
            ["58.5", "-1e3", nil, "1,5"], ["TRUE", "f", "0", "maybe"], ["Ann", nil, "", "7"],
        ])
        #expect(try lines(table, [.number, .boolean, .string]) == [
            #"{"age":58.5,"alive":true,"name":"Ann"}"#,
            #"{"age":-1e3,"alive":false,"name":null}"#,
            #"{"age":null,"alive":false,"name":""}"#,
            #"{"age":"1,5","alive":"maybe","name":"7"}"#,
        ])
    }

    @Test(arguments: [
        ("0", true), ("-0", true), ("12", true), ("1.25", true), ("1e5", true), ("-2.5E-3", true), ("1E+2", true),
        ("+1", false), (".5", false), ("1.", false), ("007", false), ("1e", false), ("NaN", false),
        ("inf", false), ("", false), ("1 ", false), ("0x10", false), ("--1", false),
    ])
    func numbersFollowTheJSONGrammar(_ text: String, _ valid: Bool) throws {
        var copy = text
        #expect(copy.withUTF8 { JSONScalar.isNumber($0) } == valid)
    }

    @Test func escapesStringsAndKeys() throws {
        let table = Table(columnNames: ["we\"ird\\key"], columns: [["q\"b\\n\nr\rt\t\u{01}é😀"]])
        let line = try #require(try lines(table, [.string]).first)
        #expect(line == #"{"we\"ird\\key":"q\"b\\n\nr\rt\t\u0001é😀"}"#)
        // An independent parser agrees on the decoded value.
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        #expect(object == ["we\"ird\\key": "q\"b\\n\nr\rt\t\u{01}é😀"])
    }

    @Test func keysKeepColumnOrder() throws {
        let table = Table(columnNames: ["z", "a", "m"], columns: [["1"], ["2"], ["3"]])
        #expect(try lines(table, [.number, .number, .number]) == [#"{"z":1,"a":2,"m":3}"#])
    }

    @Test func emptyTableWritesNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try JSONLinesWriter().write(Table(columnNames: ["a"]), kinds: [.string], to: dir.path + "/e.jsonl")
        #expect(try readText(dir.path + "/e.jsonl") == "")
    }
}

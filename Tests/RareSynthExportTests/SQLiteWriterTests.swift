import Foundation
import GRDB
import RareSynthTable
import Testing
@testable import RareSynthExport

/// The SQLite hand-over, read back through GRDB.
@Suite struct SQLiteWriterTests {
    private typealias Table = RareSynthTable.Table

    private func rows(_ path: String, _ sql: String) throws -> [Row] {
        let database = try DatabaseQueue(path: path)
        defer { try? database.close() }
        return try database.read { try Row.fetchAll($0, sql: sql) }
    }

    @Test func writesTypedValuesAndNulls() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let table = Table(columnNames: ["id", "bili", "sex"], columns: [
            ["1", "2", "-3", nil], ["14.5", "1e-2", nil, "7"], ["f", nil, "", "m"],
        ])
        let path = dir.path + "/out.sqlite"
        try SQLiteWriter.write(table, named: "pbc", columnTypes: [.integer, .real, .text], to: path)

        let declared = try rows(path, "PRAGMA table_info(pbc)").map { [$0["name"] as String, $0["type"] as String] }
        #expect(declared == [["id", "INTEGER"], ["bili", "REAL"], ["sex", "TEXT"]])

        let stored = try rows(path, """
            SELECT typeof(id), id, typeof(bili), bili, typeof(sex), sex FROM pbc ORDER BY rowid
            """)
        #expect(stored.map { $0[0] as String } == ["integer", "integer", "integer", "null"])
        #expect(stored.map { $0[1] as Int64? } == [1, 2, -3, nil])
        #expect(stored.map { $0[2] as String } == ["real", "real", "null", "real"])
        #expect(stored.map { $0[3] as Double? } == [14.5, 0.01, nil, 7])
        #expect(stored.map { $0[4] as String } == ["text", "null", "text", "text"])
        #expect(stored.map { $0[5] as String? } == ["f", nil, "", "m"])
        #expect(try dir.contents() == ["out.sqlite"])
    }

    @Test func integralRealsAreIntegers() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let table = Table(columnNames: ["n"], columns: [["1e+05", "3.0", "+7", "-0", "9223372036854775807"]])
        let path = dir.path + "/n.sqlite"
        try SQLiteWriter.write(table, named: "t", columnTypes: [.integer], to: path)
        let stored = try rows(path, "SELECT typeof(n), n FROM t ORDER BY rowid")
        #expect(stored.allSatisfy { $0[0] as String == "integer" })
        #expect(stored.map { $0[1] as Int64 } == [100_000, 3, 7, 0, .max])
    }

    @Test func identifiersAreQuotedSafely() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let hostile = #"a"b; DROP TABLE x; --"#
        let table = Table(columnNames: [hostile, "select", "with space"], columns: [["1"], ["2"], ["3"]])
        let path = dir.path + "/q.sqlite"
        try SQLiteWriter.write(table, named: "my \"table\"", columnTypes: [.text, .text, .text], to: path)
        let names = try rows(path, #"PRAGMA table_info("my ""table""")"#).map { $0["name"] as String }
        #expect(names == [hostile, "select", "with space"])
        #expect(try rows(path, #"SELECT * FROM "my ""table""""#).map { $0[0] as String } == ["1"])
    }

    @Test func cellOfTheWrongTypeIsADataErrorAndLeavesNoFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let table = Table(columnNames: ["id", "age"], columns: [["1", "2", "3"], ["50", "3.5", "x"]])
        let path = dir.path + "/bad.sqlite"
        let error = #expect(throws: DataError.self) {
            try SQLiteWriter.write(table, named: "t", columnTypes: [.integer, .integer], to: path)
        }
        #expect(error?.file == path)
        #expect(error?.column == 2)
        #expect(error?.columnName == "age")
        #expect(error?.message == "table 't' row 2: expected an integer, found '3.5'")
        #expect(try dir.contents() == [])

        let realError = #expect(throws: DataError.self) {
            try SQLiteWriter.write(table, named: "t", columnTypes: [.integer, .real], to: path)
        }
        #expect(realError?.message == "table 't' row 3: expected a real number, found 'x'")
        #expect(try dir.contents() == [])
    }

    @Test func existingDestinationIsReplacedWhole() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/db.sqlite"
        try SQLiteWriter.write(Table(columnNames: ["a"], columns: [["1"]]), named: "old",
                               columnTypes: [.integer], to: path)
        try SQLiteWriter.write(Table(columnNames: ["b"], columns: [["x", "y"]]), named: "new",
                               columnTypes: [.text], to: path)
        let tables = try rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'").map { $0[0] as String }
        #expect(tables == ["new"])
        #expect(try rows(path, "SELECT count(*) FROM new").first?[0] == 2)
        #expect(try dir.contents() == ["db.sqlite"])
    }

    @Test func failedWriteKeepsTheOldDatabase() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/db.sqlite"
        try SQLiteWriter.write(Table(columnNames: ["a"], columns: [["1"]]), named: "old",
                               columnTypes: [.integer], to: path)
        #expect(throws: DataError.self) {
            try SQLiteWriter.write(Table(columnNames: ["a"], columns: [["x"]]), named: "new",
                                   columnTypes: [.real], to: path)
        }
        #expect(try rows(path, "SELECT a FROM old").first?[0] == 1)
        #expect(try dir.contents() == ["db.sqlite"])
    }

    @Test func writesSeveralTablesIntoOneFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/cdm.sqlite"
        try SQLiteWriter.write([
            .init(name: "person", table: Table(columnNames: ["person_id"], columns: [["1", "2"]]),
                  columnTypes: [.integer]),
            .init(name: "empty", table: Table(columnNames: ["x", "y"]), columnTypes: [.real, .text]),
        ], to: path)
        #expect(try rows(path, "SELECT count(*) FROM person").first?[0] == 2)
        #expect(try rows(path, "SELECT count(*) FROM empty").first?[0] == 0)
    }

    @Test func unwritablePathIsADataErrorNamingIt() throws {
        let error = #expect(throws: DataError.self) {
            try SQLiteWriter.write(Table(columnNames: ["a"]), named: "t", columnTypes: [.text],
                                   to: "/nonexistent/dir/out.sqlite")
        }
        #expect(error?.file == "/nonexistent/dir/out.sqlite")
    }

    @Test func nulInAnIdentifierIsRejected() throws {
        let error = #expect(throws: DataError.self) {
            // Rejected before any file is created.
            try SQLiteWriter.write(Table(columnNames: ["a\u{0}b"]), named: "t", columnTypes: [.text],
                                   to: "/nonexistent/never.sqlite")
        }
        #expect(error?.message.contains("NUL") == true)
    }

    @Test func pbcExampleRoundTrips() throws {
        let table = try CSVReader.readTable(path: "\(examplesDirectory)/pbc.csv")
        // Each column's type from its cells: all integers, else all reals, else text.
        let types: [SQLiteColumnType] = table.columns.map { cells in
            let present = cells.compactMap { $0 }
            if present.allSatisfy({ Int64($0) != nil }) { return .integer }
            if present.allSatisfy({ Double($0) != nil }) { return .real }
            return .text
        }
        #expect(types[table.index(of: "sex")!] == .text)
        #expect(types[table.index(of: "bili")!] == .real)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/pbc.sqlite"
        try SQLiteWriter.write(table, named: "pbc", columnTypes: types, to: path)
        #expect(try rows(path, "SELECT count(*) FROM pbc").first?[0] == 418)
        #expect(try rows(path, "SELECT count(*) FROM pbc WHERE trt IS NULL").first?[0] == 106)
        let bili = try rows(path, "SELECT bili FROM pbc ORDER BY rowid").map { $0[0] as Double? }
        #expect(bili == table[column: "bili"]!.map { $0.flatMap(Double.init) })
    }
}

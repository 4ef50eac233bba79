import FixtureSupport
import Foundation
import GRDB
import Testing
@testable import RareSynthExport

/// The CDM definition generated from OHDSI's DDL (scripts/omop/make_ddl.py) against OHDSI's other
/// statement of the same model, the field-level specification
/// `inst/csv/OMOP_CDMv5.4_Field_Level.csv` (OHDSI/CommonDataModel f853f6e3; Fixtures/):
/// every table, column, required flag, primary key and foreign key.
@Suite struct OMOPCDM54Tests {
    static let fields: [[String: String]] = {
        let url = Bundle.module.url(forResource: "OMOP_CDMv5.4_Field_Level", withExtension: "csv", subdirectory: "Fixtures")!
        let (header, columns) = FixtureCSV.parse(try! String(contentsOf: url, encoding: .utf8))
        return (0..<columns[0].count).map { r in
            // The CSV spells note_nlp's keyword column with its SQL quotes ("offset").
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, (columns[$0][r] ?? "").trimmingCharacters(in: ["\""])) })
        }.filter { !($0["cdmTableName"] ?? "").isEmpty }
    }()

    @Test func everyTableAndColumnIsOHDSIs() {
        var expected: [String: [String]] = [:]
        for f in Self.fields { expected[f["cdmTableName"]!.lowercased(), default: []].append(f["cdmFieldName"]!.lowercased()) }
        #expect(Set(OMOPCDM54.tables.map(\.name)) == Set(expected.keys))
        for table in OMOPCDM54.tables {
            #expect(table.columns.map(\.name) == expected[table.name], "\(table.name)")
        }
    }

    @Test func requiredFlagsAndKeysAreOHDSIs() {
        for f in Self.fields {
            let table = OMOPCDM54.table(f["cdmTableName"]!.lowercased())
            let name = f["cdmFieldName"]!.lowercased()
            let column = table.columns[table.index(of: name)]
            #expect(column.required == (f["isRequired"] == "Yes"), "\(table.name).\(name)")
            #expect((table.primaryKey?.column == name) == (f["isPrimaryKey"] == "Yes"), "\(table.name).\(name) primary key")
            let key = table.foreignKeys.first { $0.column == name }
            if f["isForeignKey"] == "Yes" {
                #expect(key?.table == f["fkTableName"]!.lowercased() && key?.referencedColumn == f["fkFieldName"]!.lowercased(),
                        "\(table.name).\(name) → \(f["fkTableName"]!).\(f["fkFieldName"]!)")
            } else {
                #expect(key == nil, "\(table.name).\(name) has no foreign key in OHDSI's specification")
            }
        }
    }

    /// SQLite accepts the DDL, and reports every key back.
    @Test func theSQLiteDDLCreatesEveryTableWithItsKeys() throws {
        let db = try DatabaseQueue()
        try db.write { db in
            for statement in OMOPCDM54.sqliteCreateStatements() + OMOPCDM54.sqliteIndexStatements() { try db.execute(sql: statement) }
            var foreignKeys = 0, primaryKeys = 0
            for table in OMOPCDM54.tables {
                let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.name))")
                #expect(info.map { $0["name"] as String } == table.columns.map(\.name))
                #expect(info.map { ($0["notnull"] as Int) == 1 } == table.columns.map(\.required), "\(table.name)")
                primaryKeys += info.filter { ($0["pk"] as Int) > 0 }.count
                foreignKeys += try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.name))").count
            }
            #expect(primaryKeys == 28)
            #expect(foreignKeys == 176)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'") == 70)
        }
    }
}

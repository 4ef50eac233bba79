import Foundation
import GRDB
import RareSynthTable
import Testing
@testable import RareSynthExport

@Suite struct OMOPSQLiteWriterTests {
    func scratch() -> String {
        let dir = NSTemporaryDirectory() + "raresynth-omop-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let source = OMOPSource(name: "t", abbreviation: "t", holder: "t", description: "t",
                                   sourceReleaseDate: 19_000, cdmReleaseDate: 19_000)

    func person(_ id: Int, gender: Int) -> [OMOPValue] {
        var row = [OMOPValue](repeating: .null, count: OMOPCDM54.table("person").columns.count)
        row[0] = .integer(id); row[1] = .integer(gender); row[2] = .integer(1990); row[6] = .integer(0); row[7] = .integer(0)
        return row
    }

    /// A row that points at a concept the vocabulary does not hold fails the key check, and no
    /// database (temporary or final) is left; an existing database is kept.
    @Test func aDanglingForeignKeyIsAnErrorAndWritesNothing() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var vocabulary = OMOPVocabulary()
        vocabulary.use(8507)
        let path = "\(dir)/cdm.sqlite"
        try OMOPSQLiteWriter.write(to: path, vocabulary: vocabulary, source: Self.source) { loader in
            try loader.sink(for: "person").insert(person(1, gender: 8507))
        }
        let good = try #require(FileManager.default.contents(atPath: path))
        let error = #expect(throws: DataError.self) {
            try OMOPSQLiteWriter.write(to: path, vocabulary: vocabulary, source: Self.source) { loader in
                try loader.sink(for: "person").insert(person(1, gender: 8532))
            }
        }
        #expect(error?.description.contains("table 'person' row 1 refers to a missing 'concept' row") == true, "\(String(describing: error))")
        #expect(FileManager.default.contents(atPath: path) == good)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["cdm.sqlite"])
        let db = try DatabaseQueue(path: path)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT gender_concept_id FROM person") } == 8507)
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT concept_name FROM concept WHERE concept_id = 8507") } == "MALE")
    }

    @Test func datesAreStoredAsISOText() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var vocabulary = OMOPVocabulary()
        vocabulary.use(8532)
        try OMOPSQLiteWriter.write(to: "\(dir)/c.sqlite", vocabulary: vocabulary, source: Self.source) { loader in
            try loader.sink(for: "person").insert(person(7, gender: 8532))
            try loader.sink(for: "observation_period").insert([.integer(1), .integer(7), .date(CivilDate.day(iso: "2001-02-03")!),
                                                                   .date(CivilDate.day(iso: "2020-12-31")!), .integer(0)])
        }
        let db = try DatabaseQueue(path: "\(dir)/c.sqlite")
        let row = try #require(try db.read { try Row.fetchOne($0, sql: """
            SELECT observation_period_start_date, typeof(observation_period_start_date), julianday(observation_period_end_date)
              - julianday(observation_period_start_date) FROM observation_period
            """) })
        #expect(row[0] as String == "2001-02-03" && row[1] as String == "text")
        #expect(row[2] as Double == Double(CivilDate.day(iso: "2020-12-31")! - CivilDate.day(iso: "2001-02-03")!))
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT source_release_date FROM cdm_source") } == CivilDate.iso(19_000))
    }
}

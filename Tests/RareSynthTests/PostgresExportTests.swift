import Foundation
import GRDB
import RareSynth
import Testing

/// OMOP CDM v5.4 into a real PostgreSQL server (a throwaway cluster this test starts and stops):
/// the same rows as the SQLite export, OHDSI's keys in place, one transaction that a failure
/// rolls back, and clear errors for an unreachable server.
@Suite(.serialized) struct PostgresExportTests {
    @Test func aCohortLoadsByCopyWithItsKeysAndAFailureRollsBack() async throws {
        let (server, reason) = try ThrowawayPostgres.start()
        guard let server else {
            print("PostgresExportTests skipped: \(reason!)")
            return
        }
        defer { server.stop() }
        let dir = TestSupport.scratch("pg")
        defer { TestSupport.cleanUp(dir) }
        let spec = "\(TestSupport.root)/specs/sickle-cell-disease.yaml"
        _ = try await Simulation(specPath: spec, outputDirectory: nil, postgres: try PostgresTarget(url: server.url + "?schema=cdm"),
                                 patients: 1500, seed: 5, format: .omopPostgres).run()
        _ = try await Simulation(specPath: spec, outputDirectory: dir, patients: 1500, seed: 5, format: .omopSQLite).run()
        let sqlite = try DatabaseQueue(path: "\(dir)/omop.sqlite")
        for table in ["person", "observation_period", "visit_occurrence", "condition_occurrence", "measurement", "death", "concept"] {
            let expected = try await sqlite.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") }
            #expect(try server.query("SELECT count(*) FROM cdm.\(table)") == String(expected!), "\(table)")
        }
        let checksum = "SELECT sum(person_id * 7 + gender_concept_id + year_of_birth) FROM person"
        let local = try await sqlite.read { try Int.fetchOne($0, sql: checksum) }
        #expect(try server.query(checksum.replacingOccurrences(of: "FROM person", with: "FROM cdm.person")) == String(local!))
        #expect(try server.query("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'cdm'") == "39")
        #expect(try server.query("""
            SELECT count(*) FROM information_schema.table_constraints WHERE table_schema = 'cdm' AND constraint_type = 'FOREIGN KEY'
            """) == "176")
        #expect(try server.query("""
            SELECT count(*) FROM information_schema.table_constraints WHERE table_schema = 'cdm' AND constraint_type = 'PRIMARY KEY'
            """) == "28")
        #expect(try server.query("SELECT min(measurement_date)::text FROM cdm.measurement").count == 10)

        // A row pointing at a concept the vocabulary lacks: the foreign key fails, and the schema is as it was.
        let target = try PostgresTarget(url: server.url + "?schema=cdm")
        var vocabulary = OMOPVocabulary()
        vocabulary.use(8507)
        let source = OMOPSource(name: "t", abbreviation: "t", holder: "t", description: "t", sourceReleaseDate: 0, cdmReleaseDate: 0)
        let error = await #expect(throws: DataError.self) {
            try await OMOPPostgresWriter.write(to: target, vocabulary: vocabulary, source: source) { loader in
                var row = [OMOPValue](repeating: .null, count: OMOPCDM54.table("person").columns.count)
                row[0] = .integer(1); row[1] = .integer(8532); row[2] = .integer(1990); row[6] = .integer(0); row[7] = .integer(0)
                try loader.sink(for: "person").insert(row)
            }
        }
        #expect(error?.description.contains("foreign key") == true, "\(String(describing: error))")
        #expect(try server.query("SELECT count(*) FROM cdm.person") == "1500")

        // An unreachable server is an error before any patient is drawn.
        let unreachable = try PostgresTarget(url: "postgres://raresynth@127.0.0.1:\(ThrowawayPostgres.freePort())/postgres")
        let refused = await #expect(throws: DataError.self) {
            _ = try await Simulation(specPath: spec, outputDirectory: nil, postgres: unreachable, patients: 10, format: .omopPostgres).run()
        }
        #expect(refused?.description.contains("cannot connect to PostgreSQL at postgres://raresynth@127.0.0.1") == true,
                "\(String(describing: refused))")
    }

    @Test func badURLsAreExplained() throws {
        #expect(throws: DataError.self) { try PostgresTarget(url: "mysql://a@b/c") }
        #expect(throws: DataError.self) { try PostgresTarget(url: "postgres://host/db") }
        #expect(throws: DataError.self) { try PostgresTarget(url: "postgres://u@host/db?schema=Bad-Name") }
        #expect(try PostgresTarget(url: "postgres://u:secret@h:6543/db?schema=omop")
                == PostgresTarget(host: "h", port: 6543, user: "u", password: "secret", database: "db", schema: "omop"))
        #expect(try PostgresTarget(url: "postgres://u:secret@h/db").description == "postgres://u@h:5432/db?schema=cdm")
    }
}

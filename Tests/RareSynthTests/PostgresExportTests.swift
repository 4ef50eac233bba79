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

    /// The omop-csv export loads into PostgreSQL with `\copy … (FORMAT csv, HEADER)` as OHDSI's
    /// tables, OHDSI's primary and foreign keys then hold, and every table has the rows (row for
    /// row, through an order-independent digest of their text) of the SQLite export of the same cohort.
    @Test func omopCSVLoadsWithCopyAndMatchesTheSQLiteExport() throws {
        let (server, reason) = try ThrowawayPostgres.start()
        guard let server else {
            print("PostgresExportTests skipped: \(reason!)")
            return
        }
        defer { server.stop() }
        let dir = TestSupport.scratch("omop-csv")
        defer { TestSupport.cleanUp(dir) }
        let simulator = try CohortSimulator(spec: TestSupport.courseSpec, seed: 3)
        try CohortOMOP.writeCSV(simulator, patients: 600, toDirectory: "\(dir)/omop", threads: 2)
        try CohortOMOP.write(simulator, patients: 600, to: "\(dir)/omop.sqlite", threads: 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/omop").count == 39)

        let statements = OMOPCDM54.postgresStatements(schema: "csv")
        var script = "CREATE SCHEMA csv;\n" + statements.tables.map { $0 + ";\n" }.joined()
        for table in OMOPCDM54.tables {
            script += "\\copy csv.\(table.name) FROM '\(dir)/omop/\(table.name).csv' WITH (FORMAT csv, HEADER)\n"
        }
        script += (statements.keys).map { $0 + ";\n" }.joined()
        try server.script(script)

        let sqlite = try DatabaseQueue(path: "\(dir)/omop.sqlite")
        for table in ["person", "observation_period", "visit_occurrence", "condition_occurrence", "measurement", "drug_exposure",
                      "procedure_occurrence", "death", "concept", "vocabulary", "domain", "concept_class", "cdm_source"] {
            let columns = OMOPCDM54.table(table).columns
            // A row's text: dates as ISO text, NULL as \N, numbers as integers or with 6 decimals.
            let local = try sqlite.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { row in
                    columns.indices.map { j -> String in
                        switch row[j] as DatabaseValue? {
                        case nil: return "\\N"
                        case let value?:
                            switch value.storage {
                            case .null: return "\\N"
                            case .int64(let v): return String(v)
                            case .double(let v): return String(format: "%.6f", v)
                            case .string(let v): return v
                            case .blob: return "blob"
                            }
                        }
                    }.joined(separator: "|")
                }.sorted()
            }
            let cells = columns.map { c -> String in
                let name = "\"\(c.name)\""
                switch c.type.lowercased() {
                case "numeric", "float": return "coalesce(to_char(\(name), 'FM9999999999990.000000'), '\\N')"
                default: return "coalesce(\(name)::text, '\\N')"
                }
            }
            let remote = try server.query("SELECT \(cells.joined(separator: " || '|' || ")) FROM csv.\(table)")
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init).sorted()
            #expect(remote == (local.isEmpty ? [""] : local), "\(table)")
        }
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

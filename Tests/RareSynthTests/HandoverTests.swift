import Foundation
import GRDB
import RareSynth
import Testing

/// A table handed over through a column mapping: Examples/pbc.csv with Examples/pbc.mapping.yaml
/// as OMOP CDM v5.4 (keys checked, the trial's published counts) and as FHIR R4 that the
/// independent validator accepts.
@Suite struct HandoverTests {
    static let table = TestSupport.example("pbc.csv")
    static let mapping = TestSupport.example("pbc.mapping.yaml")

    @Test func pbcBecomesAnOMOPDatabaseWithTheTrialsCounts() async throws {
        let dir = TestSupport.scratch("handover")
        defer { TestSupport.cleanUp(dir) }
        let result = try await Handover(tablePath: Self.table, mappingPath: Self.mapping, outputDirectory: dir).run()
        #expect(result.patients == 418 && result.dataPath == "\(dir)/omop.sqlite")
        let db = try DatabaseQueue(path: result.dataPath)
        try await db.read { db in
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM person") == 418)
            // R survival's ?pbc: 161 deaths, 25 transplants, 158 randomised to D-penicillamine, 374 women; 160
            // with hepatomegaly (counted in the file with Python's csv module).
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM death") == 161)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM procedure_occurrence WHERE procedure_source_value = 'Liver transplantation'") == 25)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM drug_exposure") == 158)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM condition_occurrence WHERE condition_source_value = 'Hepatomegaly'") == 160)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE gender_concept_id = 8532") == 374)
            // Patient 1: 58.77 years old at entry on 1980-01-01, died 400 days later; bilirubin 14.5 mg/dL.
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT p.year_of_birth, d.death_date, o.observation_period_end_date, m.value_as_number, m.unit_concept_id
                FROM person p JOIN death d USING (person_id) JOIN observation_period o USING (person_id)
                JOIN measurement m USING (person_id) WHERE person_id = 1 AND m.measurement_source_value = '1975-2'
                """))
            #expect(row[0] as Int == 1921 && row[1] as String == "1981-02-04" && row[2] as String == "1981-02-04")
            #expect(row[3] as Double == 14.5 && row[4] as Int == 8840)
            // Platelets map to the standard LOINC concept; the rest keep their code as source value.
            #expect(try Int.fetchOne(db, sql: "SELECT DISTINCT measurement_concept_id FROM measurement WHERE measurement_source_value = '777-3'") == 3_024_929)
            #expect(try String.fetchOne(db, sql: "SELECT source_description FROM cdm_source")?.contains("418 rows of pbc.csv") == true)
        }
    }

    @Test func pbcBecomesFHIRThatValidatesAsR4() async throws {
        let dir = TestSupport.scratch("handover-fhir")
        defer { TestSupport.cleanUp(dir) }
        _ = try await Handover(tablePath: Self.table, mappingPath: Self.mapping, outputDirectory: dir, format: .fhir).run()
        _ = try await Handover(tablePath: Self.table, mappingPath: Self.mapping, outputDirectory: dir, format: .fhirBundle).run()
        let bulk = try CohortFHIRTests().validate("ndjson", "\(dir)/fhir")
        #expect(bulk.status == 0, "\(bulk.output)")
        #expect(bulk.output.contains("\"Patient\": 418"), "\(bulk.output)")
        #expect(bulk.output.contains("\"MedicationRequest\": 158"), "\(bulk.output)")
        let bundles = try CohortFHIRTests().validate("bundles", "\(dir)/fhir-bundles")
        #expect(bundles.status == 0, "\(bundles.output)")
        #expect(bundles.output.contains("\"Bundle\": 418"), "\(bundles.output)")
    }

    @Test func aBadCellWritesNothing() async throws {
        let dir = TestSupport.scratch("handover-bad")
        defer { TestSupport.cleanUp(dir) }
        let text = try String(contentsOfFile: Self.table, encoding: .utf8).replacingOccurrences(of: ",\"f\",", with: ",\"female\",")
        TestSupport.write(text, to: "\(dir)/pbc.csv")
        let error = await #expect(throws: DataError.self) {
            _ = try await Handover(tablePath: "\(dir)/pbc.csv", mappingPath: Self.mapping, outputDirectory: "\(dir)/out").run()
        }
        #expect(error?.description.contains("pbc.csv:2:6 (column 'sex'): the value 'female' is not in the mapping's values (f, m)") == true,
                "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/out"))
    }
}

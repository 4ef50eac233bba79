import Foundation
import GRDB
import RareSynth
import Testing

/// A simulated cohort as an OMOP CDM v5.4 database: the rows are the simulator's patients, every
/// foreign key resolves, no event falls before birth or after death or outside the observation
/// period, and the file does not depend on the thread count.
@Suite struct CohortOMOPTests {
    static let spec = try! CohortSpec.load(path: "\(TestSupport.root)/specs/sickle-cell-disease.yaml")

    @Test func theDatabaseHoldsTheCohortWithConsistentDatesAndKeys() throws {
        let dir = TestSupport.scratch("omop")
        defer { TestSupport.cleanUp(dir) }
        let simulator = try CohortSimulator(spec: Self.spec, seed: 4)
        let n = 3000
        try CohortOMOP.write(simulator, patients: n, to: "\(dir)/one.sqlite", threads: 1)
        try CohortOMOP.write(simulator, patients: n, to: "\(dir)/two.sqlite", threads: 2)
        #expect(TestSupport.bytes("\(dir)/one.sqlite") == TestSupport.bytes("\(dir)/two.sqlite"))
        #expect(TestSupport.files(in: dir) == ["one.sqlite", "two.sqlite"])

        let patients = try simulator.patients(0..<n)
        let db = try DatabaseQueue(path: "\(dir)/one.sqlite")
        try db.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM person") == n)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM death") == patients.filter { $0.deathDate != nil }.count)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM measurement")
                    == patients.reduce(0) { $0 + $1.parameters.compactMap { $0 }.count })
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            // Patient 17 as the simulator drew it.
            let p = patients[16]
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT p.year_of_birth, p.month_of_birth, p.day_of_birth, p.gender_source_value, c.condition_start_date, d.death_date
                FROM person p JOIN condition_occurrence c USING (person_id) LEFT JOIN death d USING (person_id) WHERE person_id = 17
                """))
            let birth = CivilDate.civil(p.birthDate)
            #expect(row[0] as Int == birth.year && row[1] as Int == birth.month && row[2] as Int == birth.day)
            #expect(row[3] as String == Self.spec.population.sex.labels[p.sex])
            #expect(row[4] as String == CivilDate.iso(p.diagnosisDate))
            #expect(row[5] as String? == p.deathDate.map(CivilDate.iso))
            // No event before birth, after death, or outside the person's observation period.
            let birthDate = "printf('%04d-%02d-%02d', p.year_of_birth, p.month_of_birth, p.day_of_birth)"
            for (table, column) in [("condition_occurrence", "condition_start_date"), ("measurement", "measurement_date"),
                                    ("visit_occurrence", "visit_start_date"), ("death", "death_date")] {
                let outside = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM \(table) e JOIN person p USING (person_id) JOIN observation_period o USING (person_id)
                    LEFT JOIN death d USING (person_id)
                    WHERE e.\(column) < \(birthDate) OR e.\(column) > coalesce(d.death_date, '9999-12-31')
                       OR e.\(column) < o.observation_period_start_date OR e.\(column) > o.observation_period_end_date
                    """)
                #expect(outside == 0, "\(table)")
            }
            #expect(try String.fetchOne(db, sql: "SELECT cdm_version FROM cdm_source") == "v5.4")
            // Every concept the rows use is in the concept table with its OHDSI name.
            #expect(try String.fetchOne(db, sql: "SELECT concept_name FROM concept WHERE concept_id = 3000963") == "Hemoglobin [Mass/volume] in Blood")
            #expect(try Int.fetchOne(db, sql: "SELECT count(DISTINCT unit_concept_id) FROM measurement WHERE unit_concept_id > 0") == 2)
        }
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        let dir = TestSupport.scratch("omop-fail")
        defer { TestSupport.cleanUp(dir) }
        var spec = Self.spec
        spec.parameters[0].codes.omopConceptID = 8507   // 'MALE', a Gender concept, given for a measurement
        let simulator = try CohortSimulator(spec: spec, seed: 1)
        let error = #expect(throws: DataError.self) { try CohortOMOP.write(simulator, patients: 10, to: "\(dir)/x.sqlite") }
        #expect(error?.description.contains("a Gender concept, not a Measurement one") == true, "\(String(describing: error))")
        #expect(TestSupport.files(in: dir).isEmpty)
    }

    /// A course's events become visits, measurements, complications, drug exposures and deaths
    /// with their causes; each event's visit belongs to the same person and starts that day.
    @Test func aCourseBecomesVisitsMeasurementsConditionsAndDrugs() throws {
        let spec = TestSupport.courseSpec
        let dir = TestSupport.scratch("omop-course")
        defer { TestSupport.cleanUp(dir) }
        let simulator = try CohortSimulator(spec: spec, seed: 8)
        let n = 1500
        try CohortOMOP.write(simulator, patients: n, to: "\(dir)/c.sqlite", threads: 2)
        let patients = try simulator.patients(0..<n)
        func count(_ test: (ClinicalEvent.Kind) -> Bool) -> Int { patients.reduce(0) { $0 + $1.events.filter { test($0.kind) }.count } }
        let db = try DatabaseQueue(path: "\(dir)/c.sqlite")
        try db.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM visit_occurrence")
                    == n + count { if case .visit = $0 { return true } else { return false } })
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM visit_occurrence WHERE visit_concept_id = 9201")
                    == count { if case .visit(.inpatient, _) = $0 { return true } else { return false } })
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM drug_exposure WHERE drug_source_value = '10627'")
                    == count { if case .drug = $0 { return true } else { return false } })
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM condition_occurrence")
                    == n + count { if case .condition = $0 { return true } else { return false } })
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM measurement")
                    == patients.reduce(0) { $0 + $1.parameters.compactMap { $0 }.count }
                    + count { if case .measurement = $0 { return true } else { return false } })
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM death WHERE cause_source_value = '409622000'")
                    == patients.filter { $0.causeOfDeath != nil }.count)
            #expect(patients.filter { $0.causeOfDeath != nil }.count > 0)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            for (table, date) in [("measurement", "measurement_date"), ("condition_occurrence", "condition_start_date"),
                                  ("drug_exposure", "drug_exposure_start_date")] {
                let mismatched = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM \(table) e JOIN visit_occurrence v USING (visit_occurrence_id)
                    WHERE v.person_id != e.person_id OR v.visit_start_date != e.\(date)
                    """)
                #expect(mismatched == 0, "\(table)")
            }
            let late = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM drug_exposure e LEFT JOIN death d USING (person_id) JOIN observation_period o USING (person_id)
                WHERE e.drug_exposure_end_date > coalesce(d.death_date, o.observation_period_end_date) OR e.drug_exposure_end_date < e.drug_exposure_start_date
                """)
            #expect(late == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT DISTINCT condition_concept_id FROM condition_occurrence WHERE condition_source_value = 'E84.9'") == 441267)
        }
    }
}

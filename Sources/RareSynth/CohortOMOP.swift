import Foundation
import RareSynthExport
import RareSynthNumerics
import RareSynthSimulate
import RareSynthTable

/// A simulated cohort as an OMOP CDM v5.4 database, following OHDSI's conventions (the ones
/// ETL-Synthea uses for EHR-derived records):
///
/// - `person`: sex as gender 8507/8532 (0 unknown), race and ethnicity concepts (0 where OMOP
///   has none: other, unknown), birth year/month/day, the spec's labels as source values.
/// - `observation_period`: from diagnosis (when a registry starts to see the patient) to death
///   or the index date.
/// - `visit_occurrence`: the diagnosing outpatient visit (9202).
/// - `condition_occurrence`: the disease on the diagnosis date, at that visit; its concept is
///   the spec's `omop_concept_id` (0 when it has none) with the ICD-10 code, else SNOMED code,
///   else name as source value.
/// - `measurement`: each clinical value at diagnosis, at that visit, with the UCUM unit's concept.
/// - `death`.
/// Every record's type concept is 32817 ('EHR', the Type Concept vocabulary's generic EHR type):
/// ETL-Synthea uses finer ones (32827 'EHR encounter record', 32882 'Standard algorithm from
/// EHR'), but their full concept rows could not be checked, and the `concept` table carries only
/// rows read from OHDSI's sources. Ids are derived from the person id, so they are the same whatever the thread count.
public enum CohortOMOP {
    static let chunk = 16_384

    public static func write(_ simulator: CohortSimulator, patients count: Int, to path: String, threads: Int? = nil,
                             progress: ((Int) -> Void)? = nil) throws {
        let mapping = try Mapping(spec: simulator.spec)
        let source = OMOPSource(
            name: "\(simulator.spec.name): simulated cohort",
            abbreviation: "RareSynth",
            holder: "RareSynth (synthetic data, no real patients)",
            description: "\(count) patients simulated by RareSynth \(RareSynthVersion.string) from the cohort spec '\(simulator.spec.name)' "
                + "with seed \(simulator.seed). Every patient is synthetic.",
            documentationReference: "specs/README.md",
            sourceReleaseDate: simulator.spec.population.indexDate,
            cdmReleaseDate: simulator.spec.population.indexDate)
        try OMOPSQLiteWriter.write(to: path, vocabulary: mapping.vocabulary, source: source) { loader in
            let tables = try Tables(loader)
            var done = 0
            while done < count {
                let range = done..<Swift.min(count, done + chunk)
                let patients = try simulator.patients(range, threads: threads)
                for patient in patients { try mapping.insert(patient, into: tables) }
                done = range.upperBound
                progress?(done)
            }
        }
    }

    /// The inserters of the tables a cohort fills.
    struct Tables {
        let person, observationPeriod, visit, condition, measurement, death: OMOPSQLiteWriter.Inserter
        init(_ loader: OMOPSQLiteWriter.Loader) throws {
            person = try loader.inserter(for: "person")
            observationPeriod = try loader.inserter(for: "observation_period")
            visit = try loader.inserter(for: "visit_occurrence")
            condition = try loader.inserter(for: "condition_occurrence")
            measurement = try loader.inserter(for: "measurement")
            death = try loader.inserter(for: "death")
        }
    }

    /// Concept ids for the spec's labels and codes, and the vocabulary subset they need.
    struct Mapping {
        static let gender = ["female": 8532, "male": 8507]
        static let race = ["white": 8527, "black": 8516, "asian": 8515, "american_indian_or_alaska_native": 8657,
                           "native_hawaiian_or_other_pacific_islander": 8557]
        static let ethnicity = ["hispanic": 38_003_563, "not_hispanic": 38_003_564]
        static let outpatientVisit = 9202, ehrEncounterRecord = 32817, ehrPeriod = 32817, ehrDeath = 32817

        let spec: CohortSpec
        var vocabulary = OMOPVocabulary()
        let genders: [Int], races: [Int], ethnicities: [Int]
        let diseaseConcept: Int
        let diseaseSource: String
        let parameterConcepts: [Int]
        let parameterSources: [String]
        let unitConcepts: [Int?]

        init(spec: CohortSpec) throws {
            self.spec = spec
            var vocabulary = OMOPVocabulary()
            func standard(_ table: [String: Int], _ labels: [String]) -> [Int] {
                labels.map { label in
                    guard let id = table[label], vocabulary.use(id) else { return 0 }
                    return id
                }
            }
            genders = standard(Self.gender, spec.population.sex.labels)
            races = standard(Self.race, spec.population.race.labels)
            ethnicities = standard(Self.ethnicity, spec.population.ethnicity.labels)
            for id in [Self.outpatientVisit, Self.ehrEncounterRecord, Self.ehrPeriod, Self.ehrDeath] {
                vocabulary.use(id)
            }
            let disease = spec.disease
            diseaseConcept = try Self.concept(disease.codes, name: disease.name, domain: "Condition", vocabularyID: "SNOMED",
                                              code: disease.codes.snomed, conceptClass: "Clinical Finding", into: &vocabulary)
            diseaseSource = disease.codes.icd10 ?? disease.codes.snomed ?? disease.name
            parameterConcepts = try spec.parameters.map { p in
                try Self.concept(p.codes, name: p.label ?? p.name, domain: "Measurement", vocabularyID: "LOINC", code: p.codes.loinc,
                                 conceptClass: "Lab Test", into: &vocabulary)
            }
            parameterSources = spec.parameters.map { $0.codes.loinc ?? $0.name }
            unitConcepts = spec.parameters.map { p in
                guard let unit = p.unit else { return nil }
                guard let id = OMOPVocabulary.unitConcepts[unit] else { return 0 }
                vocabulary.use(id)
                return id
            }
            self.vocabulary = vocabulary
        }

        /// The concept id a spec gives, or the standard concept of its SNOMED or LOINC code; RareSynth's
        /// row for it when known, otherwise a row built from the spec (its name and code); 0 when
        /// neither the spec nor RareSynth's concepts map it.
        static func concept(_ codes: CohortSpec.Codes, name: String, domain: String, vocabularyID: String, code: String?,
                            conceptClass: String, into vocabulary: inout OMOPVocabulary) throws -> Int {
            guard let id = codes.omopConceptID else {
                guard let code, let id = OMOPVocabulary.standardConcept(vocabulary: vocabularyID, code: code) else { return 0 }
                vocabulary.use(id)
                return id
            }
            if let known = OMOPVocabulary.standardConcepts[id] {
                guard known.domain == domain else {
                    throw DataError("concept \(id) given for '\(name)' is '\(known.name)', a \(known.domain) concept, not a \(domain) one")
                }
                vocabulary.use(id)
                return id
            }
            try vocabulary.add(OMOPConcept(id: id, name: name, domain: domain, vocabulary: code == nil ? "None" : vocabularyID,
                                           conceptClass: conceptClass, standard: "S", code: code ?? name))
            return id
        }

        func insert(_ p: SimulatedPatient, into t: Tables) throws {
            let id = p.personID
            let birth = CivilDate.civil(p.birthDate)
            let population = spec.population
            try t.person.insert([
                .integer(id), .integer(genders[p.sex]), .integer(birth.year), .integer(birth.month), .integer(birth.day), .null,
                .integer(races[p.race]), .integer(ethnicities[p.ethnicity]), .null, .null, .null,
                .text(String(id)), .text(population.sex.labels[p.sex]), .integer(0), .text(population.race.labels[p.race]), .integer(0),
                .text(population.ethnicity.labels[p.ethnicity]), .integer(0),
            ])
            let end = p.deathDate ?? population.indexDate
            try t.observationPeriod.insert([.integer(id), .integer(id), .date(p.diagnosisDate), .date(end), .integer(Self.ehrPeriod)])
            try t.visit.insert([
                .integer(id), .integer(id), .integer(Self.outpatientVisit), .date(p.diagnosisDate), .null, .date(p.diagnosisDate), .null,
                .integer(Self.ehrEncounterRecord), .null, .null, .null, .integer(0), .integer(0), .null, .integer(0), .null, .null,
            ])
            try t.condition.insert([
                .integer(id), .integer(id), .integer(diseaseConcept), .date(p.diagnosisDate), .null, .null, .null,
                .integer(Self.ehrEncounterRecord), .integer(0), .null, .null, .integer(id), .null, .text(diseaseSource), .integer(0), .null,
            ])
            let k = spec.parameters.count
            for (j, value) in p.parameters.enumerated() {
                guard let value else { continue }
                let unit = spec.parameters[j].unit
                try t.measurement.insert([
                    .integer((id - 1) * k + j + 1), .integer(id), .integer(parameterConcepts[j]), .date(p.diagnosisDate), .null, .null,
                    .integer(Self.ehrEncounterRecord), .null, .real(value), .null, unitConcepts[j].map(OMOPValue.integer) ?? .null,
                    .null, .null, .null, .integer(id), .null, .text(parameterSources[j]), .integer(0), unit.map(OMOPValue.text) ?? .null,
                    .null, .null, .null, .null,
                ])
            }
            if let death = p.deathDate {
                try t.death.insert([.integer(id), .date(death), .null, .integer(Self.ehrDeath), .integer(0), .null, .integer(0)])
            }
        }
    }
}

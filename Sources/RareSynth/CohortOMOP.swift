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
    static let chunk = 4096

    /// Writes the CDM as one SQLite file (see `OMOPSQLiteWriter`).
    public static func write(_ records: some PatientRecords, to path: String, source: OMOPSource, threads: Int? = nil,
                             progress: ((Int) -> Void)? = nil) throws {
        let mapping = try Mapping(records.dictionary)
        try OMOPSQLiteWriter.write(to: path, vocabulary: mapping.vocabulary, source: source) { loader in
            try load(records, mapping: mapping, into: loader, threads: threads, progress: progress)
        }
    }

    /// Writes the CDM as CSV files, one per table, into the directory `path` (see `OMOPCSVWriter`).
    public static func writeCSV(_ records: some PatientRecords, toDirectory path: String, source: OMOPSource, threads: Int? = nil,
                                progress: ((Int) -> Void)? = nil) throws {
        let mapping = try Mapping(records.dictionary)
        try OMOPCSVWriter.write(toDirectory: path, vocabulary: mapping.vocabulary, source: source) { loader in
            try load(records, mapping: mapping, into: loader, threads: threads, progress: progress)
        }
    }

    public static func write(_ simulator: CohortSimulator, patients count: Int, to path: String, threads: Int? = nil,
                             progress: ((Int) -> Void)? = nil) throws {
        try write(SimulatedCohort(simulator, count: count), to: path, source: source(simulator, count), threads: threads,
                  progress: progress)
    }

    public static func writeCSV(_ simulator: CohortSimulator, patients count: Int, toDirectory path: String, threads: Int? = nil,
                                progress: ((Int) -> Void)? = nil) throws {
        try writeCSV(SimulatedCohort(simulator, count: count), toDirectory: path, source: source(simulator, count), threads: threads,
                     progress: progress)
    }

    /// The vocabulary subset the records' rows use (checked before anything is drawn).
    public static func vocabulary(for dictionary: CohortDictionary) throws -> OMOPVocabulary { try Mapping(dictionary).vocabulary }

    /// The cohort's `cdm_source` row.
    public static func source(_ simulator: CohortSimulator, _ count: Int) -> OMOPSource {
        OMOPSource(
            name: "\(simulator.spec.name): simulated cohort",
            abbreviation: "RareSynth",
            holder: "RareSynth (synthetic data, no real patients)",
            description: "\(count) patients simulated by RareSynth \(RareSynthVersion.string) from the cohort spec '\(simulator.spec.name)' "
                + "with seed \(simulator.seed). Every patient is synthetic.",
            documentationReference: "specs/README.md",
            sourceReleaseDate: simulator.spec.population.indexDate,
            cdmReleaseDate: simulator.spec.population.indexDate)
    }

    /// Reads the records in chunks and writes their rows (not the vocabulary) into `loader`.
    public static func load(_ records: some PatientRecords, into loader: any OMOPLoader, threads: Int? = nil,
                            progress: ((Int) -> Void)? = nil) throws {
        try load(records, mapping: try Mapping(records.dictionary), into: loader, threads: threads, progress: progress)
    }

    static func load(_ records: some PatientRecords, mapping: Mapping, into loader: any OMOPLoader, threads: Int?,
                     progress: ((Int) -> Void)?) throws {
        let tables = try Tables(loader)
        var ids = IDs()
        let count = records.count
        let size = chunk
        // Chunk k + 1 is drawn while chunk k is inserted: the loader stays on this thread.
        try Parallel.pipeline(count: (count + size - 1) / size, produce: { k in
            try records.patients(k * size..<Swift.min(count, (k + 1) * size), threads: threads)
        }, consume: { k, patients in
            for patient in patients { try mapping.insert(patient, into: tables, ids: &ids) }
            progress?(Swift.min(count, (k + 1) * size))
        })
    }

    /// The inserters of the tables a cohort fills.
    struct Tables {
        let person, observationPeriod, visit, condition, measurement, death, drug, procedure: any OMOPRowSink
        init(_ loader: any OMOPLoader) throws {
            drug = try loader.sink(for: "drug_exposure")
            procedure = try loader.sink(for: "procedure_occurrence")
            person = try loader.sink(for: "person")
            observationPeriod = try loader.sink(for: "observation_period")
            visit = try loader.sink(for: "visit_occurrence")
            condition = try loader.sink(for: "condition_occurrence")
            measurement = try loader.sink(for: "measurement")
            death = try loader.sink(for: "death")
        }
    }

    /// The last id given in each event table: ids run in the order rows are written (person by
    /// person), so they are the same whatever the thread count.
    struct IDs {
        var visit = 0, condition = 0, measurement = 0, drug = 0, procedure = 0
    }

    /// Concept ids for the spec's labels and codes, and the vocabulary subset they need.
    struct Mapping {
        static let gender = ["female": 8532, "male": 8507]
        static let race = ["white": 8527, "black": 8516, "asian": 8515, "american_indian_or_alaska_native": 8657,
                           "native_hawaiian_or_other_pacific_islander": 8557]
        static let ethnicity = ["hispanic": 38_003_563, "not_hispanic": 38_003_564]
        static let outpatientVisit = 9202, ehrEncounterRecord = 32817, ehrPeriod = 32817, ehrDeath = 32817
        static let visitConcepts: [Course.VisitKind: Int] = [.outpatient: 9202, .inpatient: 9201, .emergency: 9203]

        let dictionary: CohortDictionary
        var vocabulary = OMOPVocabulary()
        let genders: [Int], races: [Int], ethnicities: [Int]
        let diseaseConcept: Int
        let diseaseSource: String
        let parameterConcepts: [Int]
        let parameterSources: [String]
        let unitConcepts: [Int?]
        let courseConcepts: [Int]
        let courseSources: [String]

        init(_ dictionary: CohortDictionary) throws {
            self.dictionary = dictionary
            var vocabulary = OMOPVocabulary()
            func standard(_ table: [String: Int], _ labels: [String]) -> [Int] {
                labels.map { label in
                    guard let id = table[label], vocabulary.use(id) else { return 0 }
                    return id
                }
            }
            genders = standard(Self.gender, dictionary.sexLabels)
            races = standard(Self.race, dictionary.raceLabels)
            ethnicities = standard(Self.ethnicity, dictionary.ethnicityLabels)
            for id in [Self.ehrEncounterRecord, Self.ehrPeriod, Self.ehrDeath] + Self.visitConcepts.values.sorted() {
                vocabulary.use(id)
            }
            let disease = dictionary.disease
            diseaseConcept = try Self.concept(disease.codes, name: disease.name, domain: "Condition", vocabularyID: "SNOMED",
                                              code: disease.codes.snomed, conceptClass: "Clinical Finding", into: &vocabulary)
            diseaseSource = disease.codes.icd10cm ?? disease.codes.icd10 ?? disease.codes.snomed ?? disease.name
            parameterConcepts = try dictionary.parameters.map { p in
                try Self.concept(p.codes, name: p.label ?? p.name, domain: "Measurement", vocabularyID: "LOINC", code: p.codes.loinc,
                                 conceptClass: "Lab Test", into: &vocabulary)
            }
            parameterSources = dictionary.parameters.map { $0.codes.loinc ?? $0.name }
            unitConcepts = dictionary.parameters.map { p in
                guard let unit = p.unit else { return nil }
                guard let id = OMOPVocabulary.unitConcepts[unit] else { return 0 }
                vocabulary.use(id)
                return id
            }
            var courseConcepts: [Int] = []
            for concept in dictionary.concepts {
                let role = Self.role(concept.role)
                let code = role.vocabulary == "RxNorm" ? concept.codes.rxnorm : concept.codes.snomed
                courseConcepts.append(try Self.concept(concept.codes, name: concept.name, domain: role.domain, vocabularyID: role.vocabulary,
                                                       code: code, conceptClass: role.conceptClass, into: &vocabulary))
            }
            self.courseConcepts = courseConcepts
            courseSources = dictionary.concepts.map { $0.codes.icd10cm ?? $0.codes.icd10 ?? $0.codes.snomed ?? $0.codes.rxnorm ?? $0.name }
            self.vocabulary = vocabulary
        }

        /// How a concept is coded: drugs are RxNorm ingredients, procedures SNOMED procedures,
        /// complications and causes of death SNOMED clinical findings.
        static func role(_ role: CohortDictionary.Role) -> (domain: String, vocabulary: String, conceptClass: String) {
            switch role {
            case .drug: return ("Drug", "RxNorm", "Ingredient")
            case .procedure: return ("Procedure", "SNOMED", "Procedure")
            case .condition: return ("Condition", "SNOMED", "Clinical Finding")
            }
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

        func insert(_ p: SimulatedPatient, into t: Tables, ids: inout IDs) throws {
            let id = p.personID
            let birth = CivilDate.civil(p.birthDate)
            let d = dictionary
            try t.person.insert([
                .integer(id), .integer(genders[p.sex]), .integer(birth.year), .integer(birth.month), .integer(birth.day), .null,
                .integer(races[p.race]), .integer(ethnicities[p.ethnicity]), .null, .null, .null,
                .text(String(id)), .text(d.sexLabels[p.sex]), .integer(0), .text(d.raceLabels[p.race]), .integer(0),
                .text(d.ethnicityLabels[p.ethnicity]), .integer(0),
            ])
            let end = p.deathDate ?? p.observationEnd ?? d.indexDate
            try t.observationPeriod.insert([.integer(id), .integer(id), .date(p.diagnosisDate), .date(end), .integer(Self.ehrPeriod)])
            let diagnosisVisit = try visit(person: id, kind: Self.outpatientVisit, start: p.diagnosisDate, end: p.diagnosisDate,
                                           into: t, ids: &ids)
            try condition(person: id, concept: diseaseConcept, source: diseaseSource, date: p.diagnosisDate, visit: diagnosisVisit,
                          into: t, ids: &ids)
            for (j, value) in p.parameters.enumerated() {
                guard let value else { continue }
                try measurement(person: id, parameter: j, value: value, date: p.diagnosisDate, visit: diagnosisVisit, into: t, ids: &ids)
            }
            // The course: visit ids of this patient's events by their position in `events`.
            var visits: [Int: Int] = [:]
            for (position, event) in p.events.enumerated() {
                let at = event.visit.flatMap { visits[$0] }
                switch event.kind {
                case let .visit(kind, endDate):
                    visits[position] = try visit(person: id, kind: Self.visitConcepts[kind]!, start: event.date, end: endDate, into: t, ids: &ids)
                case let .measurement(j, value):
                    try measurement(person: id, parameter: j, value: value, date: event.date, visit: at, into: t, ids: &ids)
                case .condition(let c):
                    try condition(person: id, concept: courseConcepts[c], source: courseSources[c], date: event.date, visit: at,
                                  into: t, ids: &ids)
                case let .drug(c, endDate):
                    ids.drug += 1
                    try t.drug.insert([
                        .integer(ids.drug), .integer(id), .integer(courseConcepts[c]), .date(event.date), .null, .date(endDate), .null,
                        .null, .integer(Self.ehrEncounterRecord), .null, .null, .null, .null, .null, .null, .null, .null,
                        at.map(OMOPValue.integer) ?? .null, .null, .text(courseSources[c]), .integer(0), .null, .null,
                    ])
                case .procedure(let c):
                    ids.procedure += 1
                    try t.procedure.insert([
                        .integer(ids.procedure), .integer(id), .integer(courseConcepts[c]), .date(event.date), .null, .null, .null,
                        .integer(Self.ehrEncounterRecord), .integer(0), .null, .null, at.map(OMOPValue.integer) ?? .null, .null,
                        .text(courseSources[c]), .integer(0), .null,
                    ])
                }
            }
            if let death = p.deathDate {
                let cause = p.causeOfDeath
                try t.death.insert([.integer(id), .date(death), .null, .integer(Self.ehrDeath), .integer(cause.map { courseConcepts[$0] } ?? 0),
                                    cause.map { .text(courseSources[$0]) } ?? .null, .integer(0)])
            }
        }

        func visit(person: Int, kind: Int, start: Int, end: Int, into t: Tables, ids: inout IDs) throws -> Int {
            ids.visit += 1
            try t.visit.insert([
                .integer(ids.visit), .integer(person), .integer(kind), .date(start), .null, .date(end), .null,
                .integer(Self.ehrEncounterRecord), .null, .null, .null, .integer(0), .integer(0), .null, .integer(0), .null, .null,
            ])
            return ids.visit
        }

        func condition(person: Int, concept: Int, source: String, date: Int, visit: Int?, into t: Tables, ids: inout IDs) throws {
            ids.condition += 1
            try t.condition.insert([
                .integer(ids.condition), .integer(person), .integer(concept), .date(date), .null, .null, .null,
                .integer(Self.ehrEncounterRecord), .integer(0), .null, .null, visit.map(OMOPValue.integer) ?? .null, .null, .text(source),
                .integer(0), .null,
            ])
        }

        func measurement(person: Int, parameter j: Int, value: Double, date: Int, visit: Int?, into t: Tables, ids: inout IDs) throws {
            ids.measurement += 1
            let unit = dictionary.parameters[j].unit
            try t.measurement.insert([
                .integer(ids.measurement), .integer(person), .integer(parameterConcepts[j]), .date(date), .null, .null,
                .integer(Self.ehrEncounterRecord), .null, .real(value), .null, unitConcepts[j].map(OMOPValue.integer) ?? .null,
                .null, .null, .null, visit.map(OMOPValue.integer) ?? .null, .null, .text(parameterSources[j]), .integer(0),
                unit.map(OMOPValue.text) ?? .null, .null, .null, .null, .null,
            ])
        }
    }
}

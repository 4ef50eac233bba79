import Foundation
import RareSynthExport
import RareSynthNumerics
import RareSynthProvenance
import RareSynthSimulate
import RareSynthTable

/// A simulated cohort as FHIR R4: Bulk Data ndjson (one file per resource type, one resource
/// per line, as a `$export` produces) or transaction Bundles (one per patient, every entry a POST
/// with a `urn:uuid:` full URL that the other entries reference), the form servers load.
///
/// Per patient: a Patient (sex as administrative gender, birth date, death as
/// `deceasedDateTime`); the diagnosing Encounter (ambulatory) with the disease as a confirmed
/// Condition (SNOMED CT, ICD-10-CM and WHO ICD-10 codings, as the spec gives them) and each value at diagnosis as an Observation
/// (LOINC, UCUM quantity); then the course's encounters, observations, complications
/// (Condition), treatments (MedicationRequest, RxNorm) and procedures. Resource ids derive from
/// the person id and the event's position, so they do not depend on the thread count.
public enum CohortFHIR {
    public enum Layout: Sendable {
        /// `DIR/Patient.ndjson`, `DIR/Encounter.ndjson`, …
        case bulkData
        /// `DIR/NNNNNNN.json`, one transaction Bundle per patient, named by person id.
        case transactionBundles
    }

    static let types = ["Patient", "Encounter", "Condition", "Observation", "MedicationRequest", "Procedure"]
    /// Patients per chunk: a course can give a patient hundreds of resources, and a chunk's JSON is held until written.
    static let chunk = 1024

    /// Writes into the directory `path`, built beside it and renamed into place at the end, so
    /// that a failure leaves no partial export (an existing directory is replaced).
    public static func write(_ simulator: CohortSimulator, patients count: Int, to path: String, layout: Layout,
                             threads: Int? = nil, progress: ((Int) -> Void)? = nil) throws {
        try write(SimulatedCohort(simulator, count: count), to: path, layout: layout, threads: threads, progress: progress)
    }

    ///
    /// - Returns: for Bulk Data, each file's SHA-256 (and size) by its final path, hashed as it was
    ///   written, for the provenance record; empty for Bundles.
    @discardableResult
    public static func write(_ records: some PatientRecords, to path: String, layout: Layout,
                             threads: Int? = nil, progress: ((Int) -> Void)? = nil) throws -> [String: (sha256: String, bytes: Int)] {
        let mapping = Mapping(records.dictionary)
        let count = records.count
        var written: [String: (sha256: String, bytes: Int)] = [:]
        try AtomicDirectory.replace(path) { temporary in
            switch layout {
            case .bulkData:
                let digests = types.map { _ in StreamingDigest() }
                let files = try types.indices.map { t in
                    let file = try BufferedFile(path: "\(temporary)/\(types[t]).ndjson", destination: "\(path)/\(types[t]).ndjson")
                    file.observer = { digests[t].update($0) }
                    return file
                }
                defer {
                    for t in types.indices { written["\(path)/\(types[t]).ndjson"] = (digests[t].finalize(), digests[t].bytes) }
                }
                // Chunk k + 1 is drawn and formatted while chunk k is written.
                let size = chunk
                try Parallel.pipeline(count: (count + size - 1) / size, produce: { k in
                    let patients = try records.patients(k * size..<Swift.min(count, (k + 1) * size), threads: threads)
                    return Parallel.mapChunks(count: patients.count, chunkSize: 512, threads: threads) { part in
                        var out = [[UInt8]](repeating: [], count: types.count)
                        var b = JSONBuilder()
                        for i in part {
                            mapping.resources(patients[i], builder: &b, references: .bulk) { type, bytes in
                                out[type].append(contentsOf: bytes)
                                out[type].append(10)
                            }
                        }
                        return out
                    }
                }, consume: { k, parts in
                    for part in parts { for t in types.indices { try files[t].write(part[t]) } }
                    progress?(Swift.min(count, (k + 1) * size))
                })
                for file in files { try file.finish() }
            case .transactionBundles:
                var done = 0
                while done < count {
                    let range = done..<Swift.min(count, done + chunk)
                    let patients = try records.patients(range, threads: threads)
                    let bundles = Parallel.map(count: patients.count, chunkSize: 64, threads: threads) { i in
                        mapping.bundle(patients[i])
                    }
                    for (p, bytes) in zip(patients, bundles) {
                        let name = String(format: "%07d.json", p.personID)
                        let file = try BufferedFile(path: "\(temporary)/\(name)", destination: "\(path)/\(name)")
                        try file.write(bytes)
                        try file.finish(sync: false)
                    }
                    done = range.upperBound
                    progress?(done)
                }
            }
        }
        return written
    }

    enum References { case bulk, bundle }

    struct Mapping: Sendable {
        let dictionary: CohortDictionary
        let disease: [FHIR.Coding]
        let parameters: [[FHIR.Coding]]
        let concepts: [[FHIR.Coding]]
        let races: [FHIR.USCoreCategory], ethnicities: [FHIR.USCoreCategory]

        /// OMB categories of the spec's race and ethnicity labels (CDC Race and Ethnicity code
        /// system, as US Core's omb-race-category and omb-ethnicity-category value sets list them).
        static let omb: [String: (code: String, display: String)] = [
            "white": ("2106-3", "White"), "black": ("2054-5", "Black or African American"), "asian": ("2028-9", "Asian"),
            "american_indian_or_alaska_native": ("1002-5", "American Indian or Alaska Native"),
            "native_hawaiian_or_other_pacific_islander": ("2076-8", "Native Hawaiian or Other Pacific Islander"),
            "hispanic": ("2135-2", "Hispanic or Latino"), "not_hispanic": ("2186-5", "Not Hispanic or Latino"),
        ]

        /// A label's US Core category: its OMB code, UNK for unknown, text alone for other.
        static func category(_ label: String) -> FHIR.USCoreCategory {
            if let known = omb[label] {
                return FHIR.USCoreCategory(omb: FHIR.Coding(system: FHIR.raceAndEthnicityCDC, code: known.code, display: known.display),
                                           text: known.display)
            }
            if label == "unknown" {
                return FHIR.USCoreCategory(omb: FHIR.Coding(system: FHIR.nullFlavor, code: "UNK", display: "Unknown"), text: "Unknown")
            }
            return FHIR.USCoreCategory(omb: nil, text: label == "other" ? "Other race" : label)
        }

        init(_ dictionary: CohortDictionary) {
            self.dictionary = dictionary
            races = dictionary.raceLabels.map(Self.category)
            ethnicities = dictionary.ethnicityLabels.map(Self.category)
            func codings(_ codes: CohortSpec.Codes, name: String) -> [FHIR.Coding] {
                var out: [FHIR.Coding] = []
                if let c = codes.snomed { out.append(FHIR.Coding(system: FHIR.snomed, code: c, display: name)) }
                if let c = codes.icd10cm { out.append(FHIR.Coding(system: FHIR.icd10CM, code: c)) }
                if let c = codes.icd10 { out.append(FHIR.Coding(system: FHIR.icd10, code: c)) }
                if let c = codes.loinc { out.append(FHIR.Coding(system: FHIR.loinc, code: c, display: name)) }
                if let c = codes.rxnorm { out.append(FHIR.Coding(system: FHIR.rxnorm, code: c, display: name)) }
                return out
            }
            disease = codings(dictionary.disease.codes, name: dictionary.disease.name)
            parameters = dictionary.parameters.map { codings($0.codes, name: $0.label ?? $0.name) }
            concepts = dictionary.concepts.map { codings($0.codes, name: $0.name) }
        }

        /// The id of a patient's resource: a type letter, the person id and the resource's position.
        static func id(_ letter: String, _ person: Int, _ k: Int) -> String { "\(letter)\(person)-\(k)" }

        /// A deterministic UUID for a bundle entry (version-4 layout, not random: unique per
        /// person, type and position within this export).
        static func uuid(_ type: Int, _ person: Int, _ k: Int) -> String {
            String(format: "urn:uuid:%08x-%04x-4000-8000-%012x", person, type, k)
        }

        /// Every resource of `p`, each handed to `emit` with its type index as it is written.
        func resources(_ p: SimulatedPatient, builder b: inout JSONBuilder, references: References,
                       emit: (Int, [UInt8]) -> Void) {
            let person = p.personID
            func ref(_ type: Int, _ k: Int) -> String {
                references == .bulk ? "\(CohortFHIR.types[type])/\(type == 0 ? "p\(person)" : Self.id(Self.letters[type], person, k))"
                    : Self.uuid(type, person, k)
            }
            func resourceID(_ type: Int, _ k: Int) -> String { type == 0 ? "p\(person)" : Self.id(Self.letters[type], person, k) }
            let patient = ref(0, 0)
            let gender = ["female": "female", "male": "male"][dictionary.sexLabels[p.sex]] ?? "unknown"
            b.removeAll()
            FHIR.patient(&b, id: resourceID(0, 0), identifierSystem: "urn:raresynth:person", identifier: String(person), gender: gender,
                         birthDate: p.birthDate, deceased: p.deathDate, race: races[p.race], ethnicity: ethnicities[p.ethnicity])
            emit(0, b.bytes)
            var counters = [Int](repeating: 0, count: CohortFHIR.types.count)
            func next(_ type: Int) -> Int { defer { counters[type] += 1 }; return counters[type] }
            let asOf = p.deathDate ?? p.observationEnd ?? dictionary.indexDate
            // Diagnosis.
            let diagnosisEncounter = next(1)
            b.removeAll()
            FHIR.encounter(&b, id: resourceID(1, diagnosisEncounter), patient: patient, kind: .ambulatory, start: p.diagnosisDate,
                           end: p.diagnosisDate)
            emit(1, b.bytes)
            let encounterRef = ref(1, diagnosisEncounter)
            b.removeAll()
            let c = next(2)
            FHIR.condition(&b, id: resourceID(2, c), patient: patient, encounter: encounterRef, codings: disease, text: dictionary.disease.name,
                           onset: p.onsetDate, recorded: p.diagnosisDate)
            emit(2, b.bytes)
            for (j, value) in p.parameters.enumerated() {
                guard let value else { continue }
                observation(j, value, date: p.diagnosisDate, encounter: encounterRef, &b, &counters, patient, resourceID, emit)
            }
            // The course.
            var encounters: [Int: String] = [:]
            for (position, event) in p.events.enumerated() {
                let at = event.visit.flatMap { encounters[$0] }
                b.removeAll()
                switch event.kind {
                case let .visit(kind, endDate):
                    let k = next(1)
                    FHIR.encounter(&b, id: resourceID(1, k), patient: patient,
                                   kind: kind == .inpatient ? .inpatient : kind == .emergency ? .emergency : .ambulatory,
                                   start: event.date, end: endDate)
                    encounters[position] = ref(1, k)
                    emit(1, b.bytes)
                case let .measurement(j, value):
                    observation(j, value, date: event.date, encounter: at, &b, &counters, patient, resourceID, emit)
                case .condition(let concept):
                    let k = next(2)
                    FHIR.condition(&b, id: resourceID(2, k), patient: patient, encounter: at, codings: concepts[concept],
                                   text: dictionary.concepts[concept].name, onset: event.date, recorded: event.date)
                    emit(2, b.bytes)
                case let .drug(concept, endDate):
                    let k = next(4)
                    FHIR.medicationRequest(&b, id: resourceID(4, k), patient: patient, encounter: at, codings: concepts[concept],
                                           text: dictionary.concepts[concept].name, start: event.date, end: endDate, asOf: asOf)
                    emit(4, b.bytes)
                case .procedure(let concept):
                    let k = next(5)
                    FHIR.procedure(&b, id: resourceID(5, k), patient: patient, encounter: at, codings: concepts[concept],
                                   text: dictionary.concepts[concept].name, date: event.date)
                    emit(5, b.bytes)
                }
            }
            // The cause of death, as US death records give it (Patient has no element for it).
            if let death = p.deathDate, let cause = p.causeOfDeath {
                let k = next(3)
                b.removeAll()
                FHIR.observation(&b, id: resourceID(3, k), patient: patient, codings: [Self.causeOfDeathCode], text: "Cause of death",
                                 date: death, valueCodings: concepts[cause], valueText: dictionary.concepts[cause].name)
                emit(3, b.bytes)
            }
        }

        static let letters = ["p", "e", "c", "o", "m", "r"]
        /// LOINC 69453-9, the code of the cause of death in HL7's Vital Records Death Reporting IG.
        static let causeOfDeathCode = FHIR.Coding(system: FHIR.loinc, code: "69453-9",
                                                  display: "Cause of death [US Standard Certificate of Death]")

        func observation(_ j: Int, _ value: Double, date: Int, encounter: String?, _ b: inout JSONBuilder, _ counters: inout [Int],
                         _ patient: String, _ resourceID: (Int, Int) -> String, _ emit: (Int, [UInt8]) -> Void) {
            let k = counters[3]
            counters[3] += 1
            let parameter = dictionary.parameters[j]
            b.removeAll()
            FHIR.observation(&b, id: resourceID(3, k), patient: patient, encounter: encounter, codings: parameters[j],
                             text: parameter.label ?? parameter.name, date: date, value: value, decimals: parameter.decimals,
                             unit: parameter.unit)
            emit(3, b.bytes)
        }

        /// One transaction Bundle holding every resource of `p`.
        func bundle(_ p: SimulatedPatient) -> [UInt8] {
            var b = JSONBuilder()
            var counters = [Int](repeating: 0, count: CohortFHIR.types.count)
            var entries: [(Int, [UInt8])] = []
            resources(p, builder: &b, references: .bundle) { type, bytes in entries.append((type, bytes)) }
            // The resources are already JSON: the envelope is written around them as bytes.
            var raw = Array("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[".utf8)
            for (n, (type, bytes)) in entries.enumerated() {
                let k = counters[type]
                counters[type] += 1
                raw.append(contentsOf: Array((n == 0 ? "" : ",").utf8))
                raw.append(contentsOf: Array("{\"fullUrl\":\"\(Self.uuid(type, p.personID, type == 0 ? 0 : k))\",\"resource\":".utf8))
                raw.append(contentsOf: bytes)
                raw.append(contentsOf: Array(",\"request\":{\"method\":\"POST\",\"url\":\"\(CohortFHIR.types[type])\"}}".utf8))
            }
            raw.append(contentsOf: Array("]}".utf8))
            return raw
        }
    }
}

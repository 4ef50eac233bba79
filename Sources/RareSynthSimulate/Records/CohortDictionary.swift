/// What the codes in a cohort's patient records mean: the labels behind the sex, race and
/// ethnicity indices, the disease, the clinical parameters behind `SimulatedPatient.parameters`
/// and the concepts that events name, with their codes.
///
/// The OMOP and FHIR writers read patients through this rather than through a `CohortSpec`, so
/// that records from a spec (`init(spec:)`) and records read from a synthetic table through a
/// `TableMapping` are handed over by the same code.
public struct CohortDictionary: Sendable {
    public var name: String
    public var sexLabels: [String]
    public var raceLabels: [String]
    public var ethnicityLabels: [String]
    /// The day observation ends for a patient with neither a death nor an end of their own.
    public var indexDate: Int
    public var disease: Concept
    public var parameters: [Parameter]
    /// The concepts events name (`ClinicalEvent.Kind.condition(c)`, `.drug(c, _)`, …, and
    /// `SimulatedPatient.causeOfDeath`), by index.
    public var concepts: [Concept]

    public struct Concept: Sendable, Equatable {
        public var name: String
        public var codes: CohortSpec.Codes
        public var role: Role
        public init(name: String, codes: CohortSpec.Codes, role: Role) {
            self.name = name
            self.codes = codes
            self.role = role
        }
    }

    /// How a concept is used, which decides its OMOP domain and vocabulary and its FHIR resource.
    public enum Role: String, Sendable, Equatable {
        /// A disease, complication or cause of death: an OMOP condition (SNOMED), a FHIR Condition.
        case condition
        /// A treatment: an OMOP drug exposure (RxNorm ingredient), a FHIR MedicationRequest.
        case drug
        /// An OMOP procedure occurrence (SNOMED), a FHIR Procedure.
        case procedure
    }

    /// A measured value: a LOINC-coded measurement / Observation.
    public struct Parameter: Sendable {
        public var name: String
        public var label: String?
        /// UCUM unit.
        public var unit: String?
        /// Digits after the decimal point that the values carry.
        public var decimals: Int
        public var codes: CohortSpec.Codes
        public init(name: String, label: String? = nil, unit: String? = nil, decimals: Int, codes: CohortSpec.Codes) {
            self.name = name
            self.label = label
            self.unit = unit
            self.decimals = decimals
            self.codes = codes
        }
    }

    public init(name: String, sexLabels: [String], raceLabels: [String], ethnicityLabels: [String], indexDate: Int,
                disease: Concept, parameters: [Parameter], concepts: [Concept]) {
        self.name = name
        self.sexLabels = sexLabels
        self.raceLabels = raceLabels
        self.ethnicityLabels = ethnicityLabels
        self.indexDate = indexDate
        self.disease = disease
        self.parameters = parameters
        self.concepts = concepts
    }

    /// A spec's dictionary: a course concept is a drug where a `drug` event gives it, a
    /// procedure where a `procedure` event does, and a condition otherwise (complications and
    /// causes of death).
    public init(spec: CohortSpec) {
        let population = spec.population
        var roles: [Int: Role] = [:]
        for state in spec.course?.states ?? [] {
            for event in state.events {
                switch event {
                case .drug(let c, _): roles[c] = roles[c] ?? .drug
                case .procedure(let c): roles[c] = roles[c] ?? .procedure
                default: continue
                }
            }
        }
        self.init(name: spec.name, sexLabels: population.sex.labels, raceLabels: population.race.labels,
                  ethnicityLabels: population.ethnicity.labels, indexDate: population.indexDate,
                  disease: Concept(name: spec.disease.name, codes: spec.disease.codes, role: .condition),
                  parameters: spec.parameters.map {
                      Parameter(name: $0.name, label: $0.label, unit: $0.unit, decimals: $0.decimals, codes: $0.codes)
                  },
                  concepts: (spec.course?.concepts ?? []).enumerated().map { c, concept in
                      Concept(name: concept.name, codes: concept.codes, role: roles[c] ?? .condition)
                  })
    }
}

/// Patients to hand over, read a chunk at a time so that memory stays flat: drawn by a
/// `CohortSimulator` (`SimulatedCohort`) or read from a synthetic table (`MappedTable`).
public protocol PatientRecords: Sendable {
    var dictionary: CohortDictionary { get }
    var count: Int { get }
    /// Patients `range` (0-based positions; person ids are position + 1), made on `threads` workers.
    func patients(_ range: Range<Int>, threads: Int?) throws -> [SimulatedPatient]
}

/// The first `count` patients a simulator draws.
public struct SimulatedCohort: PatientRecords {
    public let simulator: CohortSimulator
    public let count: Int
    public let dictionary: CohortDictionary

    public init(_ simulator: CohortSimulator, count: Int) {
        self.simulator = simulator
        self.count = count
        dictionary = CohortDictionary(spec: simulator.spec)
    }

    public func patients(_ range: Range<Int>, threads: Int?) throws -> [SimulatedPatient] {
        try simulator.patients(range, threads: threads)
    }
}

import RareSynthTable

/// One row of the OMOP `concept` table, as OHDSI's Athena vocabularies give it.
public struct OMOPConcept: Sendable, Hashable {
    public let id: Int
    public let name: String
    public let domain: String
    public let vocabulary: String
    public let conceptClass: String
    /// "S" (standard), "C" (classification) or nil.
    public let standard: String?
    public let code: String
    /// Day numbers (`CivilDate`).
    public let validStart: Int
    public let validEnd: Int
    public let invalidReason: String?

    public init(id: Int, name: String, domain: String, vocabulary: String, conceptClass: String, standard: String?, code: String,
                validStart: Int = CivilDate.day(year: 1970, month: 1, day: 1)!,
                validEnd: Int = CivilDate.day(year: 2099, month: 12, day: 31)!, invalidReason: String? = nil) {
        self.id = id
        self.name = name
        self.domain = domain
        self.vocabulary = vocabulary
        self.conceptClass = conceptClass
        self.standard = standard
        self.code = code
        self.validStart = validStart
        self.validEnd = validEnd
        self.invalidReason = invalidReason
    }
}

/// The vocabulary subset a database refers to: the concepts its rows use and, for their foreign
/// keys, the domains, vocabularies and concept classes of those concepts.
///
/// A full Athena download is hundreds of megabytes under a licence per vocabulary; a synthetic
/// cohort uses a few dozen concepts. Rows come from ``OMOPVocabulary/standardConcepts`` (OHDSI's
/// own rows for sex, race, ethnicity, visits, type concepts and UCUM units, with their sources)
/// or from the caller (a spec's disease and measurement concepts), with the `domain`,
/// `vocabulary` and `concept_class` rows they refer to.
public struct OMOPVocabulary: Sendable {
    /// `vocabulary.vocabulary_version` of 'None', which `cdm_source.vocabulary_version` repeats.
    public var version: String
    public private(set) var concepts: [Int: OMOPConcept] = [:]

    public init(version: String = "RareSynth subset") {
        self.version = version
        concepts[OMOPVocabulary.noMatchingConcept.id] = OMOPVocabulary.noMatchingConcept
    }

    /// Adds the standard row of `id`; false when RareSynth does not know it.
    @discardableResult
    public mutating func use(_ id: Int) -> Bool {
        if concepts[id] != nil { return true }
        guard let concept = OMOPVocabulary.standardConcepts[id] else { return false }
        concepts[id] = concept
        return true
    }

    /// Adds a caller's concept row (a spec's disease or measurement).
    /// - Throws: `DataError` when another row already has its id.
    public mutating func add(_ concept: OMOPConcept) throws {
        if let existing = concepts[concept.id] {
            guard existing == concept else {
                throw DataError("two different concept rows for concept_id \(concept.id): '\(existing.name)' and '\(concept.name)'")
            }
            return
        }
        concepts[concept.id] = concept
    }

    /// Writes the vocabulary rows and the `cdm_source` row (whose version concept it adds).
    public func insert(into loader: any OMOPLoader, source: OMOPSource) throws {
        var vocabulary = self
        vocabulary.use(OMOPCDM54.versionConceptID)
        try vocabulary.insertRows(into: loader)
        try loader.sink(for: "cdm_source").insert(source.row(vocabularyVersion: version))
    }

    private func insertRows(into loader: any OMOPLoader) throws {
        let sorted = concepts.values.sorted { $0.id < $1.id }
        let concept = try loader.sink(for: "concept")
        for c in sorted {
            try concept.insert([.integer(c.id), .text(c.name), .text(c.domain), .text(c.vocabulary), .text(c.conceptClass),
                                c.standard.map(OMOPValue.text) ?? .null, .text(c.code), .date(c.validStart), .date(c.validEnd),
                                c.invalidReason.map(OMOPValue.text) ?? .null])
        }
        let domain = try loader.sink(for: "domain")
        for id in Set(sorted.map(\.domain)).sorted() {
            try domain.insert([.text(id), .text(Self.domainNames[id] ?? id), .integer(0)])
        }
        let vocabulary = try loader.sink(for: "vocabulary")
        for id in Set(sorted.map(\.vocabulary) + ["None"]).sorted() {
            let known = Self.vocabularies[id]
            try vocabulary.insert([.text(id), .text(known?.name ?? id), known.map { .text($0.reference) } ?? .null,
                                   id == "None" ? .text(version) : .null, .integer(0)])
        }
        let conceptClass = try loader.sink(for: "concept_class")
        for id in Set(sorted.map(\.conceptClass)).sorted() {
            try conceptClass.insert([.text(id), .text(Self.conceptClassNames[id] ?? id), .integer(0)])
        }
    }

    // Names and references of the domain, vocabulary and concept_class rows, from OHDSI's
    // vocabulary tables (scripts/omop/concepts-SOURCES.md). Their own concept ids (domain 19 is
    // 'Condition', …) are concepts of the Metadata domain that the subset does not carry, so they
    // are written as 0 to keep every foreign key satisfied; vocabulary versions belong to an
    // Athena release and are left empty, but for 'None', which names this subset.
    static let domainNames = ["Gender": "Gender", "Race": "Race", "Ethnicity": "Ethnicity", "Visit": "Visit",
                              "Condition": "Condition", "Measurement": "Measurement", "Unit": "Unit",
                              "Type Concept": "Type Concept", "Metadata": "Metadata"]
    static let vocabularies: [String: (name: String, reference: String)] = [
        "Gender": ("OMOP Gender", "OMOP generated"),
        "Race": ("Race and Ethnicity Code Set (USBC)", "http://www.cdc.gov/nchs/data/dvs/Race_Ethnicity_CodeSet.pdf"),
        "Ethnicity": ("OMOP Ethnicity", "OMOP generated"),
        "Visit": ("OMOP Visit", "OMOP generated"),
        "SNOMED": ("Systematic Nomenclature of Medicine - Clinical Terms (IHTSDO)",
                   "http://www.nlm.nih.gov/research/umls/licensedcontent/umlsknowledgesources.html"),
        "LOINC": ("Logical Observation Identifiers Names and Codes (Regenstrief Institute)", "http://loinc.org/downloads/loinc"),
        "UCUM": ("Unified Code for Units of Measure (Regenstrief Institute)",
                 "http://aurora.regenstrief.org/~ucum/ucum.html#section-Alphabetic-Index"),
        "Type Concept": ("OMOP Type Concept", "OMOP generated"),
        "CDM": ("OMOP Common DataModel", "https://github.com/OHDSI/CommonDataModel"),
        "None": ("OMOP Standardized Vocabularies", "OMOP generated"),
    ]
    static let conceptClassNames = ["Gender": "Gender", "Race": "Race", "Ethnicity": "Ethnicity", "Visit": "OMOP Visit",
                                    "Clinical Finding": "Clinical Finding", "Lab Test": "Laboratory Class", "Unit": "Unit",
                                    "Type Concept": "Type Concept", "Undefined": "Undefined", "CDM": "CDM"]

    /// Concept 0, which every unmapped `*_concept_id` uses.
    public static let noMatchingConcept = OMOPConcept(id: 0, name: "No matching concept", domain: "Metadata", vocabulary: "None",
                                                      conceptClass: "Undefined", standard: nil, code: "No matching concept")

}

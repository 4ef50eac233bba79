/// FHIR R4 (4.0.1) resources as JSON: Patient (with US Core's race and ethnicity extensions),
/// Encounter, Condition, Observation, MedicationRequest and Procedure, with each resource's required elements (Encounter.status and
/// class, Observation.status and code, MedicationRequest.status, intent, medication[x] and
/// subject, Condition.subject, Procedure.status and subject) and the code systems HL7 names
/// for SNOMED CT, ICD-10-CM, LOINC, RxNorm and UCUM. References are given whole
/// (`Patient/p17` for Bulk Data files, `urn:uuid:…` inside a transaction Bundle).
public enum FHIR {
    public static let snomed = "http://snomed.info/sct"
    public static let icd10CM = "http://hl7.org/fhir/sid/icd-10-cm"
    /// WHO ICD-10 (FHIR's URI for it; ICD-10-CM has its own).
    public static let icd10 = "http://hl7.org/fhir/sid/icd-10"
    public static let loinc = "http://loinc.org"
    public static let rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm"
    public static let ucum = "http://unitsofmeasure.org"

    public struct Coding: Sendable, Equatable {
        public let system: String
        public let code: String
        public let display: String?
        public init(system: String, code: String, display: String? = nil) {
            self.system = system
            self.code = code
            self.display = display
        }
    }

    /// A CodeableConcept: its codings (possibly none) and a text.
    static func concept(_ b: inout JSONBuilder, _ key: String, _ codings: [Coding], text: String) {
        b.beginObject(key)
        if !codings.isEmpty {
            b.beginArray("coding")
            for c in codings {
                b.beginObject()
                b.string("system", c.system)
                b.string("code", c.code)
                if let display = c.display { b.string("display", display) }
                b.endObject()
            }
            b.endArray()
        }
        b.string("text", text)
        b.endObject()
    }

    static func reference(_ b: inout JSONBuilder, _ key: String, _ target: String) {
        b.beginObject(key)
        b.string("reference", target)
        b.endObject()
    }

    static func header(_ b: inout JSONBuilder, _ type: String, id: String) {
        b.beginObject()
        b.string("resourceType", type)
        b.string("id", id)
    }

    /// A US Core race or ethnicity: an OMB category (CDC Race and Ethnicity code system, or
    /// v3-NullFlavor UNK) where one applies, and the text US Core requires.
    public struct USCoreCategory: Sendable, Equatable {
        public let omb: Coding?
        public let text: String
        public init(omb: Coding?, text: String) {
            self.omb = omb
            self.text = text
        }
    }

    public static let raceAndEthnicityCDC = "urn:oid:2.16.840.1.113883.6.238"
    public static let nullFlavor = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor"

    /// The US Core race and ethnicity extensions (US Core 3.1+, for R4).
    static func usCore(_ b: inout JSONBuilder, race: USCoreCategory?, ethnicity: USCoreCategory?) {
        guard race != nil || ethnicity != nil else { return }
        b.beginArray("extension")
        for (name, category) in [("race", race), ("ethnicity", ethnicity)] {
            guard let category else { continue }
            b.beginObject()
            b.string("url", "http://hl7.org/fhir/us/core/StructureDefinition/us-core-\(name)")
            b.beginArray("extension")
            if let omb = category.omb {
                b.beginObject()
                b.string("url", "ombCategory")
                b.beginObject("valueCoding")
                b.string("system", omb.system)
                b.string("code", omb.code)
                if let display = omb.display { b.string("display", display) }
                b.endObject()
                b.endObject()
            }
            b.beginObject()
            b.string("url", "text")
            b.string("valueString", category.text)
            b.endObject()
            b.endArray()
            b.endObject()
        }
        b.endArray()
    }

    /// `gender`: male, female, other or unknown (administrative gender).
    public static func patient(_ b: inout JSONBuilder, id: String, identifierSystem: String, identifier: String, gender: String,
                               birthDate: Int, deceased: Int?, race: USCoreCategory? = nil, ethnicity: USCoreCategory? = nil) {
        header(&b, "Patient", id: id)
        usCore(&b, race: race, ethnicity: ethnicity)
        b.beginArray("identifier")
        b.beginObject()
        b.string("system", identifierSystem)
        b.string("value", identifier)
        b.endObject()
        b.endArray()
        b.string("gender", gender)
        b.date("birthDate", birthDate)
        if let deceased { b.date("deceasedDateTime", deceased) }
        b.endObject()
    }

    public enum EncounterClass: String, Sendable {
        case ambulatory = "AMB", inpatient = "IMP", emergency = "EMER"
        var display: String {
            switch self {
            case .ambulatory: return "ambulatory"
            case .inpatient: return "inpatient encounter"
            case .emergency: return "emergency"
            }
        }
    }

    public static func encounter(_ b: inout JSONBuilder, id: String, patient: String, kind: EncounterClass, start: Int, end: Int) {
        header(&b, "Encounter", id: id)
        b.string("status", "finished")
        b.beginObject("class")
        b.string("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
        b.string("code", kind.rawValue)
        b.string("display", kind.display)
        b.endObject()
        reference(&b, "subject", patient)
        b.beginObject("period")
        b.date("start", start)
        b.date("end", end)
        b.endObject()
        b.endObject()
    }

    /// A confirmed, active condition recorded on `date`.
    public static func condition(_ b: inout JSONBuilder, id: String, patient: String, encounter: String?, codings: [Coding],
                                 text: String, onset: Int, recorded: Int) {
        header(&b, "Condition", id: id)
        concept(&b, "clinicalStatus", [Coding(system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active")],
                text: "Active")
        concept(&b, "verificationStatus",
                [Coding(system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed")], text: "Confirmed")
        concept(&b, "code", codings, text: text)
        reference(&b, "subject", patient)
        if let encounter { reference(&b, "encounter", encounter) }
        b.date("onsetDateTime", onset)
        b.date("recordedDate", recorded)
        b.endObject()
    }

    /// A final observation with a quantity (UCUM when a unit is given).
    public static func observation(_ b: inout JSONBuilder, id: String, patient: String, encounter: String?, codings: [Coding],
                                   text: String, date: Int, value: Double, decimals: Int, unit: String?) {
        header(&b, "Observation", id: id)
        b.string("status", "final")
        concept(&b, "code", codings, text: text)
        reference(&b, "subject", patient)
        if let encounter { reference(&b, "encounter", encounter) }
        b.date("effectiveDateTime", date)
        b.beginObject("valueQuantity")
        b.number("value", value, decimals: decimals)
        if let unit {
            b.string("unit", unit)
            b.string("system", ucum)
            b.string("code", unit)
        }
        b.endObject()
        b.endObject()
    }

    /// A final observation whose value is a concept (a cause of death: LOINC 69453-9).
    public static func observation(_ b: inout JSONBuilder, id: String, patient: String, codings: [Coding], text: String, date: Int,
                                   valueCodings: [Coding], valueText: String) {
        header(&b, "Observation", id: id)
        b.string("status", "final")
        concept(&b, "code", codings, text: text)
        reference(&b, "subject", patient)
        b.date("effectiveDateTime", date)
        concept(&b, "valueCodeableConcept", valueCodings, text: valueText)
        b.endObject()
    }

    /// An order for a medication taken from `start` to `end`: completed when it ended before
    /// `asOf`, otherwise active.
    public static func medicationRequest(_ b: inout JSONBuilder, id: String, patient: String, encounter: String?, codings: [Coding],
                                         text: String, start: Int, end: Int, asOf: Int) {
        header(&b, "MedicationRequest", id: id)
        b.string("status", end < asOf ? "completed" : "active")
        b.string("intent", "order")
        concept(&b, "medicationCodeableConcept", codings, text: text)
        reference(&b, "subject", patient)
        if let encounter { reference(&b, "encounter", encounter) }
        b.date("authoredOn", start)
        b.beginObject("dispenseRequest")
        b.beginObject("validityPeriod")
        b.date("start", start)
        b.date("end", end)
        b.endObject()
        b.endObject()
        b.endObject()
    }

    public static func procedure(_ b: inout JSONBuilder, id: String, patient: String, encounter: String?, codings: [Coding],
                                 text: String, date: Int) {
        header(&b, "Procedure", id: id)
        b.string("status", "completed")
        concept(&b, "code", codings, text: text)
        reference(&b, "subject", patient)
        if let encounter { reference(&b, "encounter", encounter) }
        b.date("performedDateTime", date)
        b.endObject()
    }
}

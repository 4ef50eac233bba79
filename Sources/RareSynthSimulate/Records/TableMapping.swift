import Foundation
import RareSynthTable

/// How the columns of a table of patients, one row each (a real table's synthetic copy made by
/// `raresynth synthesize`, or any such table), become OMOP CDM and FHIR records: who the patient
/// is (sex, race, ethnicity, birth), when they enter (the diagnosis, as in a registry or a
/// trial), how long they are followed and whether they died, which columns are measurements
/// (LOINC, UCUM) and which values are conditions, treatments or procedures.
///
/// Read from YAML or JSON with the cohort spec's reader, so every error names the file, line,
/// column and key path (format in specs/README.md, example Examples/pbc.mapping.yaml).
/// Identifier columns are never read: person ids are row numbers.
public struct TableMapping: Sendable {
    public var name: String
    public var description: String?
    public var entry: Entry
    public var birth: Birth
    public var sex: CodedColumn?
    public var race: CodedColumn?
    public var ethnicity: CodedColumn?
    public var followUp: FollowUp?
    public var disease: CohortDictionary.Concept
    public var measurements: [Measurement]
    public var events: [Event]

    /// A column named in the mapping, with the place it is named, for errors about the table.
    public struct ColumnReference: Sendable, Equatable {
        public let name: String
        /// `file:line:column: key.path`, where the mapping names the column.
        public let place: String
    }

    /// The day a patient enters: diagnosis, enrolment or randomisation.
    public enum Entry: Sendable {
        /// The same day for everyone (a table without dates; times count from it).
        case date(Int)
        /// A date column, `YYYY-MM-DD`.
        case column(ColumnReference)
    }

    public enum Birth: Sendable {
        /// Age at entry in `unit`s (the birth date is entry − age).
        case age(ColumnReference, unit: TimeUnit)
        /// A birth date column, `YYYY-MM-DD`.
        case date(ColumnReference)
    }

    public enum TimeUnit: String, Sendable, CaseIterable {
        case days, weeks, months, years
        /// Days in one unit (a month is a twelfth of the Gregorian year).
        public var days: Double {
            switch self {
            case .days: return 1
            case .weeks: return 7
            case .months: return CivilDate.daysPerYear / 12
            case .years: return CivilDate.daysPerYear
            }
        }
    }

    /// A column whose values are mapped to labels (sex: female, male, unknown; …). A missing
    /// cell is `unknown`; a value the mapping does not list is an error.
    public struct CodedColumn: Sendable {
        public var column: ColumnReference
        public var values: [String: String]
    }

    /// Follow-up from entry: its length, and whether it ended in death.
    public struct FollowUp: Sendable {
        public var time: ColumnReference
        public var unit: TimeUnit
        public var death: ColumnReference?
        /// The death column's values that mean the patient died (compared as numbers when both are).
        public var deathValues: [String]
    }

    /// A numeric column recorded as a measurement at entry.
    public struct Measurement: Sendable {
        public var column: ColumnReference
        public var parameter: CohortDictionary.Parameter
        /// Nil: the most digits after the point that the column's values show (at most 6).
        public var decimals: Int?
    }

    /// A column whose listed values record a condition, treatment or procedure, at entry or at
    /// the end of follow-up (a transplant that ended it).
    public struct Event: Sendable {
        public var column: ColumnReference
        public var values: [String]
        public var concept: CohortDictionary.Concept
        public var atEnd: Bool
    }
}

extension TableMapping {
    /// Reads and checks a mapping file (YAML or JSON).
    /// - Throws: ``CohortSpecError`` naming the file, line, column and key path of the first problem.
    public static func load(path: String) throws -> TableMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CohortSpecError(file: path, keyPath: "", "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CohortSpecError(file: path, keyPath: "", "not UTF-8 text") }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String = "mapping") throws -> TableMapping {
        let root = try SpecNode.root(text, file: file)
        let top = try root.fields(["version", "name", "description", "entry", "birth", "sex", "race", "ethnicity", "follow_up", "disease",
                                   "measurements", "conditions", "drugs", "procedures"], required: ["name", "entry", "birth", "disease"])
        if let version = top["version"], try version.integer() != 1 { throw version.error("this RareSynth reads mapping version 1") }
        let reader = SpecReader(references: [])
        var events: [Event] = []
        for (key, role) in [("conditions", CohortDictionary.Role.condition), ("drugs", .drug), ("procedures", .procedure)] {
            for item in try top[key]?.list() ?? [] { events.append(try event(item, role: role, reader: reader)) }
        }
        let disease = try top["disease"]!.fields(["name", "codes"], required: ["name"])
        var measurements: [Measurement] = []
        for item in try top["measurements"]?.list() ?? [] {
            let f = try item.fields(["column", "name", "label", "unit", "decimals", "codes"], required: ["column"])
            let column = try reference(f["column"]!)
            let decimals = try f["decimals"].map { node in
                let d = try node.integer()
                guard (0...12).contains(d) else { throw node.error("expected 0 to 12 decimals") }
                return d
            }
            measurements.append(Measurement(
                column: column,
                parameter: CohortDictionary.Parameter(name: try f["name"]?.text() ?? column.name, label: try f["label"]?.text(),
                                                      unit: try f["unit"]?.text(), decimals: decimals ?? 0,
                                                      codes: try f["codes"].map { try reader.codes($0) } ?? CohortSpec.Codes()),
                decimals: decimals))
        }
        let mapping = TableMapping(
            name: try top["name"]!.text(),
            description: try top["description"]?.text(),
            entry: try entry(top["entry"]!),
            birth: try birth(top["birth"]!),
            sex: try top["sex"].map { try coded($0, allowed: CohortSpec.sexLabels) },
            race: try top["race"].map { try coded($0, allowed: CohortSpec.raceLabels) },
            ethnicity: try top["ethnicity"].map { try coded($0, allowed: CohortSpec.ethnicityLabels) },
            followUp: try top["follow_up"].map { try followUp($0) },
            disease: CohortDictionary.Concept(name: try disease["name"]!.text(),
                                              codes: try disease["codes"].map { try reader.codes($0) } ?? CohortSpec.Codes(),
                                              role: .condition),
            measurements: measurements,
            events: events)
        return mapping
    }

    static func reference(_ node: SpecNode) throws -> ColumnReference {
        let place = CohortSpecError(file: node.file, line: node.node.mark?.line, column: node.node.mark?.column, keyPath: node.keyPath, "")
        return ColumnReference(name: try node.text(), place: String(place.description.dropLast(2)))
    }

    static func unit(_ node: SpecNode?) throws -> TimeUnit {
        guard let node else { return .years }
        let text = try node.text()
        guard let unit = TimeUnit(rawValue: text) else {
            throw node.error("unknown unit (expected one of: \(TimeUnit.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return unit
    }

    static func entry(_ node: SpecNode) throws -> Entry {
        let f = try node.fields(["date", "column"])
        switch (f["date"], f["column"]) {
        case let (date?, nil): return .date(try date.date())
        case let (nil, column?): return .column(try reference(column))
        default: throw node.error("give either 'date' (the same entry date for every row) or 'column' (a date column)")
        }
    }

    static func birth(_ node: SpecNode) throws -> Birth {
        let f = try node.fields(["age", "unit", "date"])
        switch (f["age"], f["date"]) {
        case let (age?, nil): return .age(try reference(age), unit: try unit(f["unit"]))
        case let (nil, date?):
            if let unit = f["unit"] { throw unit.error("'unit' goes with 'age', not with a birth date column") }
            return .date(try reference(date))
        default: throw node.error("give either 'age' (a column of age at entry, with its 'unit') or 'date' (a birth date column)")
        }
    }

    static func coded(_ node: SpecNode, allowed: [String]) throws -> CodedColumn {
        let f = try node.fields(["column", "values"], required: ["column", "values"])
        var values: [String: String] = [:]
        for (value, label) in try f["values"]!.entries() {
            let text = try label.text()
            guard allowed.contains(text) else { throw label.error("unknown label (expected one of: \(allowed.joined(separator: ", ")))") }
            values[value] = text
        }
        return CodedColumn(column: try reference(f["column"]!), values: values)
    }

    static func followUp(_ node: SpecNode) throws -> FollowUp {
        let f = try node.fields(["time", "unit", "death"], required: ["time", "unit"])
        var death: ColumnReference?
        var deathValues: [String] = []
        if let node = f["death"] {
            let d = try node.fields(["column", "values"], required: ["column", "values"])
            death = try reference(d["column"]!)
            deathValues = try d["values"]!.list().map { try $0.text() }
            guard !deathValues.isEmpty else { throw d["values"]!.error("expected at least one value that means death") }
        }
        return FollowUp(time: try reference(f["time"]!), unit: try unit(f["unit"]), death: death, deathValues: deathValues)
    }

    static func event(_ node: SpecNode, role: CohortDictionary.Role, reader: SpecReader) throws -> Event {
        let f = try node.fields(["column", "values", "name", "codes", "when"], required: ["column", "values", "name"])
        let values = try f["values"]!.list().map { try $0.text() }
        guard !values.isEmpty else { throw f["values"]!.error("expected at least one value") }
        var atEnd = false
        if let when = f["when"] {
            switch try when.text() {
            case "entry": atEnd = false
            case "end": atEnd = true
            default: throw when.error("expected 'entry' or 'end' (of follow-up)")
            }
        }
        return Event(column: try reference(f["column"]!), values: values,
                     concept: CohortDictionary.Concept(name: try f["name"]!.text(),
                                                       codes: try f["codes"].map { try reader.codes($0) } ?? CohortSpec.Codes(),
                                                       role: role),
                     atEnd: atEnd)
    }
}

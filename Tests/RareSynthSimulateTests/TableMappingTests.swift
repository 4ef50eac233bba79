import Foundation
import RareSynthTable
import Testing
@testable import RareSynthSimulate

/// Column mappings: the bundled example reads, a mistake in a mapping names its line, column and
/// key path, a bad cell names its line and column, and a row becomes the patient the mapping says
/// (dates checked against Foundation's Gregorian calendar).
@Suite struct TableMappingTests {
    static let mapping = """
    name: Test
    entry: {column: enrolled}
    birth: {age: age, unit: years}
    sex: {column: sex, values: {F: female, M: male}}
    follow_up: {time: time, unit: days, death: {column: status, values: ["2"]}}
    disease: {name: Test disease, codes: {snomed: "190905008"}}
    measurements:
      - {column: hb, unit: g/dL, codes: {loinc: 718-7}}
    drugs:
      - {column: drug, values: ["1"], name: Drug A}
    procedures:
      - {column: status, values: ["1"], name: Transplant, when: end}
    """

    static let table = """
    id,enrolled,age,sex,time,status,hb,drug
    7,2001-03-15,40.5,F,100,2,12.25,1
    8,1999-12-31,0,M,10,1,9.5,
    9,2000-06-01,70,,,0,,0
    """

    static func gregorian(_ iso: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = iso.split(separator: "-").map { Int($0)! }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
    }

    /// Days since 1970-01-01 by Foundation's calendar.
    static func day(_ iso: String) -> Int { Int(gregorian(iso).timeIntervalSince1970 / 86_400) }

    func bind(_ mapping: String = mapping, _ table: String = table) throws -> MappedTable {
        try MappedTable(TableMapping.parse(mapping, file: "m.yaml"), table: CSVReader.readTable(text: table, name: "t.csv"), file: "t.csv")
    }

    @Test func rowsBecomePatients() throws {
        let records = try bind()
        #expect(records.count == 3)
        let p = try records.patients(0..<3, threads: 2)
        #expect(p.map(\.personID) == [1, 2, 3])
        // 40.5 years of 365.2425 days before 2001-03-15 is 14,792 days.
        #expect(p[0].diagnosisDate == Self.day("2001-03-15") && p[0].birthDate == Self.day("2001-03-15") - 14_792)
        #expect(p[0].deathDate == Self.day("2001-06-23") && p[0].observationEnd == Self.day("2001-06-23"))
        #expect(p[0].parameters == [12.25] && p[0].sex == CohortSpec.sexLabels.firstIndex(of: "female"))
        #expect(p[0].events == [ClinicalEvent(date: Self.day("2001-03-15"), kind: .drug(0, endDate: Self.day("2001-06-23")), visit: nil)])
        // A transplant (status 1) at the end of follow-up, not a death; no drug.
        #expect(p[1].deathDate == nil && p[1].birthDate == Self.day("1999-12-31"))
        #expect(p[1].events == [ClinicalEvent(date: Self.day("2000-01-10"), kind: .procedure(1), visit: nil)])
        // Missing sex is unknown, missing time ends observation at entry, a missing value is not measured.
        #expect(p[2].sex == CohortSpec.sexLabels.firstIndex(of: "unknown") && p[2].observationEnd == Self.day("2000-06-01"))
        #expect(p[2].parameters == [nil] && p[2].events.isEmpty)
        #expect(records.dictionary.parameters[0].decimals == 2)
        #expect(records.dictionary.indexDate == Self.day("2001-06-23"))
        #expect(records.dictionary.concepts.map(\.role) == [.drug, .procedure])
    }

    @Test func theBundledExampleReads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let mapping = try TableMapping.load(path: "\(root)/Examples/pbc.mapping.yaml")
        let records = try MappedTable(mapping, table: CSVReader.readTable(path: "\(root)/Examples/pbc.csv"), file: "pbc.csv")
        let patients = try records.patients(0..<records.count, threads: nil)
        // The trial's published counts (R survival, ?pbc): 161 deaths, 25 transplants, 158 on D-penicillamine.
        #expect(patients.filter { $0.deathDate != nil }.count == 161)
        #expect(patients.reduce(0) { $0 + $1.events.filter { if case .procedure = $0.kind { true } else { false } }.count } == 25)
        #expect(patients.reduce(0) { $0 + $1.events.filter { if case .drug = $0.kind { true } else { false } }.count } == 158)
    }

    @Test(arguments: [
        ("entry: {column: enrolled}", "entry: {column: enrolled, date: 2000-01-01}", "m.yaml:2:8: entry: give either 'date'"),
        ("sex: {column: sex, values: {F: female, M: male}}", "sex: {column: sex, values: {F: woman}}",
         "m.yaml:4:32: sex.values.F: unknown label (expected one of: female, male, unknown)"),
        ("unit: days, death", "unit: fortnights, death", "follow_up.unit: unknown unit (expected one of: days, weeks, months, years)"),
        ("name: Transplant, when: end", "name: Transplant, when: later", "procedures[0].when: expected 'entry' or 'end'"),
        ("drugs:", "drug:", "m.yaml:9:1: drug: unknown key"),
    ])
    func mistakesInAMappingAreLocated(old: String, new: String, expected: String) throws {
        let text = Self.mapping.replacingOccurrences(of: old, with: new)
        #expect(text != Self.mapping)
        let error = #expect(throws: CohortSpecError.self) { try TableMapping.parse(text, file: "m.yaml") }
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
    }

    @Test(arguments: [
        ("2001-03-15,40.5", "2001-13-15,40.5", "t.csv:2:2 (column 'enrolled'): expected a date YYYY-MM-DD, got '2001-13-15'"),
        (",0,M,10", ",0,X,10", "t.csv:3:4 (column 'sex'): the value 'X' is not in the mapping's values (F, M)"),
        ("2000-06-01,70", "2000-06-01,-1", "t.csv:4:3 (column 'age'): an age cannot be negative"),
        (",10,1,9.5", ",-10,1,9.5", "t.csv:3:5 (column 'time'): a follow-up time cannot be negative"),
        ("12.25", "12,25", "t.csv:2"),
        ("12.25", "high", "t.csv:2:7 (column 'hb'): expected a number, got 'high'"),
        ("id,enrolled,age,sex,time,status,hb,drug", "id,enrolled,age,sex,time,status,haemoglobin,drug",
         "t.csv: the mapping (m.yaml:8:14: measurements[0].column) names the column 'hb', which the table does not have"),
    ])
    func badCellsAreLocated(old: String, new: String, expected: String) throws {
        let text = Self.table.replacingOccurrences(of: old, with: new)
        #expect(text != Self.table)
        let error = #expect(throws: (any Error).self) { try bind(Self.mapping, text) }
        #expect(error.map { "\($0)" }?.contains(expected) == true, "\(String(describing: error))")
    }
}

import Foundation
import RareSynth

/// Paths and scratch space shared by the end-to-end tests.
enum TestSupport {
    /// The repository root, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func example(_ name: String) -> String { "\(root)/Examples/\(name)" }

    /// A fresh empty directory, removed by the caller with `cleanUp`.
    static func scratch(_ label: String) -> String {
        let path = NSTemporaryDirectory() + "raresynth-\(label)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func cleanUp(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    static func write(_ text: String, to path: String) { _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Files in a directory, hidden temporary files included.
    static func files(in dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    /// A cohort with a course that uses every kind of event, for the hand-over tests (OMOP, FHIR).
    static let courseSpec = try! CohortSpec.parse("""
    name: Course
    population:
      index_date: 2023-12-31
      birth_year: {distribution: uniform, min: 1950, max: 2010}
      sex: {female: 0.5, male: 0.5}
      race: {white: 0.6, black: 0.3, other: 0.1}
      ethnicity: {hispanic: 0.2, not_hispanic: 0.7, unknown: 0.1}
    disease:
      name: Cystic fibrosis
      codes: {snomed: "190905008", icd10: "E84.9"}
      onset_age: {distribution: constant, value: 0}
      diagnosis_delay: {distribution: uniform, min: 0, max: 5}
    mortality:
      annual_hazard_by_age: [{from: 0, value: 0.02}]
    parameters:
      - {name: hb, label: Haemoglobin, unit: g/dL, codes: {loinc: "718-7"}, distribution: normal, mean: 12, sd: 1.5, decimals: 1,
         autocorrelation: 0.8}
      - {name: chloride, unit: mmol/L, distribution: normal, mean: 100, sd: 12, decimals: 0, missing: 0.3}
    course:
      start: clinic
      states:
        clinic:
          wait: {distribution: exponential, mean: 0.5}
          events: [{visit: outpatient}, {measure: hb}]
          next:
            - {to: admission, probability: 0.1}
            - {to: clinic, probability: 0.9}
        admission:
          events:
            - {visit: inpatient, length: {distribution: uniform, min: 2, max: 10, unit: days}}
            - {condition: {name: "Pulmonary \\"exacerbation\\""}}
            - {drug: {name: Tobramycin, codes: {rxnorm: "10627"}}, duration: {distribution: constant, value: 14, unit: days}}
            - {procedure: {name: Bronchoscopy, codes: {snomed: "10847001"}}}
            - {measure: hb}
          next:
            - when: {age: {min: 70}}
              distributed: [{to: fatal, probability: 0.5}, {to: clinic, probability: 0.5}]
            - to: clinic
        fatal:
          events: [{death: {cause: {name: Respiratory failure, codes: {snomed: "409622000"}}}}]
    """)
}

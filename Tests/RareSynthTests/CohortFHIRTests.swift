import Foundation
import RareSynth
import Testing

/// A simulated cohort with a course as FHIR R4, checked by an independent validator
/// (Fixtures/validate_fhir.py: fhir.resources 6.4.0's R4 models, R4's required value sets,
/// reference resolution and dates; installed by scripts/test-tools).
@Suite struct CohortFHIRTests {
    static let python = "\(TestSupport.root)/.build/test-tools/venv/bin/python"
    static let validator = "\(TestSupport.root)/Tests/RareSynthTests/Fixtures/validate_fhir.py"

    static let spec = try! CohortSpec.parse("""
    name: FHIR check
    population:
      index_date: 2023-12-31
      birth_year: {distribution: uniform, min: 1950, max: 2010}
      sex: {female: 0.5, male: 0.5}
    disease:
      name: Cystic fibrosis
      codes: {snomed: "190905008", icd10: "E84.9"}
      onset_age: {distribution: constant, value: 0}
      diagnosis_delay: {distribution: uniform, min: 0, max: 2}
    mortality:
      annual_hazard_by_age: [{from: 0, value: 0.02}]
    parameters:
      - {name: hb, label: Haemoglobin, unit: g/dL, codes: {loinc: "718-7"}, distribution: normal, mean: 12, sd: 1.5, decimals: 1}
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
          next: clinic
    """)

    func validate(_ mode: String, _ dir: String) throws -> (status: Int32, output: String) {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            Issue.record("the FHIR validator is not installed: run scripts/test-tools")
            return (-1, "")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.validator, mode, dir]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func bulkDataAndBundlesValidateAsR4() throws {
        let dir = TestSupport.scratch("fhir")
        defer { TestSupport.cleanUp(dir) }
        let simulator = try CohortSimulator(spec: Self.spec, seed: 2)
        try CohortFHIR.write(simulator, patients: 400, to: "\(dir)/bulk", layout: .bulkData, threads: 1)
        try CohortFHIR.write(simulator, patients: 400, to: "\(dir)/bulk2", layout: .bulkData, threads: 2)
        try CohortFHIR.write(simulator, patients: 60, to: "\(dir)/bundles", layout: .transactionBundles)
        #expect(TestSupport.files(in: dir) == ["bulk", "bulk2", "bundles"])
        for type in ["Patient", "Encounter", "Condition", "Observation", "MedicationRequest", "Procedure"] {
            let a = TestSupport.bytes("\(dir)/bulk/\(type).ndjson"), b = TestSupport.bytes("\(dir)/bulk2/\(type).ndjson")
            #expect(a != nil && a == b, "\(type).ndjson differs between 1 and 2 threads")
            #expect((a?.count ?? 0) > 0, "no \(type)")
        }
        let bulk = try validate("ndjson", "\(dir)/bulk")
        #expect(bulk.status == 0, "\(bulk.output)")
        #expect(bulk.output.contains("\"Patient\": 400"), "\(bulk.output)")
        let bundles = try validate("bundles", "\(dir)/bundles")
        #expect(bundles.status == 0, "\(bundles.output)")
        #expect(bundles.output.contains("\"Bundle\": 60"), "\(bundles.output)")

        // The validator can fail: an Observation without its required code, and a dangling reference.
        let broken = "\(dir)/broken"
        try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
        TestSupport.write("""
            {"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1990-01-01"}
            """, to: "\(broken)/Patient.ndjson")
        TestSupport.write("""
            {"resourceType":"Observation","id":"o1","status":"final","subject":{"reference":"Patient/p2"}}
            """, to: "\(broken)/Observation.ndjson")
        let bad = try validate("ndjson", broken)
        #expect(bad.status == 1)
        #expect(bad.output.contains("code") && bad.output.contains("does not resolve"), "\(bad.output)")
    }
}

import Foundation
import RareSynth
import Testing

/// A simulated cohort with a course as FHIR R4, checked by an independent validator
/// (Fixtures/validate_fhir.py: fhir.resources 6.4.0's R4 models, R4's required value sets,
/// reference resolution and dates; installed by scripts/test-tools).
@Suite struct CohortFHIRTests {
    static let python = "\(TestSupport.root)/.build/test-tools/venv/bin/python"
    static let validator = "\(TestSupport.root)/Tests/RareSynthTests/Fixtures/validate_fhir.py"

    static let spec = TestSupport.courseSpec

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
        // US Core race and ethnicity on every Patient; a cause of death as an Observation (LOINC 69453-9).
        let patients = try simulator.patients(0..<400)
        let patientLines = String(decoding: TestSupport.bytes("\(dir)/bulk/Patient.ndjson") ?? Data(), as: UTF8.self).split(separator: "\n")
        let races = Self.spec.population.race.labels
        for (label, code) in [("white", "2106-3"), ("black", "2054-5")] where races.contains(label) {
            #expect(patientLines.filter { $0.contains("\"code\":\"\(code)\"") }.count
                    == patients.filter { races[$0.race] == label }.count, "\(label)")
        }
        #expect(patientLines.allSatisfy { $0.contains("us-core-race") && $0.contains("us-core-ethnicity") })
        let observations = String(decoding: TestSupport.bytes("\(dir)/bulk/Observation.ndjson") ?? Data(), as: UTF8.self)
        #expect(observations.components(separatedBy: "\"code\":\"69453-9\"").count - 1 == patients.filter { $0.causeOfDeath != nil }.count)
        #expect(patients.contains { $0.causeOfDeath != nil })
        // The spec's icd10 is WHO ICD-10, not ICD-10-CM.
        let conditions = String(decoding: TestSupport.bytes("\(dir)/bulk/Condition.ndjson") ?? Data(), as: UTF8.self)
        #expect(conditions.contains("\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"E84.9\""))
        #expect(!conditions.contains("icd-10-cm"))
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
            {"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1990-01-01",\
            "extension":[{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-race","extension":[\
            {"url":"ombCategory","valueCoding":{"system":"urn:oid:2.16.840.1.113883.6.238","code":"2131-1"}}]}]}
            """, to: "\(broken)/Patient.ndjson")
        TestSupport.write("""
            {"resourceType":"Observation","id":"o1","status":"final","subject":{"reference":"Patient/p2"}}
            """, to: "\(broken)/Observation.ndjson")
        let bad = try validate("ndjson", broken)
        #expect(bad.status == 1)
        #expect(bad.output.contains("code") && bad.output.contains("does not resolve"), "\(bad.output)")
        #expect(bad.output.contains("is not an OMB category") && bad.output.contains("text must occur once"), "\(bad.output)")
    }
}

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

import Foundation
import RareSynth
import Testing

/// `EvaluationJob` end to end: every family on real data, and bad inputs that must give a report
/// saying what could not be computed, never a crash or a silently missing number.
@Suite struct EvaluationJobTests {
    /// A small clinical-looking table: `n` rows, deterministic, with every column kind.
    static func table(rows n: Int, offset: Int = 0, mutate: (Int, inout [String: String]) -> Void = { _, _ in }) -> String {
        let header = ["id", "age", "sex", "stage", "time", "status", "lab", "note"]
        var lines = [header.joined(separator: ",")]
        for i in 0..<n {
            let k = i + offset
            var row: [String: String] = [
                "id": "P\(1000 + k)", "age": "\(40 + (k * 7) % 45)", "sex": k % 3 == 0 ? "f" : "m",
                "stage": ["I", "II", "III"][(k * 5) % 3], "time": "\(30 + (k * 13) % 700)",
                "status": (k * 11) % 4 == 0 ? "0" : "1", "lab": String(format: "%.2f", 1 + Double((k * 17) % 23) / 7), "note": "",
            ]
            mutate(k, &row)
            lines.append(header.map { row[$0]! }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct Files {
        var dir: String
        var real: String { dir + "/real.csv" }
        var synthetic: String { dir + "/synthetic.csv" }
        var holdout: String { dir + "/holdout.csv" }
    }

    func files(_ label: String, real: String = table(rows: 60), synthetic: String = table(rows: 60, offset: 500),
               holdout: String = table(rows: 20, offset: 200)) -> Files {
        let f = Files(dir: TestSupport.scratch(label))
        TestSupport.write(real, to: f.real)
        TestSupport.write(synthetic, to: f.synthetic)
        TestSupport.write(holdout, to: f.holdout)
        return f
    }

    func options(_ body: (inout EvaluationOptions) -> Void = { _ in }) -> EvaluationOptions {
        var o = EvaluationOptions()
        o.target = "status"
        o.sensitive = ["sex"]
        o.quasiIdentifiers = ["age", "sex"]
        o.survival = .init(time: "time", event: "status")
        o.group = "stage"
        body(&o)
        return o
    }

    func evaluate(_ f: Files, holdout: Bool = true, _ o: EvaluationOptions) throws -> Evaluation {
        try EvaluationJob(real: f.real, synthetic: f.synthetic, holdout: holdout ? f.holdout : nil, options: o).evaluate().evaluation
    }

    @Test func everyFamilyRunsOnPBCAndTheReportIsDeterministic() throws {
        let dir = TestSupport.scratch("evaluate-pbc")
        defer { TestSupport.cleanUp(dir) }
        let pbc = try String(contentsOfFile: TestSupport.example("pbc.csv"), encoding: .utf8)
        let lines = pbc.split(separator: "\n", omittingEmptySubsequences: false)
        TestSupport.write(lines[0..<301].joined(separator: "\n") + "\n", to: dir + "/train.csv")
        TestSupport.write(([lines[0]] + lines[301...]).joined(separator: "\n"), to: dir + "/holdout.csv")
        let synthesis = try Synthesis(input: dir + "/train.csv", outputDirectory: dir + "/out", seed: 3).run()
        var o = options()
        o.target = "hepato"
        o.sensitive = ["sex"]
        o.quasiIdentifiers = ["age", "sex", "edema"]
        o.survival = .init(time: "time", event: "status", eventLabels: ["2"])
        o.group = "trt"
        let job = EvaluationJob(real: dir + "/train.csv", synthetic: synthesis.dataPath, holdout: dir + "/holdout.csv",
                                schemaPath: synthesis.schemaPath, options: o, reportPath: dir + "/report.html",
                                jsonPath: dir + "/report.json")
        let report = try job.run()
        let e = report.evaluation
        #expect(e.families.map(\.state) == [.complete, .complete, .complete, .complete, .complete], "\(e.issues)")
        #expect(e.inputs.realRows == 300 && e.inputs.holdoutRows == 118 && e.inputs.identifierColumns == ["id"])
        let quality = try #require(e.fidelity?.quality?.overall)
        #expect(quality > 0.8)
        #expect(e.privacy?.dcr?.rows == e.inputs.syntheticRows)
        #expect(e.privacy?.newRowSynthesis?.score == 1)
        #expect(e.utility?.scores.count == 4)
        #expect(e.survival?.curves.isEmpty == false)
        #expect(e.fairness?.attributes.first?.subgroups.count == 2)
        // The provenance names the inputs by their SHA-256 and carries over the synthesizer's record.
        let provenance = try #require(report.provenance)
        #expect(provenance.inputs.map(\.role) == ["real", "synthetic", "holdout", "schema"])
        #expect(provenance.synthesizer?.name == "GaussianCopula" && provenance.seed == 3)
        #expect(provenance.inputs[0].sha256 == (try FileDigest.sha256(path: dir + "/train.csv")).hex)
        #expect(FileManager.default.fileExists(atPath: dir + "/report.html"))
        let written = try JSONDecoder().decode(EvaluationReport.self, from: try #require(TestSupport.bytes(dir + "/report.json")))
        #expect(written.evaluation == e)
        // Same inputs, options and seed: the same figures, whatever the thread count.
        var single = o
        single.threads = 1
        let again = try EvaluationJob(real: dir + "/train.csv", synthetic: synthesis.dataPath, holdout: dir + "/holdout.csv",
                                      schemaPath: synthesis.schemaPath, options: single).evaluate()
        #expect(again.evaluation == e)
        #expect(again.figures == report.figures)
    }

    @Test func aColumnMissingFromTheSyntheticTableIsLeftOutAndSaid() throws {
        let f = files("evaluate-missing-column",
                      synthetic: Self.table(rows: 60, offset: 500).replacingOccurrences(of: ",lab,", with: ",lab_x,"))
        defer { TestSupport.cleanUp(f.dir) }
        let e = try evaluate(f, options())
        #expect(e.hasInputProblems)
        #expect(e.issues.contains { $0.columns == ["lab"] && $0.reason.contains("no column 'lab'") })
        #expect(e.inputs.extraSyntheticColumns == ["lab_x"])
        #expect(!e.inputs.columns.map(\.name).contains("lab"))
        #expect(e.status(of: .fidelity)?.state == .complete)
    }

    @Test func textInANumericSyntheticColumnNamesFileLineAndColumn() throws {
        let f = files("evaluate-bad-cell", synthetic: Self.table(rows: 30, offset: 500) { k, row in
            if k == 507 { row["age"] = "old" }
        })
        defer { TestSupport.cleanUp(f.dir) }
        let e = try evaluate(f, options())
        let issue = try #require(e.issues.first { $0.columns == ["age"] })
        #expect(issue.reason.contains("synthetic.csv") && issue.reason.contains("synthetic.csv:9:2") && issue.reason.contains("'old'"),
                "\(issue.reason)")
        #expect(e.issues.contains { $0.reason.hasPrefix("--quasi-identifiers age") })
    }

    @Test func anEmptySyntheticTableSkipsEveryFamilyWithTheReason() throws {
        let f = files("evaluate-empty", synthetic: "id,age,sex,stage,time,status,lab,note\n")
        defer { TestSupport.cleanUp(f.dir) }
        let e = try evaluate(f, options())
        #expect(e.families.allSatisfy { $0.state == .skipped && $0.reason == "the synthetic table has no rows" })
        #expect(e.hasInputProblems)
        #expect(e.fidelity == nil && e.privacy == nil)
    }

    @Test func aSingleClassTargetSkipsUtilityAndSaysWhy() throws {
        let oneClass = Self.table(rows: 20, offset: 200) { _, row in row["status"] = "1" }
        let f = files("evaluate-single-class", holdout: oneClass)
        defer { TestSupport.cleanUp(f.dir) }
        let e = try evaluate(f, options { $0.survival = nil })
        let utility = try #require(e.status(of: .utility))
        #expect(utility.state == .skipped && utility.cause == .unusableInput)
        #expect(utility.reason?.contains("status") == true)
        #expect(e.status(of: .privacy)?.state == .complete)
    }

    @Test func negativeSurvivalTimesAndNonBinaryEventsSkipSurvivalNamingTheRow() throws {
        let negative = files("evaluate-negative-time", real: Self.table(rows: 60) { k, row in if k == 4 { row["time"] = "-3" } })
        defer { TestSupport.cleanUp(negative.dir) }
        let e = try evaluate(negative, options())
        let survival = try #require(e.status(of: .survival))
        #expect(survival.state == .skipped && survival.cause == .unusableInput)
        #expect(survival.reason?.contains("-3") == true, "\(survival.reason ?? "")")

        let events = files("evaluate-event-values", real: Self.table(rows: 60) { k, row in if k == 9 { row["status"] = "2" } })
        defer { TestSupport.cleanUp(events.dir) }
        let e2 = try evaluate(events, options { $0.target = nil })
        let s2 = try #require(e2.status(of: .survival))
        #expect(s2.state == .skipped && s2.reason?.contains("'2.0'") == true, "\(s2)")
    }

    @Test func aSingleGroupSensitiveAttributeAndAnEmptyColumnAreNotedNotCrashed() throws {
        let f = files("evaluate-single-group", real: Self.table(rows: 60) { _, row in row["sex"] = "f" })
        defer { TestSupport.cleanUp(f.dir) }
        let e = try evaluate(f, options())
        let fairness = try #require(e.fairness?.attributes.first)
        #expect(fairness.notes.contains { $0.contains("single group") })
        #expect(e.status(of: .fairness)?.state == .partial)
        // `note` is empty in every row: left out of every metric, and said.
        #expect(e.issues.contains { $0.columns == ["note"] && $0.reason.contains("no values") })
    }

    @Test func withoutHoldoutOrOptionsTheFamiliesSayWhatTheyNeed() throws {
        let f = files("evaluate-bare")
        defer { TestSupport.cleanUp(f.dir) }
        let e = try evaluate(f, holdout: false, EvaluationOptions())
        #expect(e.status(of: .utility)?.reason?.contains("--target") == true)
        #expect(e.status(of: .fairness)?.cause == .notRequested)
        #expect(e.status(of: .survival)?.reason == "needs --survival TIME,EVENT")
        #expect(e.issues.contains { $0.metric == "DCROverfittingProtection" && $0.reason.contains("--holdout") })
        #expect(!e.hasInputProblems)
        #expect(e.privacy?.dcrBaselineProtection != nil && e.privacy?.newRowSynthesis != nil)
    }
}

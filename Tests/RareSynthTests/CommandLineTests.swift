import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RareSynth
import Testing

/// The `raresynth` executable as a user runs it: exit status, messages, files.
@Suite struct CommandLineTests {
    /// The binary built beside the test bundle (the test target depends on it).
    static let binary: String = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("raresynth").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return "raresynth"
    }()

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs raresynth with `arguments`, or with `executable`, `arguments[0]` itself.
    func run(_ arguments: [String], executable: Bool = false) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ? arguments[0] : Self.binary)
        process.arguments = executable ? Array(arguments.dropFirst()) : arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func synthesizeWritesItsFilesAndPrintsTheScore() throws {
        let dir = TestSupport.scratch("cli")
        defer { TestSupport.cleanUp(dir) }
        let r = try run(["synthesize", TestSupport.example("veteran.csv"), "--out", dir, "--seed", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Quality (SDMetrics 0.32 QualityReport formulas):"))
        #expect(TestSupport.files(in: dir) == ["model.json", "quality.json", "report.html", "report.json", "schema.json",
                                             "synthetic.csv", "synthetic.csv.provenance.json"])
        let s = try run(["sample", "\(dir)/model.json", "--rows", "7", "--out", "\(dir)/s.jsonl", "--condition", "celltype=large", "--quiet"])
        #expect(s.status == 0, "\(s.stderr)")
        let lines = String(decoding: try #require(TestSupport.bytes("\(dir)/s.jsonl")), as: UTF8.self).split(separator: "\n")
        let record = try JSONDecoder().decode(Provenance.self, from: try #require(TestSupport.bytes("\(dir)/s.jsonl.provenance.json")))
        #expect(record.job == "sample" && record.seed == 0 && record.inputs.map(\.role) == ["model"])
        #expect(record.outputs.first?.sha256 == (try FileDigest.sha256(path: "\(dir)/s.jsonl")).hex)
        #expect(record.outputs.first?.rows == 7)
        #expect(lines.count == 7 && lines.allSatisfy { $0.contains("\"celltype\":\"large\"") })
    }

    @Test func badInputExitsNonZeroNamesTheLineAndWritesNothing() throws {
        let dir = TestSupport.scratch("cli-bad")
        defer { TestSupport.cleanUp(dir) }
        TestSupport.write("a,b\n1,2\n3,4,5\n", to: "\(dir)/bad.csv")
        let r = try run(["synthesize", "\(dir)/bad.csv", "--out", "\(dir)/out"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.csv:3:3"))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/out"))
    }

    /// Bad privacy requests fail with a message and no model file; a good one prints its ε on
    /// stderr, records it in the model's provenance, and `sample --real` is refused for it.
    @Test func privacyRequestsAreCheckedAndTheGuaranteeIsPrinted() throws {
        let dir = TestSupport.scratch("cli-dp")
        defer { TestSupport.cleanUp(dir) }
        let data = TestSupport.example("veteran.csv")
        let inferred = try run(["inspect", data, "--schema-out", "\(dir)/schema.json"])
        #expect(inferred.status == 0, "\(inferred.stderr)")
        for (arguments, message) in [
            (["--epsilon=-1"], "ε must be a positive number"),
            (["--epsilon", "nan"], "ε must be a positive number"),
            (["--epsilon", "1", "--model", "gaussian_copula"], "not gaussian_copula"),
        ] {
            let r = try run(["fit", data, "--schema", "\(dir)/schema.json", "--model", "tvae", "--out", "\(dir)/bad.json"] + arguments)
            #expect(r.status != 0 && r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        // Without --schema, and with a schema that leaves categories undeclared.
        let noSchema = try run(["fit", data, "--model", "bayesian_network", "--epsilon", "1", "--out", "\(dir)/bad.json"])
        #expect(noSchema.status != 0 && noSchema.stderr.contains("--schema"))
        let undeclared = try run(["fit", data, "--schema", "\(dir)/schema.json", "--model", "bayesian_network", "--epsilon", "1",
                                  "--out", "\(dir)/bad.json"])
        #expect(undeclared.status != 0 && undeclared.stderr.contains("\"categories\" must be declared"), "\(undeclared.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/bad.json"))

        // Declare the categories, then fit PrivBayes.
        var schema = try Schema.load(path: "\(dir)/schema.json")
        let table = try CSVReader.readTable(path: data)
        for k in schema.columns.indices where schema.columns[k].type == .categorical {
            schema.columns[k].categories = Array(Set(table[column: schema.columns[k].name]!.compactMap { $0 })).sorted()
        }
        TestSupport.write(try schema.jsonText(), to: "\(dir)/declared.json")
        for (arguments, message) in [(["--epsilon", "1", "--delta", "0.5"], "1/137"), (["--epsilon", "0.001"], "cannot be reached")] {
            let r = try run(["fit", data, "--schema", "\(dir)/declared.json", "--model", "tvae", "--out", "\(dir)/bad.json"] + arguments)
            #expect(r.status != 0 && r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/bad.json"))
        let fit = try run(["fit", data, "--schema", "\(dir)/declared.json", "--model", "bayesian_network", "--epsilon", "2",
                           "--out", "\(dir)/model.json"])
        #expect(fit.status == 0, "\(fit.stderr)")
        #expect(fit.stderr.contains("privacy: (ε = 2.0, δ = 1e-05)-differentially private"))
        let sample = try run(["sample", "\(dir)/model.json", "--rows", "20", "--out", "\(dir)/s.csv"])
        #expect(sample.status == 0 && sample.stderr.contains("privacy: (ε = 2.0"))
        let record = try JSONDecoder().decode(Provenance.self, from: try #require(TestSupport.bytes("\(dir)/s.csv.provenance.json")))
        #expect(record.privacyBudget?.differentiallyPrivate == true)
        #expect(abs((record.privacyBudget?.epsilon ?? 0) - 2) < 1e-6)
        let filtered = try run(["sample", "\(dir)/model.json", "--rows", "20", "--out", "\(dir)/t.csv", "--real", data])
        #expect(filtered.status != 0 && filtered.stderr.contains("differentially private"))
    }

    @Test func impossibleConditionIsAnErrorNotAnEmptyFile() throws {
        let dir = TestSupport.scratch("cli-cond")
        defer { TestSupport.cleanUp(dir) }
        let r = try run(["synthesize", TestSupport.example("veteran.csv"), "--out", "\(dir)/out", "--condition", "age>=200"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("age"))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/out/synthetic.csv"))
    }

    @Test func neuralModelsFitSampleAndRecordTheirSettings() throws {
        let dir = TestSupport.scratch("cli-neural")
        defer { TestSupport.cleanUp(dir) }
        let f = try run(["fit", TestSupport.example("veteran.csv"), "--out", "\(dir)/m.json", "--model", "ctgan", "--epochs", "2",
                         "--batch-size", "50", "--seed", "4"])
        #expect(f.status == 0, "\(f.stderr)")
        #expect(f.stderr.contains("epoch 2/2: generator"))
        let c = try run(["fit", TestSupport.example("veteran.csv"), "--out", "\(dir)/c.json", "--model", "ctgan", "--epochs", "2",
                         "--batch-size", "50", "--seed", "4", "--checkpoint-every", "1", "--quiet"])
        #expect(c.status == 0, "\(c.stderr)")
        // The checkpoint is gone once the model is written, and checkpointing does not change the model.
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/c.json.checkpoint.json"))
        #expect(TestSupport.bytes("\(dir)/c.json") == TestSupport.bytes("\(dir)/m.json"))
        let s = try run(["sample", "\(dir)/m.json", "--rows", "30", "--out", "\(dir)/s.csv", "--condition", "celltype=large", "--quiet"])
        #expect(s.status == 0, "\(s.stderr)")
        let rows = String(decoding: try #require(TestSupport.bytes("\(dir)/s.csv")), as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 31)
        let record = try JSONDecoder().decode(Provenance.self, from: try #require(TestSupport.bytes("\(dir)/s.csv.provenance.json")))
        #expect(record.synthesizer?.name == "CTGAN")
        let t = try run(["synthesize", TestSupport.example("veteran.csv"), "--out", "\(dir)/t", "--model", "tvae", "--epochs", "2",
                         "--no-score", "--quiet"])
        #expect(t.status == 0, "\(t.stderr)")
        let provenance = try JSONDecoder().decode(Provenance.self, from: try #require(TestSupport.bytes("\(dir)/t/synthetic.csv.provenance.json")))
        #expect(provenance.synthesizer?.name == "TVAE")
        let argmax = try run(["fit", TestSupport.example("veteran.csv"), "--out", "\(dir)/a.json", "--model", "tvae", "--epochs", "1",
                              "--discrete-outputs", "argmax", "--quiet"])
        #expect(argmax.status == 0, "\(argmax.stderr)")
        let saved = String(decoding: try #require(TestSupport.bytes("\(dir)/a.json")), as: UTF8.self)
        #expect(saved.contains("\"discreteOutputs\" : \"argmax\"") || saved.contains("\"discreteOutputs\":\"argmax\""))
        let misplaced = try run(["fit", TestSupport.example("veteran.csv"), "--out", "\(dir)/y.json", "--model", "ctgan",
                                 "--discrete-outputs", "argmax"])
        #expect(misplaced.status != 0 && misplaced.stderr.contains("--discrete-outputs applies to --model tvae"))
        let wrong = try run(["fit", TestSupport.example("veteran.csv"), "--out", "\(dir)/x.json", "--model", "ctgan", "--batch-size", "55"])
        #expect(wrong.status != 0 && wrong.stderr.contains("multiple of pac"))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/x.json"))
    }

    /// A fit killed mid-run leaves no model file, only the last checkpoint; the next run resumes
    /// from it and writes the same model as an uninterrupted run. (SIGKILL: children of the test
    /// runner inherit its blocked-signal mask, so SIGINT and SIGTERM would stay pending.)
    @Test func anInterruptedFitResumesToTheSameModel() throws {
        let dir = TestSupport.scratch("cli-resume")
        defer { TestSupport.cleanUp(dir) }
        let common = [TestSupport.example("veteran.csv"), "--model", "tvae", "--epochs", "16", "--batch-size", "50", "--seed", "2"]
        let whole = try run(["fit"] + common + ["--out", "\(dir)/whole.json", "--quiet"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["fit"] + common + ["--out", "\(dir)/m.json", "--checkpoint-every", "2", "--quiet"]
        try process.run()
        let checkpoint = "\(dir)/m.json.checkpoint.json"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: checkpoint) && process.isRunning && Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/m.json"))
        #expect(FileManager.default.fileExists(atPath: checkpoint))
        let resumed = try run(["fit"] + common + ["--out", "\(dir)/m.json", "--checkpoint-every", "2"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming from"))
        #expect(TestSupport.bytes("\(dir)/m.json") == TestSupport.bytes("\(dir)/whole.json"))
        #expect(!FileManager.default.fileExists(atPath: checkpoint))
    }

    /// `simulate` on a bundled spec: the same bytes on 1 and 2 threads, and a spec error names its
    /// file, line, column and key, exits non-zero and leaves no output directory.
    @Test func simulateIsDeterministicAndRejectsABadSpec() throws {
        let dir = TestSupport.scratch("cli-simulate")
        defer { TestSupport.cleanUp(dir) }
        let spec = "\(TestSupport.root)/specs/duchenne-muscular-dystrophy.yaml"
        let one = try run(["simulate", spec, "--out", "\(dir)/one", "--patients", "3000", "--seed", "9", "--threads", "1", "--format", "csv"])
        let two = try run(["simulate", spec, "--out", "\(dir)/two", "--patients", "3000", "--seed", "9", "--threads", "2", "--quiet",
                           "--format", "csv"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
        #expect(one.stdout.contains("3000 patients of Duchenne muscular dystrophy"))
        let bytes = try #require(TestSupport.bytes("\(dir)/one/patients.csv"))
        #expect(bytes == TestSupport.bytes("\(dir)/two/patients.csv"))
        #expect(String(decoding: bytes, as: UTF8.self).split(separator: "\n").count == 3001)
        let omop = try run(["simulate", spec, "--out", "\(dir)/omop", "--patients", "100"])
        #expect(omop.status == 0 && omop.stdout.contains("omop.sqlite"), "\(omop.stderr)")
        #expect(TestSupport.files(in: "\(dir)/omop") == ["omop.sqlite", "omop.sqlite.provenance.json"])

        let text = try String(contentsOfFile: spec, encoding: .utf8).replacingOccurrences(of: "  survival_by_age:", with: "  survival_by_ages:")
        TestSupport.write(text, to: "\(dir)/bad.yaml")
        let bad = try run(["simulate", "\(dir)/bad.yaml", "--out", "\(dir)/out"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("bad.yaml:"), "\(bad.stderr)")
        #expect(bad.stderr.contains("mortality.survival_by_ages: unknown key"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/out"))
    }

    /// `simulate` and `export` write a provenance record beside their output: the spec, table and
    /// mapping by SHA-256, the seed, and every output file by SHA-256; a directory of more than 64
    /// files (a FHIR Bundle per patient) by its manifest digest, which coreutils' `sha256sum`
    /// reproduces outside RareSynth.
    @Test func simulateAndExportRecordWhatTheyMadeAndFrom() throws {
        let dir = TestSupport.scratch("cli-provenance")
        defer { TestSupport.cleanUp(dir) }
        let spec = "\(TestSupport.root)/specs/cystic-fibrosis.yaml"
        func record(_ path: String) throws -> [String: Any] {
            let data = try #require(TestSupport.bytes(path), "no \(path)")
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        func sha256sum(_ arguments: String) throws -> String {
            let out = try run(["/bin/sh", "-c", arguments], executable: true)
            return String(out.stdout.prefix(64))
        }
        let fhir = try run(["simulate", spec, "--out", "\(dir)/f", "--patients", "80", "--seed", "4", "--format", "fhir", "--quiet"])
        #expect(fhir.status == 0, "\(fhir.stderr)")
        let r = try record("\(dir)/f/fhir.provenance.json")
        #expect(r["job"] as? String == "simulate" && r["seed"] as? Int == 4)
        let inputs = try #require(r["inputs"] as? [[String: Any]])
        #expect(inputs.first?["sha256"] as? String == (try sha256sum("sha256sum '\(spec)'")))
        let outputs = try #require(r["outputs"] as? [[String: Any]])
        #expect(outputs.count == TestSupport.files(in: "\(dir)/f/fhir").count && outputs.count >= 5)
        for o in outputs {
            let path = try #require(o["path"] as? String)
            #expect(o["sha256"] as? String == (try sha256sum("sha256sum '\(path)'")), "\(path)")
        }
        #expect((r["privacyBudget"] as? [String: Any])?["note"] as? String == "no individual-level data was read: "
                + "the patients are drawn from the cohort spec's published statistics")

        let bundles = try run(["simulate", spec, "--out", "\(dir)/b", "--patients", "80", "--seed", "4", "--format", "fhir-bundle", "--quiet"])
        #expect(bundles.status == 0, "\(bundles.stderr)")
        let manifest = try #require((try record("\(dir)/b/fhir-bundles.provenance.json"))["outputs"] as? [[String: Any]])
        #expect(manifest.count == 1 && manifest.first?["rows"] as? Int == 80)
        #expect(manifest.first?["sha256"] as? String
                == (try sha256sum("cd '\(dir)/b/fhir-bundles' && find . -type f | sed 's|^\\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum")))

        let mapping = TestSupport.example("pbc.mapping.yaml"), table = TestSupport.example("pbc.csv")
        let export = try run(["export", table, "--mapping", mapping, "--out", "\(dir)/e", "--quiet"])
        #expect(export.status == 0, "\(export.stderr)")
        let e = try record("\(dir)/e/omop.sqlite.provenance.json")
        let sources = try #require(e["inputs"] as? [[String: Any]]).compactMap { $0["sha256"] as? String }
        #expect(sources == [try sha256sum("sha256sum '\(table)'"), try sha256sum("sha256sum '\(mapping)'")])
        #expect((e["outputs"] as? [[String: Any]])?.first?["sha256"] as? String == (try sha256sum("sha256sum '\(dir)/e/omop.sqlite'")))
    }

    /// `synthesize` then `export`: the synthetic table goes over as OMOP CSV files through the
    /// bundled mapping, and a mistake in the mapping exits non-zero with its place and nothing written.
    @Test func aSyntheticTableIsExportedThroughAMapping() throws {
        let dir = TestSupport.scratch("cli-export")
        defer { TestSupport.cleanUp(dir) }
        let synth = try run(["synthesize", TestSupport.example("pbc.csv"), "--out", "\(dir)/s", "--seed", "2", "--quiet"])
        #expect(synth.status == 0, "\(synth.stderr)")
        let mapping = TestSupport.example("pbc.mapping.yaml")
        let export = try run(["export", "\(dir)/s/synthetic.csv", "--mapping", mapping, "--out", "\(dir)/o", "--format", "omop-csv"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("418 patients of Primary biliary cholangitis"), "\(export.stdout)")
        let person = try String(contentsOfFile: "\(dir)/o/omop/person.csv", encoding: .utf8)
        #expect(person.split(separator: "\n").count == 419)
        let source = try String(contentsOfFile: "\(dir)/o/omop/cdm_source.csv", encoding: .utf8)
        #expect(source.contains("a synthetic table made by RareSynth (its provenance record: synthetic.csv.provenance.json)"), "\(source)")

        let text = try String(contentsOfFile: mapping, encoding: .utf8).replacingOccurrences(of: "  unit: days", with: "  unit: day")
        TestSupport.write(text, to: "\(dir)/bad.yaml")
        let bad = try run(["export", "\(dir)/s/synthetic.csv", "--mapping", "\(dir)/bad.yaml", "--out", "\(dir)/bad"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("bad.yaml:21:9: follow_up.unit: unknown unit"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/bad"))
    }

    /// Runs a program with its output captured (for mount, and for `sh` setting a file-size limit).
    func runTool(_ path: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A full disk: on a 1 MiB file system (a tmpfs, where the test may mount one) every output
    /// format fails with the system's reason, exits non-zero and leaves no file behind. Where
    /// mounting is not allowed, a file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored) makes the
    /// same writes fail, with "File too large" instead of "No space left on device".
    @Test func aFullDiskFailsCleanlyInEveryFormat() throws {
        let dir = TestSupport.scratch("cli-full")
        defer { TestSupport.cleanUp(dir) }
        let disk = "\(dir)/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mounted = (try? runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk]))?.status == 0
        defer { if mounted { _ = try? runTool("/bin/umount", [disk]) } }
        if !mounted { print("aFullDiskFailsCleanlyInEveryFormat: no tmpfs can be mounted here; a file-size limit stands in for a full disk") }
        let spec = "\(TestSupport.root)/specs/cystic-fibrosis.yaml"
        for format in ["omop-sqlite", "omop-csv", "fhir", "fhir-bundle", "csv"] {
            let out = "\(disk)/\(format)"
            let arguments = ["simulate", spec, "--out", out, "--patients", "1000", "--format", format, "--quiet"]
            let r = mounted ? try run(arguments)
                : try runTool("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 256; exec \"$0\" \"$@\"", Self.binary] + arguments)
            #expect(r.status != 0, "\(format)")
            let reasons = ["No space left on device", "database or disk is full", "File too large", "disk I/O error"]
            #expect(reasons.contains { r.stderr.contains($0) }, "\(format): \(r.stderr)")
            #expect(r.stderr.contains(out), "\(format): the message names the output: \(r.stderr)")
            #expect(TestSupport.files(in: out).isEmpty, "\(format) left \(TestSupport.files(in: out))")
        }
    }
}

import ArgumentParser
import Foundation
import RareSynth

/// Issue 7's simulator floors: cystic-fibrosis patients per minute into an OMOP CDM SQLite file
/// (floor ≥ 1,000,000 a minute on a 2-core machine; Synthea's maintainers report about 1,000)
/// and peak memory (floor < 500 MB for any N), each run as the real `raresynth simulate` in its
/// own process, timed and measured (peak RSS) from outside; FHIR R4 Bulk Data ndjson (floor:
/// 100,000 patients in under 60 s); and the CSV output for comparison.
struct SimulateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Time 'raresynth simulate' for OMOP SQLite and CSV output at growing N.")

    @Option(help: "The cohort spec.")
    var spec = "specs/cystic-fibrosis.yaml"

    @Option(parsing: .upToNextOption, help: "Patient counts to run.")
    var patients = [100_000, 1_000_000]

    @Option(parsing: .upToNextOption, help: "Output formats to time.")
    var formats = ["omop-sqlite", "fhir", "csv"]

    @Option(help: "For omop-postgres: the database URL (postgres://USER@HOST:PORT/DB?schema=NAME).")
    var postgres: String?

    @Option(help: "Working directory.")
    var dir = "/tmp/raresynth-simulate-bench"

    @OptionGroup var child: ChildOptions

    func run() throws {
        try FileSystem.createDirectory(dir)
        let bin = child.binaryPath
        let common = ["--quiet", "--seed", "1"] + child.threadArguments
        print("| format | patients | wall s | patients per minute | peak RSS MB | output MB |")
        print("|---|---|---|---|---|---|")
        for n in patients {
            for format in formats {
                let out = "\(dir)/\(format)-\(n)"
                var arguments = ["simulate", spec, "--out", out, "--patients", String(n), "--format", format] + common
                if format == "omop-postgres" {
                    guard let postgres else { throw ValidationError("omop-postgres needs --postgres URL") }
                    arguments += ["--postgres", postgres]
                }
                let m = try ChildProcess.measure(bin, arguments)
                var size = 0.0
                if let files = FileManager.default.enumerator(atPath: out) {
                    for case let file as String in files {
                        size += (try? FileManager.default.attributesOfItem(atPath: "\(out)/\(file)")[.size] as? NSNumber)?.doubleValue ?? 0
                    }
                }
                print(String(format: "| %@ | %d | %.2f | %.0f | %.0f | %.0f |", format, n, m.seconds, Double(n) / m.seconds * 60,
                             m.peakMB, size / 1e6))
                try? FileManager.default.removeItem(atPath: out)
            }
        }
    }
}

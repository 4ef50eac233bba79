import ArgumentParser
import Foundation
import RareSynth
#if canImport(Glibc)
import Glibc
#endif

/// The scale floor of issue 3: a 1,000,000-row × 20-column CSV fitted in under 60 s with peak
/// memory under 2 GB, and 1,000,000 rows sampled in under 15 s. Each step runs the real
/// `raresynth` binary as its own process, timed and measured (peak RSS) from outside.
struct Scale: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a large CSV, then time 'raresynth fit' and 'raresynth sample' on it.")

    @Option(help: "Rows of the generated table.")
    var rows = 1_000_000

    @Option(help: "Working directory (the CSV is about 100 bytes per row).")
    var dir = "/tmp/raresynth-scale"

    @OptionGroup var child: ChildOptions

    func run() throws {
        try FileSystem.createDirectory(dir)
        let csv = "\(dir)/scale.csv"
        let start = Date()
        try ScaleData.write(rows: rows, to: csv)
        print(String(format: "generated %@ (%d rows × 20 columns) in %.1f s", csv, rows, Date().timeIntervalSince(start)))
        let bin = child.binaryPath
        let common = ["--quiet"] + child.threadArguments
        let fit = try ChildProcess.measure(bin, ["fit", csv, "--out", "\(dir)/model.json"] + common)
        let sample = try ChildProcess.measure(bin, ["sample", "\(dir)/model.json", "--rows", String(rows),
                                                    "--out", "\(dir)/synthetic.csv"] + common)
        print("| step | rows | wall s | peak RSS MB | floor |")
        print("|---|---|---|---|---|")
        print(String(format: "| fit (read, infer, fit, save) | %d | %.2f | %.0f | < 60 s, < 2048 MB |", rows, fit.seconds, fit.peakMB))
        print(String(format: "| sample (load, sample, write CSV) | %d | %.2f | %.0f | < 15 s |", rows, sample.seconds, sample.peakMB))
    }
}

/// A synthetic clinical-looking table: 12 correlated decimals, 3 integers, 3 categoricals, a
/// date and an id, written without holding it in memory.
enum ScaleData {
    static func write(rows: Int, to path: String) throws {
        try AtomicFile.write(to: path) { out in
            let numeric = (1...12).map { "lab\($0)" }
            try out.write((["id"] + numeric + ["age", "visits", "score", "sex", "stage", "arm", "diagnosed"]).joined(separator: ",") + "\n")
            var rng = SeededRandom(seed: 20261123)
            let dates = try DateTimeFormat("%Y-%m-%d")
            let arms = ["placebo", "low", "high"]
            for i in 0..<rows {
                let z0 = rng.nextStandardNormal()
                var line = String(i + 1)
                for k in 0..<12 {
                    let v = 0.6 * z0 + 0.8 * rng.nextStandardNormal()
                    line += "," + FixedDecimalFormatter.format(50 + Double(k + 1) * 3 * v + (k % 3 == 0 ? exp(v) : 0), decimals: 2)
                }
                let age = max(18, min(95, Int((60 + 12 * z0).rounded())))
                line += ",\(age),\(Int(exp(1 + 0.5 * rng.nextStandardNormal())))"
                line += ",\(Int(100 + 15 * (0.5 * z0 + 0.86 * rng.nextStandardNormal())))"
                line += rng.nextUniform() < 0.5 + 0.1 * tanh(z0) ? ",f" : ",m"
                line += ",\(min(4, max(1, Int(2.5 + z0 + 0.7 * rng.nextStandardNormal()))))"
                line += "," + arms[rng.nextInt(below: 3)]
                let day = 14_000 + Int(2_000 * rng.nextUniform())
                line += "," + dates.format(Double(day) * 86_400)
                try out.write(line + "\n")
            }
        }
    }
}

/// The `raresynth` a benchmark runs as a child process, and its threads.
struct ChildOptions: ParsableArguments {
    @Option(help: "The raresynth binary (default: beside this one).")
    var binary: String?

    @Option(help: "Threads for raresynth (default: all cores).")
    var threads: Int?

    var binaryPath: String {
        binary ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("raresynth").path
    }

    var threadArguments: [String] { threads.map { ["--threads", String($0)] } ?? [] }
}

/// Runs a child process and measures its wall time and peak resident memory (`wait4`).
enum ChildProcess {
    struct Measurement { var seconds: Double; var peakMB: Double }

    static func measure(_ path: String, _ arguments: [String]) throws -> Measurement {
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = Date()
        guard posix_spawn(&pid, path, nil, nil, argv, environ) == 0 else {
            throw ValidationError("cannot start \(path)")
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Date().timeIntervalSince(start)
        guard status == 0 else { throw ValidationError("\(path) \(arguments.joined(separator: " ")) failed (status \(status))") }
        return Measurement(seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024)
    }
}

import ArgumentParser
import Foundation
import RareSynth

/// The scale floors of issue 4: the full evaluation (every family, DCR on all rows) of a
/// 100,000 × 30 table must finish with peak memory under 2 GB. Real, synthetic and holdout
/// tables are generated from the same clinical-looking model (the synthetic one slightly
/// distorted, so no metric is trivially perfect), then `raresynth evaluate` runs as its own
/// process, timed and measured (peak RSS) from outside.
struct EvaluateScale: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Generate real, synthetic and holdout CSVs, then time 'raresynth evaluate' with every family on them.")

    @Option(help: "Rows of the real and of the synthetic table (the holdout gets a quarter as many).")
    var rows = 100_000

    @Option(help: "Columns of each table (at least 10: id, age, sex, stage, arm, outcome, time, event and labs).")
    var columns = 30

    @Option(help: "Working directory.")
    var dir = "/tmp/raresynth-evaluate-scale"

    @OptionGroup var child: ChildOptions

    func validate() throws {
        guard columns >= 10 else { throw ValidationError("--columns must be at least 10 (got \(columns))") }
        guard rows >= 20 else { throw ValidationError("--rows must be at least 20 (got \(rows))") }
    }

    func run() throws {
        try FileSystem.createDirectory(dir)
        let start = Date()
        let real = "\(dir)/real.csv", synthetic = "\(dir)/synthetic.csv", holdout = "\(dir)/holdout.csv"
        try EvaluationScaleData.write(rows: rows, columns: columns, seed: 1, distortion: 0, to: real)
        try EvaluationScaleData.write(rows: rows, columns: columns, seed: 2, distortion: 0.15, to: synthetic)
        try EvaluationScaleData.write(rows: max(5, rows / 4), columns: columns, seed: 3, distortion: 0, to: holdout)
        print(String(format: "generated %@/{real,synthetic,holdout}.csv (%d, %d, %d rows × %d columns) in %.1f s",
                     dir, rows, rows, max(5, rows / 4), columns, Date().timeIntervalSince(start)))
        let bin = child.binaryPath
        let arguments = ["evaluate", real, synthetic, "--holdout", holdout, "--target", "outcome",
                         "--sensitive", "sex", "--quasi-identifiers", "age,sex,stage", "--survival", "time,event",
                         "--group", "arm", "--report", "\(dir)/report.html", "--json", "\(dir)/report.json", "--quiet"]
            + child.threadArguments
        let run = try ChildProcess.measure(bin, arguments)
        print("| step | rows (real + synthetic + holdout) | columns | wall s | peak RSS MB | floor |")
        print("|---|---|---|---|---|---|")
        print(String(format: "| evaluate (all families, DCR on all rows) | %d + %d + %d | %d | %.2f | %.0f | finishes, < 2048 MB |",
                     rows, rows, max(5, rows / 4), columns, run.seconds, run.peakMB))
    }
}

/// Patients with a latent severity `z0` that ties age, stage, labs, the outcome and survival
/// together, so every metric family (correlations, TSTR, fairness, Kaplan–Meier) has signal.
/// `distortion` shifts and widens the labs and bends the outcome rate, making a plausible but
/// imperfect "synthetic" table.
enum EvaluationScaleData {
    static func write(rows: Int, columns: Int, seed: UInt64, distortion: Double, to path: String) throws {
        let labs = columns - 8
        try AtomicFile.write(to: path) { out in
            let header = ["id", "age", "sex", "stage", "arm", "outcome", "time", "event"] + (1...labs).map { "lab\($0)" }
            try out.write(header.joined(separator: ",") + "\n")
            var rng = SeededRandom(seed: 20_261_123 &+ seed)
            let arms = ["placebo", "low", "high"]
            let spread = 1 + distortion
            for i in 0..<rows {
                let z0 = rng.nextStandardNormal()
                var line = String(i + 1)
                line += ",\(max(18, min(95, Int((60 + 12 * z0).rounded()))))"
                let female = rng.nextUniform() < 0.5 + 0.1 * tanh(z0)
                line += female ? ",f" : ",m"
                line += ",\(min(4, max(1, Int(2.5 + z0 + 0.7 * rng.nextStandardNormal()))))"
                let arm = rng.nextInt(below: 3)
                line += "," + arms[arm]
                let logit = -0.3 + 1.2 * z0 - 0.4 * Double(arm) + (female ? 0.3 : 0) + distortion
                line += rng.nextUniform() < 1 / (1 + exp(-logit)) ? ",yes" : ",no"
                let hazard = 0.001 * exp(0.5 * z0 - 0.2 * Double(arm))
                let eventTime = -log(max(1e-12, rng.nextUniform())) / hazard
                let censor = 200 + 2_000 * rng.nextUniform()
                line += "," + FixedDecimalFormatter.format(min(eventTime, censor), decimals: 1)
                line += eventTime <= censor ? ",1" : ",0"
                for k in 0..<labs {
                    let v = 0.6 * z0 + 0.8 * rng.nextStandardNormal() * spread + distortion
                    line += "," + FixedDecimalFormatter.format(50 + Double(k % 12 + 1) * 3 * v + (k % 3 == 0 ? exp(v) : 0),
                                                               decimals: 2)
                }
                try out.write(line + "\n")
            }
        }
    }
}

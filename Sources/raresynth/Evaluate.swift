import ArgumentParser
import Foundation
import RareSynth

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure how faithful, useful and private a synthetic table is: report.html and report.json.",
        discussion: """
        Families: fidelity (SDMetrics Quality and Diagnostic, distances, correlations, MMD, detection, pMSE),
        utility (train on synthetic, test on real; needs --target and --holdout), privacy (DCR on all rows,
        DCR protections, NNDR, NewRowSynthesis, membership inference with --holdout; k-anonymity, CAP,
        repU/DiSCO with --quasi-identifiers), fairness (--sensitive), survival (--survival).
        The report says which ran, on how many rows, and why any figure is missing. Exit status 0 when every
        family the options ask for could run; 3 when the data kept some from running (the report is still
        written); 1 when an input cannot be read.
        """)

    @Argument(help: "The real data the generator learned from (CSV).")
    var real: String

    @Argument(help: "The synthetic data (CSV).")
    var synthetic: String

    @Option(help: "Schema JSON typing the columns (default: inferred from the real data).")
    var schema: String?

    @OptionGroup var metrics: EvaluationArguments

    @Option(help: "Where to write the HTML report.")
    var report: String?

    @Option(help: "Where to write the JSON report.")
    var json: String?

    @Option(help: "Seed of every random step (folds, forests, baselines).")
    var seed: UInt64 = 0

    @OptionGroup var input: CSVInputOptions
    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        if report == nil && json == nil { throw ValidationError("give --report FILE.html and/or --json FILE.json") }
    }

    func run() throws {
        try runOptions.apply()
        var options = try metrics.evaluationOptions()
        options.seed = seed
        options.threads = runOptions.threads
        let job = EvaluationJob(real: real, synthetic: synthetic, holdout: metrics.holdout, schemaPath: schema,
                                csv: try input.csvOptions(), options: options, reportPath: report, jsonPath: json)
        let result = try job.run(progress: runOptions.progress)
        let evaluation = result.evaluation
        if !runOptions.quiet {
            print(EvaluationSummary.text(evaluation))
            for path in [json, report].compactMap({ $0 }) { print("written: \(path)") }
        }
        for issue in evaluation.issues {
            FileHandle.standardError.write(Data("warning: \(issue.reason)\n".utf8))
        }
        if evaluation.hasInputProblems { throw ExitCode(3) }
    }
}

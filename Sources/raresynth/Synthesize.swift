import ArgumentParser
import Foundation
import RareSynth

struct Synthesize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Infer the schema, fit, sample and score in one go.",
        discussion: """
        Writes OUT/schema.json (editable; pass it back with --schema), OUT/model.json (parameters only),
        OUT/synthetic.csv (or .jsonl / .sqlite) with OUT/synthetic.csv.provenance.json beside it (input SHA-256,
        synthesizer parameters, seed, version), OUT/quality.json, and the evaluation OUT/report.html and
        OUT/report.json (see 'raresynth evaluate'; its options below choose what it measures).
        """)

    @Argument(help: "The real data, a CSV file.")
    var data: String

    @Option(name: .shortAndLong, help: "Output directory.")
    var out: String

    @Option(help: "Schema JSON to use instead of inferring one (see 'raresynth inspect').")
    var schema: String?

    @Option(help: "Rows to generate (default: as many as the data has).")
    var rows: Int?

    @Option(help: "Output format: csv, jsonl or sqlite.")
    var format: OutputFormat = .csv

    @OptionGroup var modelArguments: ModelArguments

    @Flag(help: "Skip the quality score and the evaluation report.")
    var noScore = false

    @Flag(help: "Keep synthetic rows that nearly copy a real row (by default they are drawn again; see NewRowSynthesis).")
    var keepNearCopies = false

    @OptionGroup var metrics: EvaluationArguments
    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var input: CSVInputOptions
    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        if let rows, rows < 1 { throw ValidationError("--rows must be at least 1") }
    }

    func run() throws {
        try runOptions.apply()
        var job = Synthesis(input: data, outputDirectory: out, schemaPath: schema, csv: try input.csvOptions(),
                            fit: try modelArguments.fitOptions(seed: sampling.seed),
                            rows: rows, seed: sampling.seed, conditions: try sampling.parsedConditions(),
                            conditionsPath: sampling.conditionsFile, rebalance: sampling.rebalance,
                            format: format, score: !noScore, filterNearCopies: !keepNearCopies)
        job.checkpointEvery = modelArguments.checkpointEvery
        job.evaluation = try metrics.evaluationOptions()
        job.evaluation.seed = sampling.seed
        job.evaluation.threads = runOptions.threads
        job.holdoutPath = metrics.holdout
        let result = try job.run(progress: runOptions.progress)
        guard !runOptions.quiet else { return }
        print("\(result.rows) synthetic rows: \(result.dataPath)")
        if !keepNearCopies {
            print("near copies of real rows: \(result.redrawn) redrawn, \(result.nearCopiesLeft) left (a copy: every category equal and every number within 1%)")
        }
        print("schema: \(result.schemaPath)   model: \(result.modelPath)")
        if let quality = result.quality, let path = result.qualityPath {
            print(quality.text)
            print("details: \(path)")
        }
        if let evaluation = result.evaluation, let html = result.reportPath {
            print(EvaluationSummary.text(evaluation))
            print("report: \(html)")
        }
        print("provenance: \(result.provenancePath)")
    }
}

import ArgumentParser
import Foundation
import RareSynth

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Sample synthetic rows from a saved model.")

    @Argument(help: "A model file written by 'raresynth fit' or 'raresynth synthesize'.")
    var model: String

    @Option(help: "Rows to generate (default: as many as the training data had).")
    var rows: Int?

    @Option(name: .shortAndLong, help: "Output file; its extension picks the format unless --format is given.")
    var out: String

    @Option(help: "Output format: csv, jsonl or sqlite.")
    var format: OutputFormat?

    @Option(help: "The real data: rows that nearly copy one of its rows are drawn again.")
    var real: String?

    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var input: CSVInputOptions
    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        if let rows, rows < 1 { throw ValidationError("--rows must be at least 1") }
    }

    func run() throws {
        try runOptions.apply()
        let file = try ModelFile.load(path: model)
        if file.privacy != nil, real != nil {
            throw ValidationError("--real: the model is differentially private, and the near-copy filter would read the real rows after training, outside its budget; sample without --real")
        }
        let conditionRows = try sampling.conditionsFile.map { try CSVReader.readTable(path: $0, options: try input.csvOptions()) }
        let options = SampleOptions(rows: rows ?? file.trainingRows, seed: sampling.seed,
                                    conditions: try sampling.parsedConditions(), conditionRows: conditionRows,
                                    rebalance: sampling.rebalance)
        let filter = try real.map { NearCopyFilter(real: try CSVReader.readTable(path: $0, options: try input.csvOptions()),
                                                   transformer: file.transformer) }
        runOptions.progress.stage("sampling")
        let outcome = try file.sample(options, filter: filter)
        let table = outcome.table
        let chosen = format ?? OutputFormat.from(path: out) ?? .csv
        try chosen.write(table, schema: file.schema, to: out)
        try SampleProvenance.write(model: model, synthesizer: file.model, real: real, conditions: sampling.conditionsFile, output: out,
                                   rows: table.rowCount, columns: table.columnCount, schema: file.schema, seed: sampling.seed,
                                   privacy: file.privacy)
        runOptions.progress.done(nil)
        if let privacy = file.privacy { FileHandle.standardError.write(Data("privacy: \(privacy.summary)\n".utf8)) }
        if !runOptions.quiet {
            print("\(table.rowCount) synthetic rows: \(out)")
            if filter != nil { print("near copies of real rows: \(outcome.redrawn) redrawn, \(outcome.nearCopiesLeft) left") }
        }
    }
}

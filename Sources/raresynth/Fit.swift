import ArgumentParser
import Foundation
import RareSynth

struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a model to a CSV and save it (parameters only, no real rows).")

    @Argument(help: "The real data, a CSV file.")
    var data: String

    @Option(name: .shortAndLong, help: "Where to write the model file (JSON).")
    var out: String

    @Option(help: "Schema JSON to use instead of inferring one.")
    var schema: String?

    @OptionGroup var modelArguments: ModelArguments

    @Option(help: "Seed of a neural model's initialisation and training: the same data, options and seed give the same model file.")
    var seed: UInt64 = 0

    @OptionGroup var input: CSVInputOptions
    @OptionGroup var runOptions: RunOptions

    func run() throws {
        try runOptions.apply()
        let options = try modelArguments.fitOptions(seed: seed)
        if options.isPrivate, schema == nil {
            throw ValidationError("--epsilon needs --schema: under differential privacy the bounds and categories must be declared, not inferred from the data")
        }
        let progress = runOptions.progress
        progress.stage("reading \(data)")
        let table = try CSVReader.readTable(path: data, options: try input.csvOptions())
        progress.done("\(table.rowCount) rows × \(table.columnCount) columns")
        let schemaValue = try schema.map { try Schema.load(path: $0) } ?? SchemaInference().infer(table, file: data).schema
        progress.stage("fitting \(options.kind.rawValue)")
        let checkpoint = modelArguments.checkpointEvery.map { CheckpointFile(modelPath: out, every: $0) }
        let file = try ModelFile.fit(table, schema: schemaValue, file: data, schemaFile: schema, options: options,
                                     checkpoint: try checkpoint?.policy(progress: progress), epochs: progress.epochPrinter())
        try file.save(to: out)
        checkpoint?.remove()
        progress.done(nil)
        if let privacy = file.privacy { FileHandle.standardError.write(Data("privacy: \(privacy.summary)\n".utf8)) }
        if !runOptions.quiet { print("model written to \(out)") }
    }
}

import ArgumentParser
import Foundation
import RareSynth

struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a model to a CSV and save it (parameters only, no real rows).")

    @Argument(help: "The real data, a CSV file.")
    var data: String

    @Option(name: .shortAndLong, help: "Where to write the model file (JSON).")
    var model: String

    @Option(help: "Schema JSON to use instead of inferring one.")
    var schema: String?

    @Option(help: "Marginals of continuous columns: auto, empirical or parametric.")
    var marginals: GaussianCopulaOptions.MarginalChoice = .auto

    @OptionGroup var input: CSVInputOptions
    @OptionGroup var runOptions: RunOptions

    func run() throws {
        try runOptions.apply()
        let progress = runOptions.progress
        progress.stage("reading \(data)")
        let table = try CSVReader.readTable(path: data, options: try input.csvOptions())
        progress.done("\(table.rowCount) rows × \(table.columnCount) columns")
        let schemaValue = try schema.map { try Schema.load(path: $0) } ?? SchemaInference().infer(table, file: data).schema
        progress.stage("fitting")
        let file = try ModelFile.fit(table, schema: schemaValue, file: data,
                                     options: FitOptions(copula: GaussianCopulaOptions(marginals: marginals)))
        try file.save(to: model)
        progress.done(nil)
        if !runOptions.quiet { print("model written to \(model)") }
    }
}

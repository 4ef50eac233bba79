import ArgumentParser
import Foundation
import RareSynth

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a synthetic CSV against the real one with SDMetrics' QualityReport formulas.")

    @Argument(help: "The real data the generator learned from.")
    var real: String

    @Argument(help: "The synthetic data.")
    var synthetic: String

    @Option(help: "Schema JSON typing the columns (default: inferred from the real data).")
    var schema: String?

    @Option(help: "Also write the full report as JSON here.")
    var json: String?

    @OptionGroup var input: CSVInputOptions

    func run() throws {
        let options = try input.csvOptions()
        let realTable = try CSVReader.readTable(path: real, options: options)
        let synthTable = try CSVReader.readTable(path: synthetic, options: options)
        let schemaValue = try schema.map { try Schema.load(path: $0) } ?? SchemaInference().infer(realTable, file: real).schema
        let summary = try QualitySummary.compute(real: realTable, synthetic: synthTable, schema: schemaValue,
                                                 realFile: real, syntheticFile: synthetic)
        print(summary.text)
        if let json { try FileSystem.writeAtomically(try summary.json(), to: json) }
    }
}

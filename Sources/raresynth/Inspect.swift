import ArgumentParser
import Foundation
import RareSynth

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Infer a table's schema, print a summary and write the schema as editable JSON.")

    @Argument(help: "A CSV file.")
    var data: String

    @Option(name: .customLong("schema-out"), help: "Where to write the schema JSON (default: NAME.schema.json in the current directory).")
    var schemaOut: String?

    @OptionGroup var input: CSVInputOptions

    func run() throws {
        let table = try CSVReader.readTable(path: data, options: try input.csvOptions())
        let inferred = try SchemaInference().infer(table, file: data)
        print("\(data): \(table.rowCount) rows × \(table.columnCount) columns")
        print(inferred.summaryText)
        let name = data.split(separator: "/").last.map(String.init) ?? data
        let stem = name.hasSuffix(".csv") ? String(name.dropLast(4)) : name
        let path = schemaOut ?? "\(stem).schema.json"
        try FileSystem.writeAtomically(Data(try inferred.schema.jsonText().utf8), to: path)
        print("schema written to \(path); edit it and pass it back with --schema")
    }
}

import ArgumentParser
import RareSynth

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Hand a table of patients (e.g. synthesize's output) over as OMOP CDM v5.4 or FHIR R4, through a column mapping.",
        discussion: """
        TABLE has one row per patient; MAPPING (YAML or JSON, format in specs/README.md, example Examples/pbc.mapping.yaml)
        says which columns give the entry date, birth (or age), sex, race, ethnicity, follow-up and death, which are LOINC
        measurements and which values are conditions, treatments or procedures. Person ids are row numbers: identifier columns
        are never read. Writes OUT/omop.sqlite (default), OUT/omop/<table>.csv, a PostgreSQL schema, FHIR R4 Bulk Data
        OUT/fhir/*.ndjson or a transaction Bundle per patient in OUT/fhir-bundles/. Every row is checked first; a bad cell is an
        error naming its line and column, with nothing written.
        """)

    @Argument(help: "The table, CSV (one row per patient).")
    var table: String

    @Option(help: "The column mapping, YAML or JSON.")
    var mapping: String

    @Option(name: .shortAndLong, help: "Output directory.")
    var out: String?

    @Option(help: "Output format: omop-sqlite, omop-csv, omop-postgres, fhir (Bulk Data ndjson) or fhir-bundle.")
    var format: Simulation.Format = .omopSQLite

    @Option(help: ArgumentHelp("For omop-postgres: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME] (schema cdm by default, replaced; PGPASSWORD is read).",
                               valueName: "URL"))
    var postgres: String?

    @OptionGroup var input: CSVInputOptions
    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        if format == .csv { throw ValidationError("--format csv: the table is CSV already; choose omop-sqlite, omop-csv, omop-postgres, fhir or fhir-bundle") }
        if format == .omopPostgres {
            if postgres == nil { throw ValidationError("--format omop-postgres needs --postgres URL") }
        } else if out == nil {
            throw ValidationError("--out is required")
        }
    }

    func run() async throws {
        try runOptions.apply()
        let target = try postgres.map { try PostgresTarget(url: $0) }
        let result = try await Handover(tablePath: table, mappingPath: mapping, outputDirectory: out, postgres: target, format: format,
                                        csvOptions: try input.csvOptions()).run(progress: runOptions.progress)
        guard !runOptions.quiet else { return }
        print("\(result.patients) patients of \(result.mapping.name): \(result.dataPath)")
    }
}

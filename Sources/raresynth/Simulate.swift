import ArgumentParser
import RareSynth

struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a rare-disease cohort from a spec of published statistics (no data needed).",
        discussion: """
        SPEC is a cohort spec in YAML or JSON (see specs/README.md; bundled: specs/*.yaml). Writes OUT/omop.sqlite, an
        OMOP CDM v5.4 database (person, observation_period, visit_occurrence, condition_occurrence, measurement, death,
        cdm_source and the concepts they use; every table of v5.4 with OHDSI's keys); with --format omop-csv the same tables as
        OUT/omop/<table>.csv; with --format csv OUT/patients.csv
        (one row per patient: sex, race, ethnicity, birth, onset, diagnosis and death dates, the values at diagnosis) and
        OUT/events.csv; with --format fhir FHIR R4 Bulk Data files OUT/fhir/*.ndjson; with --format fhir-bundle one FHIR
        transaction Bundle per patient in OUT/fhir-bundles/. Patient i depends only on (--seed, i): any --threads and any --patients prefix give the same patients.
        """)

    @Argument(help: "The cohort spec, YAML or JSON.")
    var spec: String

    @Option(name: .shortAndLong, help: "Output directory.")
    var out: String?

    @Option(help: "Patients to simulate (default: the spec's population.size).")
    var patients: Int?

    @Option(help: "Random seed: the same spec, patients and seed give byte-identical output.")
    var seed: UInt64 = 0

    @Option(help: "Output format: omop-sqlite, omop-csv (a CSV file per CDM table), omop-postgres, csv, fhir (Bulk Data ndjson) or fhir-bundle (a transaction Bundle per patient).")
    var format: Simulation.Format = .omopSQLite

    @Option(help: ArgumentHelp("For omop-postgres: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME] (schema cdm by default, replaced; PGPASSWORD is read).",
                               valueName: "URL"))
    var postgres: String?

    @Flag(help: "Only read and check the spec, and print what it describes.")
    var check = false

    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        if let patients, patients < 1 { throw ValidationError("--patients must be at least 1") }
        if format == .omopPostgres {
            if !check && postgres == nil { throw ValidationError("--format omop-postgres needs --postgres URL") }
        } else if !check && out == nil {
            throw ValidationError("--out is required (or --check to only check the spec)")
        }
    }

    func run() async throws {
        try runOptions.apply()
        if check {
            let spec = try CohortSpec.load(path: spec)
            print("\(self.spec): \(spec.name): valid")
            print("  \(spec.parameters.count) clinical parameters, \(spec.references.count) references, "
                  + "index date \(CivilDate.iso(spec.population.indexDate)), default size \(spec.population.size)")
            return
        }
        let target = try postgres.map { try PostgresTarget(url: $0) }
        let result = try await Simulation(specPath: spec, outputDirectory: out, postgres: target, patients: patients, seed: seed,
                                          format: format).run(progress: runOptions.progress)
        guard !runOptions.quiet else { return }
        print("\(result.patients) patients of \(result.spec.name): \(result.dataPath)")
    }
}

extension Simulation.Format: ExpressibleByArgument {}

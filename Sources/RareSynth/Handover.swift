import Foundation
import RareSynthExport
import RareSynthProvenance
import RareSynthSimulate
import RareSynthTable

/// `raresynth export`: a table of patients (one row each, typically the output of `raresynth
/// synthesize`) handed over as OMOP CDM v5.4 or FHIR R4 through a column mapping file
/// (`TableMapping`), with the writers a simulated cohort uses.
///
/// The mapping is read and every row of the table checked against it before any output is
/// made; the output appears whole or not at all.
public struct Handover {
    public var tablePath: String
    public var mappingPath: String
    /// Where files go; unused for PostgreSQL.
    public var outputDirectory: String?
    /// For `.omopPostgres`: the database and schema.
    public var postgres: PostgresTarget?
    /// Any of the simulator's formats but `csv` (the table is CSV already).
    public var format: Simulation.Format
    public var csvOptions: CSVOptions

    public init(tablePath: String, mappingPath: String, outputDirectory: String?, postgres: PostgresTarget? = nil,
                format: Simulation.Format = .omopSQLite, csvOptions: CSVOptions = CSVOptions()) {
        self.tablePath = tablePath
        self.mappingPath = mappingPath
        self.outputDirectory = outputDirectory
        self.postgres = postgres
        self.format = format
        self.csvOptions = csvOptions
    }

    public struct Result: Sendable {
        public let mapping: TableMapping
        public let patients: Int
        /// The file or directory written, or the PostgreSQL target (without its password).
        public let dataPath: String
    }

    public func run(progress: Progress = .silent) async throws -> Result {
        guard format != .csv else { throw DataError("export writes omop-sqlite, omop-csv, omop-postgres, fhir or fhir-bundle, not csv") }
        progress.stage("Reading the mapping \(mappingPath) and the table \(tablePath)")
        let mapping = try TableMapping.load(path: mappingPath)
        let table = try CSVReader.readTable(path: tablePath, options: csvOptions)
        let records = try MappedTable(mapping, table: table, file: tablePath)
        let name = (tablePath as NSString).lastPathComponent
        let provenance = Provenance.recordPath(for: tablePath)
        let made = FileManager.default.fileExists(atPath: provenance)
            ? "a synthetic table made by RareSynth (its provenance record: \((provenance as NSString).lastPathComponent))"
            : "a table without a RareSynth provenance record"
        let source = OMOPSource(
            name: mapping.name,
            abbreviation: "RareSynth",
            holder: "RareSynth export of \(name)",
            description: "\(records.count) rows of \(name), \(made), mapped to OMOP CDM v5.4 by \((mappingPath as NSString).lastPathComponent) "
                + "with RareSynth \(RareSynthVersion.string).",
            sourceReleaseDate: records.dictionary.indexDate,
            cdmReleaseDate: records.dictionary.indexDate)
        var last = Date()
        let count = records.count
        let (dataPath, digests) = try await Self.write(records, source: source, format: format, outputDirectory: outputDirectory, postgres: postgres,
                                            stage: { progress.stage("Writing \(count) patients of \(name) into \($0)") },
                                            progress: { done in
                                                guard Date().timeIntervalSince(last) > 2 || done == count else { return }
                                                last = Date()
                                                progress.done("\(done) of \(count) patients")
                                            })
        // The record: the table and mapping by SHA-256, the outputs, and the table's own privacy
        // entry carried over (mapping it changes nothing about what it reveals).
        var inputs = [try Provenance.FileRecord.file(role: "table", path: tablePath, rows: table.rowCount, columns: table.columnCount),
                      try Provenance.FileRecord.file(role: "mapping", path: mappingPath)]
        if FileManager.default.fileExists(atPath: provenance) { inputs.append(try .file(role: "table's provenance record", path: provenance)) }
        let earlier = ProvenanceRecord.existing(beside: tablePath)
        var parameters: [String: JSONValue] = ["format": .string(format.rawValue), "patients": .number(Double(count))]
        let recordPath: String
        var outputs: [Provenance.FileRecord] = []
        if format == .omopPostgres {
            parameters["postgres"] = .string(dataPath)
            guard let outputDirectory else { return Result(mapping: mapping, patients: records.count, dataPath: dataPath) }
            try FileSystem.createDirectory(outputDirectory)
            recordPath = (outputDirectory as NSString).appendingPathComponent("omop-postgres")
        } else {
            outputs = try ProvenanceRecord.outputs(role: "exported \(format.rawValue)", path: dataPath, known: digests)
            recordPath = dataPath
        }
        let record = Provenance(job: "export", inputs: inputs, outputs: outputs,
                                synthesizer: Provenance.Synthesizer(name: "TableMapping", parameters: .object(parameters)),
                                seed: earlier?.seed, privacyBudget: earlier?.privacyBudget)
        try ProvenanceRecord.write(record, beside: recordPath)
        return Result(mapping: mapping, patients: records.count, dataPath: dataPath)
    }

    /// Writes `records` in `format` (not `.csv`) into `outputDirectory` or the PostgreSQL
    /// target; returns what was written (a path, or the target without its password) and the
    /// digests of files hashed as they were written (FHIR Bulk Data).
    static func write(_ records: some PatientRecords, source: OMOPSource, format: Simulation.Format, outputDirectory: String?,
                      postgres: PostgresTarget?, stage: (String) -> Void, progress: @escaping (Int) -> Void) async throws
        -> (path: String, digests: [String: (sha256: String, bytes: Int)]) {
        if format == .omopPostgres {
            guard let postgres else { throw DataError("the omop-postgres format needs a PostgreSQL target (--postgres URL)") }
            let vocabulary = try CohortOMOP.vocabulary(for: records.dictionary)
            stage(postgres.description)
            try await OMOPPostgresWriter.write(to: postgres, vocabulary: vocabulary, source: source) { loader in
                try CohortOMOP.load(records, into: loader, progress: progress)
            }
            return (postgres.description, [:])
        }
        guard let outputDirectory else { throw DataError("no output directory given") }
        try FileSystem.createDirectory(outputDirectory)
        let path = (outputDirectory as NSString).appendingPathComponent(format.outputName)
        stage(path)
        var digests: [String: (sha256: String, bytes: Int)] = [:]
        switch format {
        case .omopSQLite: try CohortOMOP.write(records, to: path, source: source, progress: progress)
        case .omopCSV: try CohortOMOP.writeCSV(records, toDirectory: path, source: source, progress: progress)
        case .fhir: digests = try CohortFHIR.write(records, to: path, layout: .bulkData, progress: progress)
        case .fhirBundle: try CohortFHIR.write(records, to: path, layout: .transactionBundles, progress: progress)
        case .csv, .omopPostgres: preconditionFailure("handled above")
        }
        return (path, digests)
    }
}

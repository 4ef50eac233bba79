import Foundation
import RareSynthProvenance
import RareSynthSimulate
import RareSynthTable

/// `raresynth simulate`: patients drawn from a cohort spec, written to an output directory.
///
/// The spec is read and checked completely, and the first patients are drawn, before any file is
/// created, so a bad spec or one that cannot produce patients fails with nothing written; the
/// data file itself appears whole or not at all.
public struct Simulation {
    public var specPath: String
    /// Where files go; unused for PostgreSQL.
    public var outputDirectory: String?
    /// For `.omopPostgres`: the database and schema.
    public var postgres: PostgresTarget?
    /// Nil: the spec's `population.size`.
    public var patients: Int?
    public var seed: UInt64
    public var format: Format

    /// What the cohort is written as.
    public enum Format: String, Sendable, CaseIterable {
        /// An OMOP CDM v5.4 database, OUT/omop.sqlite (see `CohortOMOP`).
        case omopSQLite = "omop-sqlite"
        /// An OMOP CDM v5.4 as CSV files, one per table: OUT/omop/person.csv, … (see `OMOPCSVWriter`).
        case omopCSV = "omop-csv"
        /// One row per patient, OUT/patients.csv, and with a course one per event, OUT/events.csv
        /// (see `CohortCSVWriter`).
        case csv
        /// FHIR R4 Bulk Data: OUT/fhir/Patient.ndjson, Encounter.ndjson, … (see `CohortFHIR`).
        case fhir
        /// FHIR R4 transaction Bundles, one per patient: OUT/fhir-bundles/NNNNNNN.json.
        case fhirBundle = "fhir-bundle"
        /// An OMOP CDM v5.4 schema in PostgreSQL (see `OMOPPostgresWriter`).
        case omopPostgres = "omop-postgres"

        var outputName: String {
            switch self {
            case .omopSQLite: return "omop.sqlite"
            case .omopCSV: return "omop"
            case .csv: return "patients.csv"
            case .fhir: return "fhir"
            case .fhirBundle: return "fhir-bundles"
            case .omopPostgres: return ""
            }
        }
    }

    public init(specPath: String, outputDirectory: String?, postgres: PostgresTarget? = nil, patients: Int? = nil, seed: UInt64 = 0,
                format: Format = .omopSQLite) {
        self.postgres = postgres
        self.specPath = specPath
        self.outputDirectory = outputDirectory
        self.patients = patients
        self.seed = seed
        self.format = format
    }

    public struct Result: Sendable {
        public let spec: CohortSpec
        public let patients: Int
        /// The file or directory written, or the PostgreSQL target (without its password).
        public let dataPath: String
    }

    public func run(progress: Progress = .silent) async throws -> Result {
        progress.stage("Reading the cohort spec \(specPath)")
        let spec = try CohortSpec.load(path: specPath)
        let simulator = try CohortSimulator(spec: spec, seed: seed)
        let count = patients ?? spec.population.size
        _ = try simulator.patients(0..<Swift.min(count, 64))
        var last = Date()
        let report: (Int) -> Void = { done in
            guard Date().timeIntervalSince(last) > 2 || done == count else { return }
            last = Date()
            progress.done("\(done) of \(count) patients")
        }
        if format == .csv {
            guard let outputDirectory else { throw DataError("no output directory given") }
            try FileSystem.createDirectory(outputDirectory)
            let path = (outputDirectory as NSString).appendingPathComponent(format.outputName)
            progress.stage("Simulating \(count) patients of \(spec.name) into \(path)")
            let events = spec.course == nil ? nil : (outputDirectory as NSString).appendingPathComponent("events.csv")
            try CohortCSVWriter.write(simulator, patients: count, to: path, eventsPath: events, progress: report)
            try writeProvenance(spec: spec, count: count, outputs: [path] + (events.map { [$0] } ?? []), beside: path)
            return Result(spec: spec, patients: count, dataPath: path)
        }
        let (dataPath, digests) = try await Handover.write(SimulatedCohort(simulator, count: count), source: CohortOMOP.source(simulator, count),
                                                format: format, outputDirectory: outputDirectory, postgres: postgres,
                                                stage: { progress.stage("Simulating \(count) patients of \(spec.name) into \($0)") },
                                                progress: report)
        if format == .omopPostgres {
            if let outputDirectory {
                try FileSystem.createDirectory(outputDirectory)
                try writeProvenance(spec: spec, count: count, outputs: [], target: dataPath,
                                    beside: (outputDirectory as NSString).appendingPathComponent("omop-postgres"))
            }
        } else {
            try writeProvenance(spec: spec, count: count, outputs: [dataPath], known: digests, beside: dataPath)
        }
        return Result(spec: spec, patients: count, dataPath: dataPath)
    }

    /// `PATH.provenance.json` beside the output: the spec by SHA-256, the seed, the count and
    /// format, the build, and the outputs by SHA-256. With the same spec, seed, count and build the
    /// output is the same bytes, so the record says how to make it again.
    func writeProvenance(spec: CohortSpec, count: Int, outputs: [String], known: [String: (sha256: String, bytes: Int)] = [:],
                         target: String? = nil, beside path: String) throws {
        var parameters: [String: JSONValue] = ["spec": .string(spec.name), "patients": .number(Double(count)), "format": .string(format.rawValue)]
        if let target { parameters["postgres"] = .string(target) }
        var records: [Provenance.FileRecord] = []
        for output in outputs { records += try ProvenanceRecord.outputs(role: "simulated \(format.rawValue)", path: output, known: known) }
        let record = Provenance(job: "simulate", inputs: [try .file(role: "cohort spec", path: specPath)], outputs: records,
                                synthesizer: Provenance.Synthesizer(name: "CohortSimulator", parameters: .object(parameters)),
                                seed: seed, privacyBudget: ProvenanceRecord.noPersonalData)
        try ProvenanceRecord.write(record, beside: path)
    }

}

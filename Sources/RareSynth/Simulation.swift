import Foundation
import RareSynthSimulate
import RareSynthTable

/// `raresynth simulate`: patients drawn from a cohort spec, written to an output directory.
///
/// The spec is read and checked completely, and the first patients are drawn, before any file is
/// created, so a bad spec or one that cannot produce patients fails with nothing written; the
/// data file itself appears whole or not at all.
public struct Simulation {
    public var specPath: String
    public var outputDirectory: String
    /// Nil: the spec's `population.size`.
    public var patients: Int?
    public var seed: UInt64
    public var format: Format

    /// What the cohort is written as.
    public enum Format: String, Sendable, CaseIterable {
        /// An OMOP CDM v5.4 database, OUT/omop.sqlite (see `CohortOMOP`).
        case omopSQLite = "omop-sqlite"
        /// One row per patient, OUT/patients.csv, and with a course one per event, OUT/events.csv
        /// (see `CohortCSVWriter`).
        case csv
        /// FHIR R4 Bulk Data: OUT/fhir/Patient.ndjson, Encounter.ndjson, … (see `CohortFHIR`).
        case fhir
        /// FHIR R4 transaction Bundles, one per patient: OUT/fhir-bundles/NNNNNNN.json.
        case fhirBundle = "fhir-bundle"

        var outputName: String {
            switch self {
            case .omopSQLite: return "omop.sqlite"
            case .csv: return "patients.csv"
            case .fhir: return "fhir"
            case .fhirBundle: return "fhir-bundles"
            }
        }
    }

    public init(specPath: String, outputDirectory: String, patients: Int? = nil, seed: UInt64 = 0, format: Format = .omopSQLite) {
        self.specPath = specPath
        self.outputDirectory = outputDirectory
        self.patients = patients
        self.seed = seed
        self.format = format
    }

    public struct Result: Sendable {
        public let spec: CohortSpec
        public let patients: Int
        public let dataPath: String
    }

    public func run(progress: Progress = .silent) throws -> Result {
        progress.stage("Reading the cohort spec \(specPath)")
        let spec = try CohortSpec.load(path: specPath)
        let simulator = try CohortSimulator(spec: spec, seed: seed)
        let count = patients ?? spec.population.size
        _ = try simulator.patients(0..<Swift.min(count, 64))
        try FileSystem.createDirectory(outputDirectory)
        let path = (outputDirectory as NSString).appendingPathComponent(format.outputName)
        progress.stage("Simulating \(count) patients of \(spec.name) into \(path)")
        var last = Date()
        let report: (Int) -> Void = { done in
            guard Date().timeIntervalSince(last) > 2 || done == count else { return }
            last = Date()
            progress.done("\(done) of \(count) patients")
        }
        switch format {
        case .csv:
            let events = spec.course == nil ? nil : (outputDirectory as NSString).appendingPathComponent("events.csv")
            try CohortCSVWriter.write(simulator, patients: count, to: path, eventsPath: events, progress: report)
        case .omopSQLite: try CohortOMOP.write(simulator, patients: count, to: path, progress: report)
        case .fhir: try CohortFHIR.write(simulator, patients: count, to: path, layout: .bulkData, progress: report)
        case .fhirBundle: try CohortFHIR.write(simulator, patients: count, to: path, layout: .transactionBundles, progress: report)
        }
        return Result(spec: spec, patients: count, dataPath: path)
    }
}

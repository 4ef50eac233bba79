import Foundation
import RareSynthEvaluate
import RareSynthProvenance
import RareSynthReport
import RareSynthSchema
import RareSynthTable

/// The job behind `raresynth evaluate` (and the evaluation step of `synthesize`): read the real,
/// synthetic and holdout CSVs, type them with the schema, run every metric family, and write
/// `report.json` and `report.html` atomically.
///
/// Unreadable files and malformed CSV stop the job with an error naming file, line and column,
/// before anything is written. Data that reads but cannot be scored (a column missing from the
/// synthetic table, an empty synthetic table, a target with one class, negative survival times)
/// does not: the report is written and says what it could not compute and why.
public struct EvaluationJob: Sendable {
    public var real: String
    public var synthetic: String
    public var holdout: String?
    public var schemaPath: String?
    public var csv: CSVOptions
    public var options: EvaluationOptions
    public var reportPath: String?
    public var jsonPath: String?

    public init(real: String, synthetic: String, holdout: String? = nil, schemaPath: String? = nil,
                csv: CSVOptions = .init(), options: EvaluationOptions = .init(), reportPath: String? = nil,
                jsonPath: String? = nil) {
        self.real = real
        self.synthetic = synthetic
        self.holdout = holdout
        self.schemaPath = schemaPath
        self.csv = csv
        self.options = options
        self.reportPath = reportPath
        self.jsonPath = jsonPath
    }

    /// Reads the files and evaluates; nothing is written.
    public func evaluate(progress: Progress = .silent) throws -> EvaluationReport {
        progress.stage("reading \(real), \(synthetic)\(holdout.map { " and \($0)" } ?? "")")
        let realTable = try CSVReader.readTable(path: real, options: csv)
        let syntheticTable = try CSVReader.readTable(path: synthetic, options: csv)
        let holdoutTable = try holdout.map { try CSVReader.readTable(path: $0, options: csv) }
        let schema = try schemaPath.map { try Schema.load(path: $0) } ?? SchemaInference().infer(realTable, file: real).schema
        progress.done("\(realTable.rowCount) real, \(syntheticTable.rowCount) synthetic"
                      + (holdoutTable.map { ", \($0.rowCount) holdout rows" } ?? " rows"))
        var inputs = [try Provenance.FileRecord.file(role: "real", path: real, rows: realTable.rowCount,
                                                     columns: realTable.columnCount),
                      try Provenance.FileRecord.file(role: "synthetic", path: synthetic, rows: syntheticTable.rowCount,
                                                     columns: syntheticTable.columnCount)]
        if let holdout, let holdoutTable {
            inputs.append(try .file(role: "holdout", path: holdout, rows: holdoutTable.rowCount, columns: holdoutTable.columnCount))
        }
        if let schemaPath { inputs.append(try .file(role: "schema", path: schemaPath)) }
        let run = Evaluator(schema: schema, options: options).run(
            real: realTable, synthetic: syntheticTable, holdout: holdoutTable, realFile: real,
            syntheticFile: synthetic, holdoutFile: holdout, progress: { progress.stage("evaluating \($0.rawValue)") })
        progress.stage("drawing the charts")
        let figures = ReportFigures.compute(run, seed: options.seed)
        progress.done(nil)
        let made = ProvenanceRecord.existing(beside: synthetic)
        let provenance = Provenance(job: "evaluate", inputs: inputs, schema: ProvenanceRecord.schemaValue(schema),
                                    synthesizer: made?.synthesizer, seed: made?.seed ?? options.seed,
                                    metricSpecifications: Evaluation.specifications, privacyBudget: made?.privacyBudget)
        return EvaluationReport(provenance: provenance, evaluation: run.evaluation, figures: figures)
    }

    /// Evaluates and writes the requested files (JSON first, then HTML, each atomically).
    @discardableResult
    public func run(progress: Progress = .silent) throws -> EvaluationReport {
        let report = try evaluate(progress: progress)
        try Self.write(report, json: jsonPath, html: reportPath)
        return report
    }

    static func write(_ report: EvaluationReport, json: String?, html: String?) throws {
        if let json { try FileSystem.writeAtomically(try report.json(), to: json) }
        if let html { try FileSystem.writeAtomically(Data(HTMLReport.render(report).utf8), to: html) }
    }
}

import Foundation
import RareSynthEvaluate
import RareSynthProvenance
import RareSynthReport
import RareSynthSample
import RareSynthSchema
import RareSynthTable

/// The end-to-end job behind `raresynth synthesize`: read, infer or load the schema, fit, sample,
/// write, score. The CLI only parses arguments and prints; benchmarks and tests call this.
public struct Synthesis: Sendable {
    public var input: String
    public var outputDirectory: String
    public var schemaPath: String?
    public var csv: CSVOptions
    public var fit: FitOptions
    /// Rows to produce; `nil` for as many as the input has.
    public var rows: Int?
    public var seed: UInt64
    public var conditions: [Condition]
    public var conditionsPath: String?
    public var rebalance: String?
    public var format: OutputFormat
    public var score: Bool
    /// Draw again any synthetic row that nearly copies a real row (see `NearCopyFilter`).
    public var filterNearCopies: Bool
    /// Options of the evaluation written as `report.json` and `report.html` when `score` is on
    /// (the real data is the input; a holdout, when given, is read from `holdoutPath`).
    public var evaluation: EvaluationOptions = EvaluationOptions()
    public var holdoutPath: String?
    /// For a neural model: save the training state every this many epochs to
    /// `DIR/model.json.checkpoint.json`, and resume from it when it is there.
    public var checkpointEvery: Int?

    public init(input: String, outputDirectory: String, schemaPath: String? = nil, csv: CSVOptions = .init(),
                fit: FitOptions = .init(), rows: Int? = nil, seed: UInt64 = 0, conditions: [Condition] = [],
                conditionsPath: String? = nil, rebalance: String? = nil, format: OutputFormat = .csv, score: Bool = true,
                filterNearCopies: Bool = true) {
        self.input = input
        self.outputDirectory = outputDirectory
        self.schemaPath = schemaPath
        self.csv = csv
        self.fit = fit
        self.rows = rows
        self.seed = seed
        self.conditions = conditions
        self.conditionsPath = conditionsPath
        self.rebalance = rebalance
        self.format = format
        self.score = score
        self.filterNearCopies = filterNearCopies
    }

    /// What a run wrote.
    public struct Result: Sendable {
        public var schemaPath: String
        public var modelPath: String
        public var dataPath: String
        public var qualityPath: String?
        public var quality: QualitySummary?
        /// The provenance record written beside the synthetic data.
        public var provenancePath: String
        public var reportPath: String?
        public var reportJSONPath: String?
        public var evaluation: Evaluation?
        public var rows: Int
        /// Rows redrawn because they nearly copied a real row, and how many still do.
        public var redrawn: Int
        public var nearCopiesLeft: Int
    }

    /// Runs the job. Nothing is written until every step that can fail on the input has passed,
    /// and each file is written atomically.
    public func run(progress: Progress = .silent) throws -> Result {
        progress.stage("reading \(input)")
        let table = try CSVReader.readTable(path: input, options: csv)
        progress.done("\(table.rowCount) rows × \(table.columnCount) columns")
        let schema: Schema
        if fit.isPrivate, schemaPath == nil {
            throw DataError("differential privacy needs a schema file (--schema) that declares every column's bounds and categories; an inferred schema is read from the data")
        }
        if let schemaPath {
            schema = try Schema.load(path: schemaPath)
        } else {
            progress.stage("inferring the schema")
            schema = try SchemaInference().infer(table, file: input).schema
            progress.done(nil)
        }
        // Read the conditions before the long work, so a bad file fails at once.
        let conditionRows = try conditionsPath.map { try CSVReader.readTable(path: $0, options: csv) }
        progress.stage("fitting " + ProvenanceRecord.synthesizer(fit).name)
        var checkpointFile: CheckpointFile?
        if let every = checkpointEvery, fit.kind == .ctgan || fit.kind == .tvae {
            // The checkpoint lives where the model will be, so the directory exists from here on.
            try FileSystem.createDirectory(outputDirectory)
            let dir = outputDirectory.hasSuffix("/") ? String(outputDirectory.dropLast()) : outputDirectory
            checkpointFile = CheckpointFile(modelPath: "\(dir)/model.json", every: every)
        }
        let model = try ModelFile.fit(table, schema: schema, file: input, schemaFile: schemaPath, options: fit,
                                      checkpoint: try checkpointFile?.policy(progress: progress), epochs: progress.epochPrinter())
        progress.done(nil)
        let count = rows ?? table.rowCount
        progress.stage("sampling \(conditionRows?.rowCount ?? count) rows")
        if let privacy = model.privacy { progress.done("privacy: " + privacy.summary) }
        // The near-copy filter compares samples with the real rows after training, outside any
        // privacy budget, so a private model's samples are left as drawn.
        let filter = filterNearCopies && model.privacy == nil ? NearCopyFilter(real: table, transformer: model.transformer) : nil
        let outcome = try model.sample(SampleOptions(rows: count, seed: seed, conditions: conditions,
                                                     conditionRows: conditionRows, rebalance: rebalance), filter: filter)
        let synthetic = outcome.table
        progress.done(filter == nil ? nil : "\(outcome.redrawn) rows redrawn for nearly copying a real row; \(outcome.nearCopiesLeft) left")
        var quality: QualitySummary?
        var evaluationRun: Evaluator.Run?
        if score {
            let holdout = try holdoutPath.map { try CSVReader.readTable(path: $0, options: csv) }
            evaluationRun = Evaluator(schema: schema, options: evaluation).run(
                real: table, synthetic: synthetic, holdout: holdout, realFile: input, syntheticFile: "synthetic data",
                holdoutFile: holdoutPath, progress: { progress.stage("evaluating \($0.rawValue)") })
            // The evaluation's QualityReport is the summary's, unless fidelity was switched off or failed.
            if let scores = evaluationRun?.evaluation.fidelity?.quality {
                quality = QualitySummary(scores)
            } else {
                progress.stage("scoring")
                quality = try QualitySummary.compute(real: table, synthetic: synthetic, schema: schema, realFile: input)
                progress.done(nil)
            }
        }
        try FileSystem.createDirectory(outputDirectory)
        let dir = outputDirectory.hasSuffix("/") ? String(outputDirectory.dropLast()) : outputDirectory
        let result = Result(schemaPath: "\(dir)/schema.json", modelPath: "\(dir)/model.json",
                            dataPath: "\(dir)/synthetic.\(format.fileExtension)",
                            qualityPath: quality == nil ? nil : "\(dir)/quality.json", quality: quality,
                            provenancePath: Provenance.recordPath(for: "\(dir)/synthetic.\(format.fileExtension)"),
                            reportPath: evaluationRun == nil ? nil : "\(dir)/report.html",
                            reportJSONPath: evaluationRun == nil ? nil : "\(dir)/report.json", evaluation: evaluationRun?.evaluation,
                            rows: synthetic.rowCount, redrawn: outcome.redrawn, nearCopiesLeft: outcome.nearCopiesLeft)
        progress.stage("writing \(result.dataPath)")
        try FileSystem.writeAtomically(Data(try schema.jsonText().utf8), to: result.schemaPath)
        try model.save(to: result.modelPath)
        checkpointFile?.remove()
        try format.write(synthetic, schema: schema, to: result.dataPath)
        if let quality, let path = result.qualityPath { try FileSystem.writeAtomically(try quality.json(), to: path) }
        var inputs = [try Provenance.FileRecord.file(role: "real", path: input, rows: table.rowCount, columns: table.columnCount)]
        if let schemaPath { inputs.append(try .file(role: "schema", path: schemaPath)) }
        if let conditionsPath { inputs.append(try .file(role: "conditions", path: conditionsPath, rows: conditionRows?.rowCount)) }
        let provenance = Provenance(
            job: "synthesize", inputs: inputs,
            outputs: [try .file(role: "synthetic", path: result.dataPath, rows: synthetic.rowCount, columns: synthetic.columnCount),
                      try .file(role: "schema", path: result.schemaPath), try .file(role: "model", path: result.modelPath)],
            schema: ProvenanceRecord.schemaValue(schema), synthesizer: ProvenanceRecord.synthesizer(fit), seed: seed,
            metricSpecifications: score ? Evaluation.specifications : [:],
            privacyBudget: ProvenanceRecord.privacyBudget(model.privacy))
        if let run = evaluationRun {
            progress.stage("writing the evaluation report")
            let report = EvaluationReport(provenance: provenance, evaluation: run.evaluation,
                                          figures: ReportFigures.compute(run, seed: evaluation.seed))
            try EvaluationJob.write(report, json: result.reportJSONPath, html: result.reportPath)
        }
        try ProvenanceRecord.write(provenance, beside: result.dataPath)
        progress.done(nil)
        return result
    }
}

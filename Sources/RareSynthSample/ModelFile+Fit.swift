import RareSynthModels
import RareSynthSchema
import RareSynthTable
import RareSynthTransform

/// The synthesizer families a model file can hold.
public enum SynthesizerKind: String, Codable, Sendable, CaseIterable {
    case gaussianCopula = "gaussian_copula"
    case ctgan
    case tvae
}

/// Options for fitting a model file.
public struct FitOptions: Sendable, Equatable {
    public var kind: SynthesizerKind
    public var copula: GaussianCopulaOptions
    public var ctgan: CTGANOptions
    public var tvae: TVAEOptions
    /// Seed of the neural models' initialisation and training (the copula's fit is not random).
    public var seed: UInt64

    public init(kind: SynthesizerKind = .gaussianCopula, copula: GaussianCopulaOptions = .init(),
                ctgan: CTGANOptions = .init(), tvae: TVAEOptions = .init(), seed: UInt64 = 0) {
        self.kind = kind
        self.copula = copula
        self.ctgan = ctgan
        self.tvae = tvae
        self.seed = seed
    }
}

extension ModelFile {
    /// Checks `table` against `schema`, fits the transformer and the model, and profiles the
    /// identifier and PII columns. Deterministic: the same table and options give the same file.
    /// - Parameter file: the data file's name, for error messages.
    /// - Parameter epochs: called after each training epoch of a neural model.
    /// - Parameter checkpoint: for a neural model, where to save and resume the training state.
    public static func fit(_ table: Table, schema: Schema, file: String? = nil, options: FitOptions = .init(),
                           checkpoint: CheckpointPolicy? = nil,
                           epochs: (EpochReport) -> Void = { _ in }) throws -> ModelFile {
        guard table.rowCount > 0 else {
            throw DataError(file: file, line: 2, "the table has a header but no data rows; at least one row is needed to learn from")
        }
        try schema.validate(table, file: file)
        let (transformer, encoded) = try TableTransformer.fitAndEncode(table, schema: schema, file: file)
        let model: SynthesizerModel
        switch options.kind {
        case .gaussianCopula: model = .gaussianCopula(try GaussianCopula.fit(encoded, options: options.copula))
        case .ctgan: model = .ctgan(try CTGAN.fit(encoded, options: options.ctgan, seed: options.seed, checkpoint: checkpoint, progress: epochs))
        case .tvae: model = .tvae(try TVAE.fit(encoded, options: options.tvae, seed: options.seed, checkpoint: checkpoint, progress: epochs))
        }
        let regeneration = schema.columns.filter { !$0.isModelled }.map { column in
            ColumnRegeneration.profile(table[column: column.name] ?? [], schema: column)
        }
        return ModelFile(trainingRows: table.rowCount, columns: table.columnNames, schema: schema,
                         transformer: transformer, model: model, regeneration: regeneration)
    }
}

import RareSynthPrivacy
import RareSynthModels
import RareSynthSchema
import RareSynthTable
import RareSynthTransform

/// The synthesizer families a model file can hold.
public enum SynthesizerKind: String, Codable, Sendable, CaseIterable {
    case gaussianCopula = "gaussian_copula"
    case ctgan
    case tvae
    /// A Bayesian network; PrivBayes with a finite ε.
    case bayesianNetwork = "bayesian_network"
    /// PATE-GAN (Jordon et al. 2019).
    case pateGAN = "pategan"
}

/// Options for fitting a model file.
public struct FitOptions: Sendable, Equatable {
    public var kind: SynthesizerKind
    public var copula: GaussianCopulaOptions
    public var ctgan: CTGANOptions
    public var tvae: TVAEOptions
    public var bayesianNetwork: BayesianNetworkOptions
    public var pateGAN: PATEGANOptions
    /// Seed of the neural models' initialisation and training (the copula's fit is not random).
    public var seed: UInt64

    /// Whether the fit is differentially private (a model's privacy options are set).
    public var isPrivate: Bool {
        switch kind {
        case .tvae: tvae.privacy != nil
        case .ctgan: ctgan.privacy != nil
        case .bayesianNetwork: bayesianNetwork.isPrivate
        case .pateGAN: pateGAN.isPrivate
        case .gaussianCopula: false
        }
    }

    public init(kind: SynthesizerKind = .gaussianCopula, copula: GaussianCopulaOptions = .init(),
                ctgan: CTGANOptions = .init(), tvae: TVAEOptions = .init(),
                bayesianNetwork: BayesianNetworkOptions = .init(), pateGAN: PATEGANOptions = .init(), seed: UInt64 = 0) {
        self.kind = kind
        self.copula = copula
        self.ctgan = ctgan
        self.tvae = tvae
        self.bayesianNetwork = bayesianNetwork
        self.pateGAN = pateGAN
        self.seed = seed
    }
}

extension ModelFile {
    /// Checks `table` against `schema`, fits the transformer and the model, and profiles the
    /// identifier and PII columns. Deterministic: the same table and options give the same file.
    /// - Parameter file: the data file's name, for error messages.
    /// - Parameter epochs: called after each training epoch of a neural model.
    /// - Parameter checkpoint: for a neural model, where to save and resume the training state.
    /// - Parameter schemaFile: the schema's file name, for errors about what it must declare.
    ///
    /// A private fit (`options.isPrivate`) reads nothing from the data outside its budget: the
    /// transformer and the model's encoding come from the schema (`TableTransformer.declared`,
    /// `TabularLayout.declared`), identifier and PII columns are dropped instead of profiled,
    /// and the model's privacy statement is kept in the file.
    public static func fit(_ table: Table, schema: Schema, file: String? = nil, schemaFile: String? = nil,
                           options: FitOptions = .init(),
                           checkpoint: CheckpointPolicy? = nil,
                           epochs: (EpochReport) -> Void = { _ in }) throws -> ModelFile {
        if options.isPrivate {
            return try fitPrivately(table, schema: schema, file: file, schemaFile: schemaFile, options: options,
                                    checkpoint: checkpoint, epochs: epochs)
        }
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
        case .bayesianNetwork: model = .bayesianNetwork(try BayesianNetwork.fit(encoded, options: options.bayesianNetwork, seed: options.seed))
        case .pateGAN:
            let layout = try TabularLayout.fit(encoded, seed: options.seed)
            model = .pateGAN(try PATEGAN.fit(encoded, options: options.pateGAN, seed: options.seed, layout: layout, progress: epochs))
        }
        let regeneration = schema.columns.filter { !$0.isModelled }.map { column in
            ColumnRegeneration.profile(table[column: column.name] ?? [], schema: column)
        }
        return ModelFile(trainingRows: table.rowCount, columns: table.columnNames, schema: schema,
                         transformer: transformer, model: model, regeneration: regeneration)
    }
}

extension ModelFile {
    static func fitPrivately(_ table: Table, schema: Schema, file: String?, schemaFile: String?, options: FitOptions,
                             checkpoint: CheckpointPolicy?, epochs: (EpochReport) -> Void) throws -> ModelFile {
        guard options.kind != .gaussianCopula else {
            throw DataError("differential privacy is available for --model tvae, ctgan (DP-SGD) and bayesian_network (PrivBayes), not gaussian_copula")
        }
        // Everything that can be checked without the data first.
        let transformer = try TableTransformer.declared(schema: schema, schemaFile: schemaFile)
        if options.kind == .tvae, let problem = options.tvae.problems().first { throw DataError(problem) }
        if options.kind == .ctgan, let problem = options.ctgan.problems().first { throw DataError(problem) }
        if options.kind == .bayesianNetwork, let problem = options.bayesianNetwork.problems().first { throw DataError(problem) }
        if options.kind == .pateGAN, let problem = options.pateGAN.problems().first { throw DataError(problem) }
        guard table.rowCount > 0 else {
            throw DataError(file: file, line: 2, "the table has a header but no data rows; at least one row is needed to learn from")
        }
        try schema.validate(table, file: file)
        let encoded = try transformer.encode(table, file: file)
        let columns = transformer.steps.map { step -> (name: String, bounds: ClosedRange<Double>?, levels: Int) in
            switch step {
            case let .numeric(e): (e.column, e.minimum!...e.maximum!, 0)
            case let .categorical(e): (e.column, nil, e.levels.count)
            case .difference, .combination: preconditionFailure("a declared transformer has numeric and categorical steps only")
            }
        }
        let bins = switch options.kind {
        case .tvae: options.tvae.privacy!.bins
        case .ctgan: options.ctgan.privacy!.bins
        case .pateGAN: options.pateGAN.bins
        default: options.bayesianNetwork.bins
        }
        let facts = ["the schema (\(schemaFile ?? "given")): its columns, declared bounds, categories and precision",
                     "\(bins) equal bins per continuous column over its declared bounds"]
        let model: SynthesizerModel, privacy: PrivacyStatement?
        if options.kind == .tvae {
            let tvae = try TVAE.fit(encoded, options: options.tvae, seed: options.seed, layout: TabularLayout.declared(columns, bins: bins),
                                    publicFacts: facts, checkpoint: checkpoint, progress: epochs)
            (model, privacy) = (.tvae(tvae), tvae.privacy)
        } else if options.kind == .ctgan {
            let ctgan = try CTGAN.fit(encoded, options: options.ctgan, seed: options.seed, layout: TabularLayout.declared(columns, bins: bins),
                                      publicFacts: facts, progress: epochs)
            (model, privacy) = (.ctgan(ctgan), ctgan.privacy)
        } else if options.kind == .pateGAN {
            let gan = try PATEGAN.fit(encoded, options: options.pateGAN, seed: options.seed, layout: TabularLayout.declared(columns, bins: bins),
                                      publicFacts: facts, progress: epochs)
            (model, privacy) = (.pateGAN(gan), gan.privacy)
        } else {
            var bounds: [Int: ClosedRange<Double>] = [:]
            for (k, c) in columns.enumerated() { bounds[k] = c.bounds }
            let network = try BayesianNetwork.fit(encoded, options: options.bayesianNetwork, seed: options.seed,
                                                  declaredBounds: bounds, publicFacts: facts)
            (model, privacy) = (.bayesianNetwork(network), network.privacy)
        }
        let regeneration = schema.columns.filter { !$0.isModelled }.map { ColumnRegeneration(column: $0.name, policy: .drop) }
        var file = ModelFile(trainingRows: table.rowCount, columns: table.columnNames, schema: schema,
                             transformer: transformer, model: model, regeneration: regeneration)
        file.privacy = privacy
        return file
    }
}

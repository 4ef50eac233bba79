import ArgumentParser
import RareSynth

extension SynthesizerKind: ExpressibleByArgument {}
extension TVAEOptions.DiscreteOutputs: ExpressibleByArgument {}

/// Which synthesizer to fit and its main settings, shared by `fit` and `synthesize`.
struct ModelArguments: ParsableArguments {
    @Option(help: "Synthesizer: gaussian_copula, ctgan, tvae, bayesian_network (PrivBayes with --epsilon) or pategan (PATE-GAN).")
    var model: SynthesizerKind = .gaussianCopula

    @Option(help: "Marginals of continuous columns (gaussian_copula): auto (a parametric family where it fits, else empirical), empirical or parametric.")
    var marginals: GaussianCopulaOptions.MarginalChoice = .auto

    @Option(help: "Training epochs (ctgan, tvae; default 300, as SDV); for pategan, the most generator iterations (default 1000).")
    var epochs: Int?

    @Option(help: "Rows per training batch (ctgan, tvae; default 500, as SDV; ctgan needs a multiple of its pac, 10).")
    var batchSize: Int?

    @Option(help: "How TVAE samples categories (tvae): sample (from its decoder's softmax, the default) or argmax (the largest logit, as SDV/ctgan).")
    var discreteOutputs: TVAEOptions.DiscreteOutputs?

    @Option(help: ArgumentHelp("Save the training state every N epochs beside the model file (MODEL.checkpoint.json) and resume from it if it is there; an interrupted fit then ends as an uninterrupted one would (ctgan, tvae).", valueName: "N"))
    var checkpointEvery: Int?

    @Option(help: ArgumentHelp("Differential privacy: the ε of the whole fit (tvae: DP-SGD; ctgan: DP-SGD on the critic; bayesian_network: PrivBayes). Needs --schema with every column's bounds and categories declared; 'inf' fits without a guarantee.", valueName: "E"))
    var epsilon: Double?

    @Option(help: ArgumentHelp("Differential privacy: the δ of the guarantee; must be below 1 / rows.", valueName: "D"))
    var delta: Double = 1e-5

    @Option(help: ArgumentHelp("DP-SGD: the L2 norm each example's gradient is clipped to.", valueName: "C"))
    var clipNorm: Float = 1

    /// The privacy budget asked for, or nil without --epsilon (or with --epsilon inf).
    func privacyBudget() throws -> PrivacyBudget? {
        guard let epsilon else { return nil }
        let budget: PrivacyBudget
        do { budget = try PrivacyBudget(epsilon: epsilon, delta: delta) } catch let error as PrivacyError {
            throw ValidationError("--epsilon/--delta: \(error.description)")
        }
        return budget.isUnlimited ? nil : budget
    }

    func fitOptions(seed: UInt64) throws -> FitOptions {
        if let checkpointEvery {
            guard checkpointEvery >= 1 else { throw ValidationError("--checkpoint-every must be at least 1 (got \(checkpointEvery))") }
            guard model == .ctgan || model == .tvae else { throw ValidationError("--checkpoint-every applies to --model ctgan or tvae") }
            guard epsilon == nil else { throw ValidationError("--checkpoint-every is not yet supported with --epsilon") }
        }
        if model == .gaussianCopula || model == .bayesianNetwork, epochs != nil || batchSize != nil {
            throw ValidationError("--epochs and --batch-size apply to --model ctgan or tvae, not \(model.rawValue)")
        }
        if discreteOutputs != nil, model != .tvae { throw ValidationError("--discrete-outputs applies to --model tvae") }
        var options = FitOptions(kind: model, copula: GaussianCopulaOptions(marginals: marginals), seed: seed)
        if let discreteOutputs { options.tvae.discreteOutputs = discreteOutputs }
        if let epochs {
            guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1 (got \(epochs))") }
            options.ctgan.epochs = epochs
            options.tvae.epochs = epochs
            options.pateGAN.maximumIterations = epochs
        }
        if let batchSize {
            guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1 (got \(batchSize))") }
            options.ctgan.batchSize = batchSize
            options.tvae.batchSize = batchSize
            options.pateGAN.batchSize = batchSize
        }
        if let budget = try privacyBudget() {
            switch model {
            case .tvae: options.tvae.privacy = DPSGDOptions(budget: budget, clipNorm: clipNorm)
            case .ctgan:
                // The critic judges single rows under DP-SGD (pac 1).
                options.ctgan.privacy = DPSGDOptions(budget: budget, clipNorm: clipNorm)
                options.ctgan.pac = 1
            case .bayesianNetwork: options.bayesianNetwork.budget = budget
            case .pateGAN: options.pateGAN.budget = budget
            case .gaussianCopula:
                throw ValidationError("--epsilon: differential privacy is available for --model tvae, ctgan (DP-SGD) and bayesian_network (PrivBayes), not gaussian_copula")
            }
        }
        if model == .ctgan, let problem = options.ctgan.problems().first { throw ValidationError(problem) }
        if model == .tvae, let problem = options.tvae.problems().first { throw ValidationError(problem) }
        return options
    }
}

import RareSynthNeural
import RareSynthNumerics
import RareSynthPrivacy
import RareSynthTransform

/// A fitted CTGAN (Xu, Skoularidou, Cuesta-Infante & Veeramachaneni, NeurIPS 2019): a conditional
/// Wasserstein GAN with gradient penalty, mode-specific normalisation of continuous columns and
/// training-by-sampling of discrete ones, as ctgan 0.12.1 (SDV 2.0.0) builds it.
///
/// What is saved: the layout (normalisers), the condition sampler's frequencies, the generator's
/// weights and batch-norm running statistics, and the per-epoch losses. The critic is needed only
/// for training and is not kept.
public struct CTGAN: Codable, Sendable, Equatable {
    public var options: CTGANOptions
    public var layout: TabularLayout
    public var conditions: ConditionalVectorSampler
    public var generatorWeights: [Tensor]
    public var generatorRunningMeans: [Tensor]
    public var generatorRunningVariances: [Tensor]
    public var losses: [EpochLosses]
    /// The guarantee of a DP-CTGAN: budget, ledger (category counts and DP-SGD) and ε spent.
    public var privacy: PrivacyStatement?

    /// The last step's losses of one epoch, as ctgan records them.
    public struct EpochLosses: Codable, Sendable, Equatable {
        public var generator: Float
        public var discriminator: Float
    }

    /// Rebuilds the generator network from the saved weights.
    func generator() throws -> CTGANGenerator {
        try .restored(input: options.embeddingDimension + conditions.width, layers: options.generatorLayers, output: layout.width,
                      weights: generatorWeights, runningMeans: generatorRunningMeans, runningVariances: generatorRunningVariances)
    }
}

/// Progress of a training run, reported after each epoch.
public struct EpochReport: Sendable {
    public var epoch: Int
    public var epochs: Int
    public var generatorLoss: Float
    public var discriminatorLoss: Float
    public var seconds: Double
}

/// Why a neural model cannot be trained on this input.
public struct NeuralModelError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

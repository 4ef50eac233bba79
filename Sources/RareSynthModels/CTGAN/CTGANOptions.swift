/// CTGAN's settings. The defaults are SDV 2.0.0's (`CTGANSynthesizer`, ctgan 0.12.1), so a
/// comparison with SDV is like for like.
public struct CTGANOptions: Codable, Sendable, Equatable {
    public var epochs = 300
    public var batchSize = 500
    /// Width of the generator's noise input.
    public var embeddingDimension = 128
    public var generatorLayers = [256, 256]
    public var discriminatorLayers = [256, 256]
    /// PacGAN: the critic judges `pac` rows at once, which discourages mode collapse.
    public var pac = 10
    public var generatorLearningRate: Float = 2e-4
    public var discriminatorLearningRate: Float = 2e-4
    public var generatorDecay: Float = 1e-6
    public var discriminatorDecay: Float = 1e-6
    public var discriminatorSteps = 1
    /// WGAN-GP's penalty weight λ.
    public var gradientPenalty: Float = 10
    /// Training-by-sampling draws categories by log-frequency (true) or by frequency.
    public var logFrequency = true
    /// Mode-specific normalisation: at most this many modes per continuous column…
    public var maxModes = 10
    /// …each with at least this mixture weight.
    public var modeWeightThreshold = 0.005
    /// DP-SGD on the critic, the only network that sees real rows (DP-CTGAN); nil trains
    /// without a privacy guarantee. Requires `pac` = 1.
    public var privacy: DPSGDOptions?

    public init() {}

    /// Reasons these settings cannot train, for a clear error before any work.
    public func problems() -> [String] {
        var out: [String] = []
        if epochs < 1 { out.append("epochs must be at least 1 (got \(epochs))") }
        if batchSize < 2 { out.append("batch size must be at least 2 (got \(batchSize))") }
        if pac < 1 { out.append("pac must be at least 1 (got \(pac))") }
        if batchSize % Swift.max(1, pac) != 0 { out.append("batch size \(batchSize) must be a multiple of pac \(pac)") }
        if embeddingDimension < 1 { out.append("embedding dimension must be at least 1") }
        if generatorLayers.contains(where: { $0 < 1 }) || discriminatorLayers.contains(where: { $0 < 1 }) {
            out.append("layer widths must be at least 1")
        }
        if let privacy {
            out += privacy.problems()
            if pac != 1 { out.append("a differentially private CTGAN needs pac 1 (a pack would tie several rows' gradients together; got \(pac))") }
        }
        return out
    }
}

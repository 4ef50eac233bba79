/// TVAE's settings; the defaults are SDV 2.0.0's (`TVAESynthesizer`, ctgan 0.12.1).
public struct TVAEOptions: Codable, Sendable, Equatable {
    public var epochs = 300
    public var batchSize = 500
    public var embeddingDimension = 128
    public var encoderLayers = [128, 128]
    public var decoderLayers = [128, 128]
    /// Adam's L2 weight decay (`l2scale`).
    public var weightDecay: Float = 1e-5
    public var learningRate: Float = 1e-3
    /// Weight of the reconstruction term against the KL term.
    public var lossFactor: Float = 2
    public var maxModes = 10
    public var modeWeightThreshold = 0.005
    /// How sampling turns each one-hot block's logits into a category (and so a level, a
    /// mixture mode, or present/missing).
    public var discreteOutputs = DiscreteOutputs.sample
    /// DP-SGD on the whole model (encoder, decoder and output scales); nil trains without a
    /// privacy guarantee.
    public var privacy: DPSGDOptions?

    /// See ``discreteOutputs``.
    public enum DiscreteOutputs: String, Codable, Sendable, CaseIterable {
        /// A draw from the softmax of the logits: the decoder's own distribution p(x | z), the
        /// one its cross-entropy loss fits. The default: with few rows and 300 epochs TVAE's
        /// logits stay soft, and the arg-max then turns a 20 % level into 0 % (measured on lung:
        /// missing `meal.cal`, see bench/results/neural.md).
        case sample
        /// The largest logit, as ctgan 0.12.1 (SDV 2.0.0) samples TVAE.
        case argmax
    }

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case epochs, batchSize, embeddingDimension, encoderLayers, decoderLayers, weightDecay, learningRate
        case lossFactor, maxModes, modeWeightThreshold, discreteOutputs, privacy
    }

    /// Model files written before ``discreteOutputs`` existed sampled with the arg-max, and still do.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        epochs = try c.decode(Int.self, forKey: .epochs)
        batchSize = try c.decode(Int.self, forKey: .batchSize)
        embeddingDimension = try c.decode(Int.self, forKey: .embeddingDimension)
        encoderLayers = try c.decode([Int].self, forKey: .encoderLayers)
        decoderLayers = try c.decode([Int].self, forKey: .decoderLayers)
        weightDecay = try c.decode(Float.self, forKey: .weightDecay)
        learningRate = try c.decode(Float.self, forKey: .learningRate)
        lossFactor = try c.decode(Float.self, forKey: .lossFactor)
        maxModes = try c.decode(Int.self, forKey: .maxModes)
        modeWeightThreshold = try c.decode(Double.self, forKey: .modeWeightThreshold)
        discreteOutputs = try c.decodeIfPresent(DiscreteOutputs.self, forKey: .discreteOutputs) ?? .argmax
        privacy = try c.decodeIfPresent(DPSGDOptions.self, forKey: .privacy)
    }

    public func problems() -> [String] {
        var out: [String] = []
        if epochs < 1 { out.append("epochs must be at least 1 (got \(epochs))") }
        if batchSize < 1 { out.append("batch size must be at least 1 (got \(batchSize))") }
        if embeddingDimension < 1 { out.append("embedding dimension must be at least 1") }
        if encoderLayers.contains(where: { $0 < 1 }) || decoderLayers.contains(where: { $0 < 1 }) {
            out.append("layer widths must be at least 1")
        }
        if let privacy { out += privacy.problems() }
        return out
    }
}

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

    public init() {}

    public func problems() -> [String] {
        var out: [String] = []
        if epochs < 1 { out.append("epochs must be at least 1 (got \(epochs))") }
        if batchSize < 1 { out.append("batch size must be at least 1 (got \(batchSize))") }
        if embeddingDimension < 1 { out.append("embedding dimension must be at least 1") }
        if encoderLayers.contains(where: { $0 < 1 }) || decoderLayers.contains(where: { $0 < 1 }) {
            out.append("layer widths must be at least 1")
        }
        return out
    }
}

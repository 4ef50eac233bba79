import RareSynthNeural
import RareSynthNumerics
import RareSynthPrivacy
import RareSynthTransform

/// A fitted TVAE (Xu et al. 2019): a variational autoencoder on the same mode-specific encoding
/// as CTGAN, with a learned output scale per continuous value, as ctgan 0.12.1 (SDV 2.0.0)
/// builds it. Saved: the layout, the decoder's weights and scales, and the per-epoch losses
/// (the encoder is needed only for training).
public struct TVAE: Codable, Sendable, Equatable {
    public var options: TVAEOptions
    public var layout: TabularLayout
    public var decoderWeights: [Tensor]
    /// The mean loss (reconstruction + KL) of each epoch's batches.
    public var losses: [Float]
    /// The guarantee of a model trained with DP-SGD: budget, ledger and ε spent.
    public var privacy: PrivacyStatement?

    func decoder() throws -> TVAEDecoder {
        var rng = SeededRandom(seed: 0)
        let d = TVAEDecoder(embedding: options.embeddingDimension, layers: options.decoderLayers, output: layout.width, rng: &rng)
        try d.load(decoderWeights)
        return d
    }
}

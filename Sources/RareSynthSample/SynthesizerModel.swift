import RareSynthModels
import RareSynthTransform

/// The fitted model inside a model file; one case per synthesizer family.
public enum SynthesizerModel: Codable, Sendable, Equatable {
    case gaussianCopula(GaussianCopula)
    case ctgan(CTGAN)
    case tvae(TVAE)
    case bayesianNetwork(BayesianNetwork)
    case pateGAN(PATEGAN)

    /// The name used on the command line and in reports.
    public var name: String {
        switch self {
        case .gaussianCopula: "gaussian_copula"
        case .ctgan: "ctgan"
        case .tvae: "tvae"
        case .bayesianNetwork: "bayesian_network"
        case .pateGAN: "pategan"
        }
    }

    /// Encoded rows for `requests`, row `r` from random stream `(seed, r)`.
    public func sample(_ requests: [SampleRequest], seed: UInt64) throws -> EncodedTable {
        switch self {
        case let .gaussianCopula(model): try model.sample(requests, seed: seed)
        case let .ctgan(model): try model.sample(requests, seed: seed)
        case let .tvae(model): try model.sample(requests, seed: seed)
        case let .bayesianNetwork(model): try model.sample(requests, seed: seed)
        case let .pateGAN(model): try model.sample(requests, seed: seed)
        }
    }
}

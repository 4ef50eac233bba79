import RareSynthModels
import RareSynthTransform

/// The fitted model inside a model file; one case per synthesizer family.
public enum SynthesizerModel: Codable, Sendable, Equatable {
    case gaussianCopula(GaussianCopula)

    /// The name used on the command line and in reports.
    public var name: String {
        switch self {
        case .gaussianCopula: "gaussian_copula"
        }
    }

    /// Encoded rows for `requests`, row `r` from random stream `(seed, r)`.
    public func sample(_ requests: [SampleRequest], seed: UInt64) throws -> EncodedTable {
        switch self {
        case let .gaussianCopula(model): try model.sample(requests, seed: seed)
        }
    }
}

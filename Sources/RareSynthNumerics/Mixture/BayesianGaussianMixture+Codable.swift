import Foundation

/// `{"prior": {…}, "components": [{"stickA": …, "stickB": …, "meanPrecision": …, "mean": …,
/// "degreesOfFreedom": …, "variance": …}, …], "convergence": {…}}`: the variational posterior
/// only; the weights and the E-step constants are derived again on decoding, so a model file
/// cannot hold weights that disagree with its components. Decoding validates the parameters.
extension BayesianGaussianMixture: Codable {
    private enum CodingKeys: String, CodingKey {
        case prior, components, convergence
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(prior, forKey: .prior)
        try container.encode(components, forKey: .components)
        try container.encode(convergence, forKey: .convergence)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let components = try container.decode([Component].self, forKey: .components)
        if let failure = Self.validationFailure(components: components) {
            throw DecodingError.dataCorruptedError(forKey: .components, in: container, debugDescription: failure)
        }
        self.init(prior: try container.decode(Prior.self, forKey: .prior), components: components,
                  convergence: try container.decode(Convergence.self, forKey: .convergence))
    }
}

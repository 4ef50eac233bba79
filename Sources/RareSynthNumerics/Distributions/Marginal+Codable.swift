/// `{"family": "<DistributionFamily raw value>", <the distribution's parameters>}`: one flat
/// object, readable by hand and by a Python script that maps it onto scipy.stats.
extension Marginal: Codable {
    static let familyKey = "family"

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ParameterKey.self)
        try container.encode(family, forKey: ParameterKey(Self.familyKey))
        try distribution.encode(to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ParameterKey.self)
        let family = try container.decode(DistributionFamily.self, forKey: ParameterKey(Self.familyKey))
        switch family {
        case .normal: self = .normal(try Normal(from: decoder))
        case .truncatedNormal: self = .truncatedNormal(try TruncatedNormal(from: decoder))
        case .beta: self = .beta(try Beta(from: decoder))
        case .gamma: self = .gamma(try Gamma(from: decoder))
        case .logNormal: self = .logNormal(try LogNormal(from: decoder))
        case .uniform: self = .uniform(try Uniform(from: decoder))
        }
    }
}

/// One serialisation for every distribution: a flat JSON object of its scipy-named parameters,
/// e.g. `{"a": 2.1, "b": 4.9, "loc": 9.8, "scale": 20.4}`.
///
/// Decoding goes through `init?(parameters:)`, so a hand-edited model file with a negative scale
/// or a missing parameter is rejected with a message instead of producing NaNs at sampling time.
extension UnivariateDistribution {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ParameterKey.self)
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: ParameterKey(name))
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ParameterKey.self)
        var parameters: [String: Double] = [:]
        for key in container.allKeys where key.stringValue != Marginal.familyKey {
            parameters[key.stringValue] = try container.decode(Double.self, forKey: key)
        }
        guard let distribution = Self(parameters: parameters) else {
            let names = parameters.keys.sorted().joined(separator: ", ")
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "invalid \(Self.family.rawValue) parameters {\(names)}: "
                    + "a parameter is missing, not finite or out of its domain"))
        }
        self = distribution
    }
}

/// A coding key for any parameter name.
struct ParameterKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

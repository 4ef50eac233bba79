extension Tensor: Codable {
    enum CodingKeys: String, CodingKey { case shape, scalars }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let shape = try c.decode([Int].self, forKey: .shape)
        let scalars = try c.decode([Float].self, forKey: .scalars)
        guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == scalars.count else {
            throw DecodingError.dataCorruptedError(forKey: .scalars, in: c,
                debugDescription: "shape \(shape) does not hold \(scalars.count) elements")
        }
        self.init(shape: shape, scalars: scalars)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(shape, forKey: .shape)
        try c.encode(scalars, forKey: .scalars)
    }
}

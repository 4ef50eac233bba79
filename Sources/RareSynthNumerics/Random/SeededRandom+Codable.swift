/// The generator's full state, so a long computation (a training run) can be saved and resumed
/// exactly where it stopped.
extension SeededRandom: Codable {
    enum CodingKeys: String, CodingKey { case state }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let state = try c.decode([UInt64].self, forKey: .state)
        guard state.count == 4, state.contains(where: { $0 != 0 }) else {
            throw DecodingError.dataCorruptedError(forKey: .state, in: c, debugDescription: "expected four words, not all zero")
        }
        self.init(state: (state[0], state[1], state[2], state[3]))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stateWords, forKey: .state)
    }
}

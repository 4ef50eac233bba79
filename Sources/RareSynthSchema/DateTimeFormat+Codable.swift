extension DateTimeFormat: Codable {
    /// A format is stored as its pattern text, so a model file stays readable; decoding compiles it
    /// and fails with the reason when the pattern is not supported.
    public init(from decoder: any Decoder) throws {
        let pattern = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(pattern)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pattern)
    }
}

extension DateTimeFormat {
    /// The finest time step the pattern writes, in seconds: a day for dates, a minute for
    /// `%H:%M`, a second with `%S`, and the fraction's unit with `%f`. Synthetic values are
    /// rounded to it, so they print exactly and re-read as the same value.
    public var resolutionSeconds: Double {
        var step = 86_400.0
        for token in tokens {
            switch token {
            case let .number(field, _):
                switch field {
                case .hour: step = min(step, 3_600)
                case .minute: step = min(step, 60)
                case .second: step = min(step, 1)
                default: break
                }
            case let .fraction(width, _):
                step = min(step, 1 / Double(Self.powersOfTen[width]))
            default: break
            }
        }
        return step
    }
}



// MARK: - Codable

extension IdentifierProfile.Slot: Codable {
    /// A slot is one string: `A-Z`, `a-z`, `0-9`, `1-9` for a variable one, else the fixed character,
    /// so a saved pattern reads like the ids it makes (`["P", "0", "0-9", "0-9"]`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch text {
        case "A-Z": self = .upper
        case "a-z": self = .lower
        case "0-9": self = .digit
        case "1-9": self = .nonZeroDigit
        default:
            guard text.count == 1, let character = text.first else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "slot '\(text)' is neither A-Z, a-z, 0-9, 1-9 nor one character")
            }
            self = .fixed(character)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .upper: try container.encode("A-Z")
        case .lower: try container.encode("a-z")
        case .digit: try container.encode("0-9")
        case .nonZeroDigit: try container.encode("1-9")
        case let .fixed(character): try container.encode(String(character))
        }
    }
}

extension IdentifierProfile.Marker: Codable {
    private enum CodingKeys: String, CodingKey { case position, allowed }

    /// `allowed` is a list of one-character strings, not one string, so that it cannot read as an id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        position = try container.decode(Int.self, forKey: .position)
        let texts = try container.decode([String].self, forKey: .allowed)
        guard !texts.isEmpty, texts.allSatisfy({ $0.count == 1 && $0.first!.asciiValue != nil }) else {
            throw DecodingError.dataCorruptedError(forKey: .allowed, in: container,
                                                   debugDescription: "allowed must be one or more ASCII characters")
        }
        allowed = texts.map { $0.first! }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(position, forKey: .position)
        try container.encode(allowed.map { String($0) }, forKey: .allowed)
    }
}

extension IdentifierProfile.Pattern: Codable {
    private enum CodingKeys: String, CodingKey { case slots, weight, marker, addedDigits }

    /// Checks what the generator relies on, so that an edited model file fails here with a message
    /// rather than trapping while sampling.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        slots = try container.decode([IdentifierProfile.Slot].self, forKey: .slots)
        weight = try container.decode(Int.self, forKey: .weight)
        marker = try container.decodeIfPresent(IdentifierProfile.Marker.self, forKey: .marker)
        addedDigits = try container.decode(Int.self, forKey: .addedDigits)
        func fail(_ key: CodingKeys, _ message: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: message)
        }
        guard slots.contains(where: { $0.alphabet != nil }) else { throw fail(.slots, "a pattern needs a variable slot") }
        guard weight > 0 else { throw fail(.weight, "weight must be positive") }
        let digitSlots = slots.filter { $0 == .digit }.count
        guard (0...digitSlots).contains(addedDigits) else { throw fail(.addedDigits, "addedDigits out of range") }
        if let marker {
            guard slots.indices.contains(marker.position), let alphabet = slots[marker.position].alphabet,
                  marker.allowed.allSatisfy({ alphabet.contains($0.asciiValue!) }) else {
                throw fail(.marker, "the marker must be a variable slot and allow only characters of its class")
            }
        } else if addedDigits == 0 {
            throw fail(.marker, "a pattern without a marker must have added digits")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slots, forKey: .slots)
        try container.encode(weight, forKey: .weight)
        try container.encodeIfPresent(marker, forKey: .marker)
        try container.encode(addedDigits, forKey: .addedDigits)
    }
}

extension IdentifierProfile {
    private enum CodingKeys: String, CodingKey { case form, subjectSizes }

    /// Also checks the whole: patterns exist, their real shapes differ, and a grown shape is no real one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        form = try container.decode(Form.self, forKey: .form)
        subjectSizes = try container.decode([SubjectSize].self, forKey: .subjectSizes)
        func fail(_ key: CodingKeys, _ message: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: message)
        }
        guard subjectSizes.allSatisfy({ $0.rows > 0 && $0.subjects > 0 }) else {
            throw fail(.subjectSizes, "rows and subjects must be positive")
        }
        switch form {
        case let .sequential(nextFree):
            guard nextFree <= 1_000_000_000_000_000_000 else { throw fail(.form, "nextFree above 10^18") }
        case let .shaped(patterns, _):
            let shapes = patterns.map(\.realShape)
            guard !patterns.isEmpty, Set(shapes).count == shapes.count else {
                throw fail(.form, "patterns must be present and have different shapes")
            }
            let real = Set(shapes)
            guard patterns.allSatisfy({ $0.marker != nil || !real.contains(Slot.shape(of: $0.slots)) }) else {
                throw fail(.form, "a grown pattern has the shape of a real one")
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(form, forKey: .form)
        try container.encode(subjectSizes, forKey: .subjectSizes)
    }
}

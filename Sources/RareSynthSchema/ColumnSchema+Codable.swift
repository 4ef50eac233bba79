/// A column in JSON: `name` and `type` first, then only the fields that are set, in declaration
/// order. Decoding rejects unknown keys and unknown enum spellings with the list of what is allowed,
/// so that a typo in a hand-edited schema (`"minimun"`, `"type": "number"`) is an error rather than
/// a silently ignored field.
extension ColumnSchema {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, type, integer, decimals, minimum, maximum, format, categories, booleanTokens
        case onOutput, piiKind, repeated
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
        let known = CodingKeys.allCases.map(\.rawValue)
        if let unknown = keys.first(where: { !known.contains($0) }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [AnyCodingKey(unknown)],
                debugDescription: "unknown key '\(unknown)'; expected one of \(known.joined(separator: ", "))"))
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name),
                  type: try Self.decodeEnum(ColumnType.self, c, .type),
                  integer: try c.decodeIfPresent(Bool.self, forKey: .integer),
                  decimals: try c.decodeIfPresent(Int.self, forKey: .decimals),
                  minimum: try c.decodeIfPresent(Double.self, forKey: .minimum),
                  maximum: try c.decodeIfPresent(Double.self, forKey: .maximum),
                  format: try c.decodeIfPresent(String.self, forKey: .format),
                  categories: try c.decodeIfPresent([String].self, forKey: .categories),
                  booleanTokens: try c.decodeIfPresent([String].self, forKey: .booleanTokens),
                  onOutput: try c.contains(.onOutput) ? Self.decodeEnum(OutputPolicy.self, c, .onOutput) : nil,
                  piiKind: try c.contains(.piiKind) ? Self.decodeEnum(PIIKind.self, c, .piiKind) : nil,
                  repeated: try c.decodeIfPresent(Bool.self, forKey: .repeated))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type.rawValue, forKey: .type)
        try c.encodeIfPresent(integer, forKey: .integer)
        try c.encodeIfPresent(decimals, forKey: .decimals)
        try c.encodeIfPresent(minimum, forKey: .minimum)
        try c.encodeIfPresent(maximum, forKey: .maximum)
        try c.encodeIfPresent(format, forKey: .format)
        try c.encodeIfPresent(categories, forKey: .categories)
        try c.encodeIfPresent(booleanTokens, forKey: .booleanTokens)
        try c.encodeIfPresent(onOutput?.rawValue, forKey: .onOutput)
        try c.encodeIfPresent(piiKind?.rawValue, forKey: .piiKind)
        try c.encodeIfPresent(repeated, forKey: .repeated)
    }

    private static func decodeEnum<E: RawRepresentable & CaseIterable>(
        _ type: E.Type, _ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> E where E.RawValue == String {
        let raw = try c.decode(String.self, forKey: key)
        guard let value = E(rawValue: raw) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(forKey: key, in: c,
                                                   debugDescription: "expected one of \(allowed), found '\(raw)'")
        }
        return value
    }
}

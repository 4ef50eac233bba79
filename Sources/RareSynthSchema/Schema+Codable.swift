/// The schema document: `version`, `columns`, `constraints`, in that order.
///
/// Decoding resolves each inequality's right side against the schema's own columns (a name it has
/// is a column, anything else a literal) and refuses versions newer than this program reads.
extension Schema {
    /// The newest document version this program reads and writes.
    public static let currentVersion = 1

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, columns, constraints
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
        let known = CodingKeys.allCases.map(\.rawValue)
        if let unknown = keys.first(where: { !known.contains($0) }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [AnyCodingKey(unknown)],
                debugDescription: "unknown key '\(unknown)'; expected one of \(known.joined(separator: ", "))"))
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decodeIfPresent(Int.self, forKey: .version) ?? Self.currentVersion
        guard (1...Self.currentVersion).contains(version) else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: c,
                debugDescription: "expected version 1 to \(Self.currentVersion), found \(version)")
        }
        let columns = try c.decode([ColumnSchema].self, forKey: .columns)
        let names = Set(columns.map(\.name))
        let constraints = try c.decodeIfPresent([Constraint].self, forKey: .constraints) ?? []
        self.init(columns: columns, constraints: constraints.map { $0.resolved(columnNames: names) }, version: version)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(columns, forKey: .columns)
        try c.encode(constraints, forKey: .constraints)
    }
}

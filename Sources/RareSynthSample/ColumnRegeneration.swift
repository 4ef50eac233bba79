import RareSynthSchema

/// How one identifier or PII column reappears in synthetic output: dropped, or regenerated from
/// a profile that holds shapes and counts, never a real value.
public struct ColumnRegeneration: Codable, Sendable, Equatable {
    public var column: String
    public var policy: OutputPolicy
    /// For identifier columns that are regenerated.
    public var identifier: IdentifierProfile?
    /// For PII columns that are regenerated.
    public var fake: FakeValueProfile?
    /// Identifiers that repeat (one subject, several rows) are regenerated per subject.
    public var repeated: Bool

    public init(column: String, policy: OutputPolicy, identifier: IdentifierProfile? = nil, fake: FakeValueProfile? = nil,
                repeated: Bool = false) {
        self.column = column
        self.policy = policy
        self.identifier = identifier
        self.fake = fake
        self.repeated = repeated
    }

    /// The profile of a real column, per its schema.
    public static func profile(_ cells: [String?], schema column: ColumnSchema) -> ColumnRegeneration {
        let policy = column.onOutput ?? .regenerate
        guard policy == .regenerate else { return ColumnRegeneration(column: column.name, policy: .drop) }
        if column.type == .identifier {
            return ColumnRegeneration(column: column.name, policy: policy, identifier: IdentifierProfile(realValues: cells),
                                      repeated: column.repeated ?? false)
        }
        return ColumnRegeneration(column: column.name, policy: policy,
                                  fake: FakeValueProfile(kind: column.piiKind ?? .freeText, realValues: cells, columnName: column.name))
    }
}

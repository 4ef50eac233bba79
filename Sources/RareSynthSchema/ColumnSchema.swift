/// One column of a `Schema`: its type and the facts a transform needs to encode and decode it.
///
/// Only the fields that apply to `type` are set; the JSON leaves the others out so that a person
/// editing the file sees just what matters for each column.
public struct ColumnSchema: Codable, Sendable, Equatable {
    public var name: String
    public var type: ColumnType

    // MARK: numerical (and datetime bounds, in the column's own text form)

    /// Whether every value is a whole number; decoded values are then rounded to integers.
    public var integer: Bool?
    /// Digits after the decimal point seen in the data; decoded values are rounded to this.
    public var decimals: Int?
    /// Lower bound enforced on output (observed minimum unless edited).
    public var minimum: Double?
    /// Upper bound enforced on output (observed maximum unless edited).
    public var maximum: Double?

    // MARK: datetime

    /// `strftime`-style pattern (`%Y-%m-%d`, `%d/%m/%Y %H:%M`) used to read and write values.
    public var format: String?

    // MARK: categorical and boolean

    /// Labels in a fixed order. Optional for inference output; when present, a label outside the
    /// list is a schema mismatch.
    public var categories: [String]?
    /// The two spellings of a boolean column, `[false, true]` (e.g. `["FALSE", "TRUE"]`, `["N", "Y"]`).
    public var booleanTokens: [String]?

    // MARK: identifier and PII

    /// What to do with the column on output; `regenerate` when unset.
    public var onOutput: OutputPolicy?
    /// For `pii`: which fake-value generator to use.
    public var piiKind: PIIKind?
    /// For `identifier`: true when ids repeat (one subject, several rows), so regenerated ids must
    /// repeat too instead of being unique per row.
    public var repeated: Bool?

    public init(name: String, type: ColumnType, integer: Bool? = nil, decimals: Int? = nil,
                minimum: Double? = nil, maximum: Double? = nil, format: String? = nil,
                categories: [String]? = nil, booleanTokens: [String]? = nil,
                onOutput: OutputPolicy? = nil, piiKind: PIIKind? = nil, repeated: Bool? = nil) {
        self.name = name
        self.type = type
        self.integer = integer
        self.decimals = decimals
        self.minimum = minimum
        self.maximum = maximum
        self.format = format
        self.categories = categories
        self.booleanTokens = booleanTokens
        self.onOutput = onOutput
        self.piiKind = piiKind
        self.repeated = repeated
    }

    /// Whether a model learns from this column (identifiers and PII are never learned from).
    public var isModelled: Bool { type != .identifier && type != .pii }
}

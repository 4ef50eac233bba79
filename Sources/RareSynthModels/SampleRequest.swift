/// A restriction on one encoded column, for conditional sampling.
///
/// Conditions are stated on encoded columns (level codes, encoded numbers) so every model can
/// honour them the same way; the sample stage translates a user's `sex=f` or `age>=60` into them.
public enum ColumnCondition: Sendable, Equatable {
    /// A discrete column takes one of these level codes.
    case levels([Int])
    /// A continuous column is present and within `[lower, upper]` (a single value when equal).
    case range(lower: Double, upper: Double)
    /// A continuous column is missing.
    case missing
}

/// A condition on the encoded column at `column`.
public struct EncodedCondition: Sendable, Equatable {
    public var column: Int
    public var condition: ColumnCondition

    public init(column: Int, condition: ColumnCondition) {
        self.column = column
        self.condition = condition
    }
}

/// `count` rows that all satisfy `conditions` (none: an unconditional sample).
public struct SampleRequest: Sendable, Equatable {
    public var count: Int
    public var conditions: [EncodedCondition]

    public init(count: Int, conditions: [EncodedCondition] = []) {
        self.count = count
        self.conditions = conditions
    }
}

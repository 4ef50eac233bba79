/// The editable description of a table: one entry per column plus the constraints on rows.
///
/// `raresynth inspect` infers it and writes it as JSON; a person may change types, bounds,
/// formats or output policies and pass it back with `--schema`. Every later stage reads the
/// column roles from here, never from the data, so an edit is always honoured.
public struct Schema: Codable, Sendable, Equatable {
    /// Format version of the JSON document.
    public var version: Int
    public var columns: [ColumnSchema]
    public var constraints: [Constraint]

    public init(columns: [ColumnSchema], constraints: [Constraint] = [], version: Int = 1) {
        self.version = version
        self.columns = columns
        self.constraints = constraints
    }

    /// The schema of a column by name.
    public subscript(name: String) -> ColumnSchema? { columns.first { $0.name == name } }

    /// Columns a model learns from, in table order.
    public var modelledColumns: [ColumnSchema] { columns.filter(\.isModelled) }
}

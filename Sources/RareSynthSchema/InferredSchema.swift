/// What `SchemaInference` produced: the editable schema, and what it saw in each column so that a
/// person can check the guesses before editing the schema (`summaryText`).
public struct InferredSchema: Sendable, Equatable {
    public var schema: Schema
    /// One per column, in table order.
    public var summaries: [ColumnSummary]

    public init(schema: Schema, summaries: [ColumnSummary]) {
        self.schema = schema
        self.summaries = summaries
    }

    /// The summary of a column by name.
    public subscript(name: String) -> ColumnSummary? { summaries.first { $0.name == name } }
}

/// What inference saw in one column.
public struct ColumnSummary: Sendable, Equatable {
    public var name: String
    public var type: ColumnType
    public var rowCount: Int
    public var missingCount: Int
    /// Distinct non-missing values.
    public var distinctCount: Int
    /// Smallest and largest value as written in the file (numerical and datetime columns).
    public var lowest: String?
    public var highest: String?
    /// The most frequent values, most frequent first, ties in order of first appearance
    /// (categorical and boolean columns; at most three).
    public var topValues: [ValueCount]
    /// Things the user should look at: constant, all missing, high cardinality, identifier, PII, ...
    public var notes: [ColumnNote]

    public init(name: String, type: ColumnType, rowCount: Int, missingCount: Int, distinctCount: Int,
                lowest: String? = nil, highest: String? = nil, topValues: [ValueCount] = [],
                notes: [ColumnNote] = []) {
        self.name = name
        self.type = type
        self.rowCount = rowCount
        self.missingCount = missingCount
        self.distinctCount = distinctCount
        self.lowest = lowest
        self.highest = highest
        self.topValues = topValues
        self.notes = notes
    }

    /// Missing cells as a fraction of rows (0 for an empty table).
    public var missingFraction: Double { rowCount == 0 ? 0 : Double(missingCount) / Double(rowCount) }
}

/// A value and how many rows hold it.
public struct ValueCount: Sendable, Equatable {
    public var value: String
    public var count: Int

    public init(_ value: String, _ count: Int) {
        self.value = value
        self.count = count
    }
}

/// A remark on an inferred column, worth a look before synthesising.
public enum ColumnNote: Sendable, Equatable, CustomStringConvertible {
    /// Every cell is missing: the type cannot be known; kept as categorical and reproduced as missing.
    case allMissing
    /// One distinct value: the synthesizer reproduces it.
    case constant(String)
    /// Text with many distinct values that is not an identifier or PII: a poor category.
    case highCardinality(distinct: Int)
    /// Numbers with few distinct values, treated as category codes (`status` 0/1/2).
    case numericCodes
    /// An identifier with `distinct` values, each on up to `maxRowsPerValue` rows.
    case identifier(distinct: Int, maxRowsPerValue: Int)
    /// Personal data; `byName` when the column's name said so, else its values did.
    case pii(PIIKind, byName: Bool)
    /// Every date reads both month-first and day-first; `format` was chosen.
    case ambiguousDayMonth(format: String)
    /// Most values are dates in `format` but data row `row` (1-based) is not, so the column is text.
    case notAllDates(format: String, row: Int, value: String)

    public var description: String {
        switch self {
        case .allMissing: "all missing (type unknown; reproduced as missing)"
        case let .constant(value): "constant '\(value)'"
        case let .highCardinality(distinct): "high cardinality (\(distinct) distinct): consider pii or drop"
        case .numericCodes: "numeric codes as categories"
        case let .identifier(distinct, maxRows):
            maxRows > 1 ? "identifier, repeats (\(distinct) subjects, up to \(maxRows) rows each); regenerated"
                : "identifier, unique; regenerated"
        case let .pii(kind, byName): "PII (\(kind.rawValue), by \(byName ? "name" : "content")); regenerated"
        case let .ambiguousDayMonth(format): "day/month order ambiguous, assumed '\(format)'"
        case let .notAllDates(format, row, value): "dates as '\(format)' except row \(row) ('\(value)'): kept as text"
        }
    }
}

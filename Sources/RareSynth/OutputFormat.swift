import RareSynthExport
import RareSynthSchema
import RareSynthTable

/// The file formats synthetic data is handed over in.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Comma-separated text, missing values empty, header first.
    case csv
    /// One JSON object per row; numbers and booleans typed per the schema, missing as `null`.
    case jsonl
    /// A table named `synthetic` in an SQLite file: the embedded default for handing data over.
    case sqlite

    /// The file extension for this format.
    public var fileExtension: String { rawValue }

    /// The format a path's extension names, if any.
    public static func from(path: String) -> OutputFormat? {
        let ext = path.split(separator: ".").last.map { $0.lowercased() }
        switch ext {
        case "csv": return .csv
        case "jsonl", "ndjson": return .jsonl
        case "sqlite", "sqlite3", "db": return .sqlite
        default: return nil
        }
    }

    /// Writes `table` to `path` atomically, typing values from `schema` where the format has types.
    public func write(_ table: Table, schema: Schema, to path: String, tableName: String = "synthetic") throws {
        switch self {
        case .csv:
            try CSVWriter().write(table, to: path)
        case .jsonl:
            let kinds: [JSONValueKind] = table.columnNames.map { name in
                switch schema[name]?.type {
                case .numerical: .number
                case .boolean: .boolean
                default: .string
                }
            }
            try JSONLinesWriter().write(table, kinds: kinds, to: path)
        case .sqlite:
            let types: [SQLiteColumnType] = table.columnNames.map { name in
                guard let column = schema[name] else { return .text }
                switch column.type {
                case .numerical: return column.integer == true ? .integer : .real
                default: return .text
                }
            }
            try SQLiteWriter.write(table, named: tableName, columnTypes: types, to: path)
        }
    }
}

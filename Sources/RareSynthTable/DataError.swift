/// An error in user-supplied data or options, with enough context for the user to fix it.
///
/// Every stage reports bad input through this one type so that the CLI prints one consistent
/// message (`file:line:column: what was found; what was expected`) and exits non-zero.
/// `line` and `column` are 1-based; `column` is a field number for CSV input, or `nil`
/// when the problem is not tied to a cell (a missing file, an option).
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The column's name, when known, to make field numbers readable.
    public var columnName: String?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, columnName: String? = nil,
                _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
    }

    public var description: String {
        var location = file ?? ""
        if let line { location += (location.isEmpty ? "line " : ":") + "\(line)" }
        if let column { location += (line == nil ? " column " : ":") + "\(column)" }
        if let columnName { location += (location.isEmpty ? "" : " ") + "(column '\(columnName)')" }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}

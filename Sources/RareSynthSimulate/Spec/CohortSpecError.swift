/// A cohort spec that cannot be used, located as precisely as the spec allows: the file, the
/// line and column of the offending value, and its key path (`population.sex.female`), with
/// what was expected. Every check runs before a single patient is generated.
public struct CohortSpecError: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    /// 1-based; nil for a problem of the whole spec (no single place to point at).
    public let line: Int?
    public let column: Int?
    /// Dotted keys and [indices] from the top of the spec; empty for the spec itself.
    public let keyPath: String
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return keyPath.isEmpty ? "\(place): \(message)" : "\(place): \(keyPath): \(message)"
    }
}

import RareSynthSchema
import RareSynthTable

/// A user's condition on one column, as typed on the command line: `sex=f`, `age>=60`, `copper=NA`.
///
/// Parsed here, checked against the schema and translated into encoded-column conditions by
/// `ConditionTranslator`, so the model never sees text.
public struct Condition: Sendable, Equatable, CustomStringConvertible {
    public var column: String
    public var op: ComparisonOperator
    /// The value as text; `nil` means "missing" (written as `NA`, `NaN`, `NULL` or nothing).
    public var value: String?

    public init(column: String, op: ComparisonOperator, value: String?) {
        self.column = column
        self.op = op
        self.value = value
    }

    /// Tokens that mean "missing" on the right of `=`: the CSV reader's defaults.
    public static let missingTokens = CSVOptions.defaultMissingTokens

    /// Parses `column OP value` with OP one of `>=`, `<=`, `==`, `=`, `>`, `<`.
    public static func parse(_ text: String) throws -> Condition {
        let operators: [(String, ComparisonOperator)] = [(">=", .greaterOrEqual), ("<=", .lessOrEqual), ("==", .equal),
                                                         ("=", .equal), (">", .greaterThan), ("<", .lessThan)]
        // The first operator character splits the text: column names cannot contain one.
        guard let at = text.firstIndex(where: { "<>=".contains($0) }) else {
            throw ConditionError("condition '\(text)' has no operator; write it as COLUMN=VALUE, COLUMN>=VALUE, COLUMN<VALUE ...")
        }
        let column = text[..<at].trimmedSpaces
        let rest = text[at...]
        guard let (symbol, op) = operators.first(where: { rest.hasPrefix($0.0) }) else {
            throw ConditionError("condition '\(text)' has an unknown operator")
        }
        let value = rest.dropFirst(symbol.count).trimmedSpaces
        guard !column.isEmpty else { throw ConditionError("condition '\(text)' names no column") }
        if missingTokens.contains(value) {
            guard op == .equal else { throw ConditionError("condition '\(text)': only '=' can ask for a missing value") }
            return Condition(column: column, op: op, value: nil)
        }
        return Condition(column: column, op: op, value: value)
    }

    public var description: String { "\(column)\(op.rawValue)\(value ?? "NA")" }
}

/// A condition that cannot be parsed or met, in words a user can act on.
public struct ConditionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmedSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

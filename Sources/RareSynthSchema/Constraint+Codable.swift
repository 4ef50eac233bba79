/// Constraints in JSON as one-key objects a person can write by hand:
///
/// ```json
/// {"inequality": "diagnosis_date >= birth_date"}
/// {"inequality": "time > 0"}
/// {"inequality": "visit_date >= '2020-01-01'"}
/// {"fixedCombinations": ["trt", "center"]}
/// ```
///
/// In an inequality the left side is a column and the right side is a column when it names one of
/// the schema's columns, else a literal. Quoting (`'…'` or `"…"`, a quote inside doubled) forces a
/// literal. Decoded on its own, without a schema, an unquoted right side is a literal only when it is
/// a number; `Schema` then turns a "column" it does not have into a literal. Literals are written back
/// unquoted when they are numbers and single-quoted otherwise, so they read back the same way.
extension Constraint: Codable {
    private enum Kind: String, CaseIterable {
        case inequality, fixedCombinations
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let expected = "an object with one key, 'inequality' (\"a >= b\") or 'fixedCombinations' ([\"a\", \"b\"])"
        guard container.allKeys.count == 1, let key = container.allKeys.first,
              let kind = Kind(rawValue: key.stringValue) else {
            let found = container.allKeys.map { "'\($0.stringValue)'" }.joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected \(expected), found keys \(found.isEmpty ? "none" : found)"))
        }
        switch kind {
        case .inequality:
            let text = try container.decode(String.self, forKey: key)
            guard let parsed = Self.parseInequality(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "expected 'column op column' or 'column op value' with op one of "
                        + ComparisonOperator.allCases.map(\.rawValue).joined(separator: " ") + ", found '\(text)'")
            }
            self = parsed
        case .fixedCombinations:
            let columns = try container.decode([String].self, forKey: key)
            guard columns.count >= 2, Set(columns).count == columns.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "expected at least two different column names, found \(columns)")
            }
            self = .fixedCombinations(columns: columns)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        if let text = inequalityText {
            try container.encode(text, forKey: AnyCodingKey(Kind.inequality.rawValue))
        } else {
            try container.encode(columns, forKey: AnyCodingKey(Kind.fixedCombinations.rawValue))
        }
    }

    /// The inequality as written in JSON (`time > 0`), or `nil` for `fixedCombinations`.
    public var inequalityText: String? {
        switch self {
        case let .columnInequality(left, op, right): "\(left) \(op.rawValue) \(right)"
        case let .valueInequality(column, op, value):
            "\(column) \(op.rawValue) " + (NumberText(value) != nil ? value : "'" + value.replacing("'", with: "''") + "'")
        case .fixedCombinations: nil
        }
    }

    /// Reads `left op right`; the right side is a column unless it is quoted or a number.
    static func parseInequality(_ text: String) -> Constraint? {
        let chars = Array(text)
        // The first operator outside quotes; two-character operators before their one-character prefixes.
        var quote: Character?
        for i in chars.indices {
            if let q = quote { if chars[i] == q { quote = nil }; continue }
            if chars[i] == "'" || chars[i] == "\"" { quote = chars[i]; continue }
            guard "<>=".contains(chars[i]) else { continue }
            let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
            let (op, width): (ComparisonOperator, Int) = switch (String(chars[i]), two) {
            case (_, "<="): (.lessOrEqual, 2)
            case (_, ">="): (.greaterOrEqual, 2)
            case (_, "=="): (.equal, 2)
            case ("<", _): (.lessThan, 1)
            case (">", _): (.greaterThan, 1)
            default: (.equal, 1)
            }
            let left = String(chars[..<i]).trimmingSpaces
            let right = String(chars[(i + width)...]).trimmingSpaces
            guard !left.isEmpty, !right.isEmpty, !right.contains(where: { "<>=".contains($0) && !right.isQuoted }) else {
                return nil
            }
            if let literal = right.unquoted { return .valueInequality(column: left, op: op, value: literal) }
            if NumberText(right) != nil { return .valueInequality(column: left, op: op, value: right) }
            return .columnInequality(left: left, op: op, right: right)
        }
        return nil
    }

    /// This constraint with its right side read against `columnNames`: an unquoted right side that
    /// is not a column becomes a literal.
    func resolved(columnNames: Set<String>) -> Constraint {
        if case let .columnInequality(left, op, right) = self, !columnNames.contains(right) {
            return .valueInequality(column: left, op: op, value: right)
        }
        return self
    }
}

/// Any string key, for JSON objects whose keys are data (`{"inequality": …}`) or are checked by hand.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    var isQuoted: Bool { unquoted != nil }

    /// The text inside matching `'…'` or `"…"` quotes (a doubled quote inside stands for one), or `nil`.
    var unquoted: String? {
        guard count >= 2, let q = first, q == "'" || q == "\"", last == q else { return nil }
        let inner = dropFirst().dropLast()
        return String(inner).replacing(String([q, q]), with: String(q))
    }
}

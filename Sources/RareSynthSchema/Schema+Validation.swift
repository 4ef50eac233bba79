import RareSynthTable

/// Checking a schema on its own, and a table against a schema, before any work is done on them.
///
/// A hand-edited schema can name a column twice, forget a date format or point a constraint at a
/// column that does not exist; data can carry a value the declared type cannot read. Each is reported
/// as one `DataError` a user can act on, rather than surfacing later as a transform failure.
///
/// Line numbers are the 0-based data row + 2 (the header is line 1), exact for files without line
/// breaks inside quoted fields; `column` is the 1-based field number.
extension Schema {
    /// Checks the schema without data: unique names, a valid `format` for datetime columns, two
    /// different `booleanTokens`, no repeated categories, ordered finite bounds, a `piiKind` for PII,
    /// and constraints that name existing columns of types their comparison makes sense for.
    public func check(file: String? = nil) throws(DataError) {
        var seen = Set<String>()
        for column in columns {
            func fail(_ message: String) -> DataError { DataError(file: file, columnName: column.name, message) }
            guard seen.insert(column.name).inserted else { throw fail("column '\(column.name)' appears twice in the schema") }
            switch column.type {
            case .datetime:
                guard let format = column.format else { throw fail("a datetime column needs a 'format' such as \"%Y-%m-%d\"") }
                do { _ = try DateTimeFormat(format) } catch { throw fail(error.message) }
            case .boolean:
                guard let tokens = column.booleanTokens, tokens.count == 2, tokens[0] != tokens[1] else {
                    throw fail("a boolean column needs 'booleanTokens' with two different spellings, [false, true]")
                }
            case .pii:
                guard column.piiKind != nil else {
                    throw fail("a pii column needs a 'piiKind', one of "
                               + PIIKind.allCases.map(\.rawValue).joined(separator: ", "))
                }
            default:
                break
            }
            if let categories = column.categories, Set(categories).count != categories.count {
                throw fail("'categories' lists a label twice")
            }
            if let low = column.minimum, let high = column.maximum, !(low <= high) {
                throw fail("'minimum' \(OrderedJSON.number(low) ?? "\(low)") is greater than "
                           + "'maximum' \(OrderedJSON.number(high) ?? "\(high)")")
            }
            if [column.minimum, column.maximum].contains(where: { $0.map { !$0.isFinite } ?? false }) {
                throw fail("'minimum' and 'maximum' must be finite numbers")
            }
            if let decimals = column.decimals, decimals < 0 { throw fail("'decimals' must not be negative") }
        }
        for constraint in constraints { try check(constraint, file: file) }
    }

    private func check(_ constraint: Constraint, file: String?) throws(DataError) {
        let described = constraint.inequalityText.map { "\"\($0)\"" } ?? "fixedCombinations \(constraint.columns)"
        func fail(_ message: String) -> DataError { DataError(file: file, "constraint \(described): \(message)") }
        for name in constraint.columns where self[name] == nil {
            throw fail("no column named '\(name)' in the schema")
        }
        switch constraint {
        case let .fixedCombinations(names):
            guard names.count >= 2, Set(names).count == names.count else {
                throw fail("needs at least two different columns")
            }
        case let .columnInequality(left, op, right):
            let (a, b) = (self[left]!, self[right]!)
            guard op == .equal || a.type == b.type && (a.type == .numerical || a.type == .datetime) else {
                throw fail("'\(op.rawValue)' compares two numerical or two datetime columns; "
                           + "'\(left)' is \(a.type.rawValue) and '\(right)' is \(b.type.rawValue)")
            }
        case let .valueInequality(name, op, value):
            let column = self[name]!
            guard op == .equal || column.type == .numerical || column.type == .datetime else {
                throw fail("'\(op.rawValue)' needs a numerical or datetime column; '\(name)' is \(column.type.rawValue)")
            }
            if let problem = column.problem(with: value) { throw fail(problem) }
        }
    }

    /// Checks `table` against the schema: every schema column present, no column the schema does not
    /// describe, and every non-missing cell readable as its column's type. Reports the earliest bad
    /// cell in file order.
    public func validate(_ table: Table, file: String? = nil) throws(DataError) {
        try check(file: file)
        for column in columns where table.index(of: column.name) == nil {
            throw DataError(file: file, columnName: column.name,
                            "column '\(column.name)' is in the schema but not in the data")
        }
        for (j, name) in table.columnNames.enumerated() where self[name] == nil {
            throw DataError(file: file, line: 1, column: j + 1, columnName: name,
                            "column '\(name)' is in the data but not in the schema; add it to the schema or remove it")
        }
        var earliest: (row: Int, column: Int, message: String)?
        for (j, name) in table.columnNames.enumerated() {
            let check = self[name]!.valueCheck()
            let cells = table.columns[j]
            let limit = earliest?.row ?? cells.count - 1
            var i = 0
            while i <= limit, i < cells.count {
                if let value = cells[i], let problem = check(value) {
                    if earliest == nil || i < earliest!.row { earliest = (i, j, problem) }
                    break
                }
                i += 1
            }
        }
        if let (row, j, message) = earliest {
            throw DataError(file: file, line: table.line(ofRow: row), column: j + 1, columnName: table.columnNames[j], message)
        }
    }
}

extension ColumnSchema {
    /// What is wrong with `value` for this column, or `nil` when it reads as the declared type.
    func problem(with value: String) -> String? { valueCheck()(value) }

    /// A reusable checker (the date format is compiled and the categories hashed once).
    func valueCheck() -> (String) -> String? {
        switch type {
        case .numerical:
            let integer = self.integer ?? false
            return { value in
                guard let number = NumberText(value) else { return "'\(value)' is not a number" }
                if integer, number.value != number.value.rounded() {
                    return "'\(value)' is not a whole number (the column is declared integer)"
                }
                return nil
            }
        case .datetime:
            guard let pattern = format, let format = try? DateTimeFormat(pattern) else { return { _ in nil } }
            return { format.parse($0) == nil ? "'\($0)' is not a date in the format '\(pattern)'" : nil }
        case .boolean:
            let tokens = booleanTokens ?? []
            return { tokens.contains($0) ? nil : "'\($0)' is not \(tokens.map { "'\($0)'" }.joined(separator: " or "))" }
        case .categorical:
            guard let categories else { return { _ in nil } }
            let allowed = Set(categories)
            let listed = categories.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
                + (categories.count > 8 ? ", ... (\(categories.count) in all)" : "")
            return { allowed.contains($0) ? nil : "'\($0)' is not one of the categories \(listed)" }
        case .identifier, .pii:
            return { _ in nil }
        }
    }
}

import RareSynthSchema
import RareSynthTable

extension MetricColumn {
    /// The columns SDMetrics scores, decoded from text the way pandas would hold them: numbers
    /// as `Double`, datetimes as nanoseconds since 1970, categories as labels (numeric labels in
    /// one canonical spelling, so `1` and `1.0` are one category, as in a pandas float column;
    /// booleans case-folded, as pandas reads `TRUE` and `True` alike). Identifier and PII columns
    /// are left out, as SDMetrics gives `id` and PII sdtypes no score.
    /// - Parameter numericCategories: names of categorical columns whose labels are read as
    ///   numbers; `nil` decides from `table` itself (pass the real table's decision when decoding
    ///   the synthetic one, as pandas coerces the synthetic column to the real column's type).
    /// - Throws: `DataError` for a missing column or a cell that does not parse.
    public static func columns(of table: Table, schema: Schema, file: String? = nil,
                               numericCategories: Set<String>? = nil) throws -> [MetricColumn] {
        try schema.columns.compactMap { try column($0, of: table, file: file, numericCategories: numericCategories) }
    }

    /// One column decoded as in `columns(of:schema:file:numericCategories:)`; `nil` for an
    /// identifier or PII column. Lets a caller that must go on past a bad column (the evaluation
    /// report) decode column by column and say which one failed.
    public static func column(_ column: ColumnSchema, of table: Table, file: String? = nil,
                              numericCategories: Set<String>? = nil) throws -> MetricColumn? {
        guard column.isModelled else { return nil }
        guard let j = table.index(of: column.name) else {
            throw DataError(file: file, columnName: column.name, "the table has no column '\(column.name)'")
        }
        let cells = table.columns[j]
        func fail(_ i: Int, _ expected: String) -> DataError {
            DataError(file: file, line: table.line(ofRow: i), column: j + 1, columnName: column.name, "found '\(cells[i]!)', expected \(expected)")
        }
        switch column.type {
        case .numerical:
            var values = [Double?](repeating: nil, count: cells.count)
            for (i, cell) in cells.enumerated() {
                guard let cell else { continue }
                guard let v = Double(cell) else { throw fail(i, "a number") }
                values[i] = v
            }
            return MetricColumn(name: column.name, kind: .numerical, data: .numerical(values))
        case .datetime:
            let format = try DateTimeFormat(column.format ?? "%Y-%m-%d")
            var values = [Double?](repeating: nil, count: cells.count)
            for (i, cell) in cells.enumerated() {
                guard let cell else { continue }
                guard let v = format.parse(cell) else { throw fail(i, "a date in the format \(format.pattern)") }
                values[i] = v * 1e9
            }
            return MetricColumn(name: column.name, kind: .datetime, data: .numerical(values))
        case .categorical, .boolean:
            let numeric = numericCategories.map { $0.contains(column.name) }
                ?? cells.allSatisfy { $0 == nil || Double($0!) != nil }
            let labels: [String?] = cells.map { cell in
                guard let cell else { return nil }
                if column.type == .boolean { return cell.lowercased() }
                return numeric ? Double(cell).map { String($0) } ?? cell : cell
            }
            return MetricColumn(name: column.name, kind: column.type == .boolean ? .boolean : .categorical,
                                data: .categorical(labels))
        case .identifier, .pii:
            return nil
        }
    }
}

extension MetricColumn {
    /// Real and synthetic columns decoded alike (see `columns(of:schema:file:numericCategories:)`).
    public static func columns(real: Table, synthetic: Table, schema: Schema, realFile: String? = nil,
                               syntheticFile: String? = nil) throws -> (real: [MetricColumn], synthetic: [MetricColumn]) {
        let numeric = numericCategories(of: real, schema: schema)
        return (try columns(of: real, schema: schema, file: realFile, numericCategories: numeric),
                try columns(of: synthetic, schema: schema, file: syntheticFile, numericCategories: numeric))
    }
}

extension MetricColumn {
    /// The categorical columns whose real labels are all numbers, so that `1` and `1.0` are one
    /// category on both sides (pandas coerces the synthetic column to the real column's type).
    public static func numericCategories(of real: Table, schema: Schema) -> Set<String> {
        Set(schema.columns.filter { column in
            column.type == .categorical && (real[column: column.name]?.allSatisfy { $0 == nil || Double($0!) != nil } ?? false)
        }.map(\.name))
    }
}

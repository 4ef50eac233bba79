/// A rectangular table of raw text cells, stored column by column.
///
/// Every stage after reading works on columns (type inference, per-column transforms, marginal
/// fits, metrics), so the cells of one column are contiguous. Cells stay text here: what a cell
/// *means* (a number, a date, a category) is the schema's decision, not the reader's, and keeping
/// the text lets a value be written back exactly as it was read. `nil` is a missing value: the
/// reader has already mapped the configured missing tokens (`NA`, empty, ...) to it.
public struct Table: Sendable, Equatable {
    /// Column names in file order. Unique: the reader rejects duplicates.
    public private(set) var columnNames: [String]
    /// `columns[j][i]` is row `i` of column `j`; `nil` is missing.
    public private(set) var columns: [[String?]]
    /// The physical line of the file each row starts on, when that is not simply `row + 2`
    /// (a quoted field spanning lines, skipped blank lines); `nil` otherwise. Only error messages
    /// use it, through `line(ofRow:)`; it takes no part in equality.
    public private(set) var rowLines: [Int]?

    public static func == (lhs: Table, rhs: Table) -> Bool {
        lhs.columnNames == rhs.columnNames && lhs.columns == rhs.columns
    }

    /// The line of the source file where row `i` starts (the header is line 1).
    public func line(ofRow i: Int) -> Int { rowLines.map { $0[i] } ?? i + 2 }

    /// Records the physical line of each row; `nil` (or lines that are just `row + 2`) clears it.
    public mutating func setRowLines(_ lines: [Int]?) {
        precondition(lines == nil || lines!.count == rowCount, "one line per row")
        rowLines = lines.flatMap { l in l.indices.allSatisfy { l[$0] == $0 + 2 } ? nil : l }
    }

    /// Creates a table from named columns of equal length.
    /// - Precondition: `columnNames.count == columns.count`, all columns the same length, names unique.
    public init(columnNames: [String], columns: [[String?]]) {
        precondition(columnNames.count == columns.count, "one name per column")
        precondition(Set(columnNames).count == columnNames.count, "column names must be unique")
        if let first = columns.first {
            precondition(columns.allSatisfy { $0.count == first.count }, "columns must have equal length")
        }
        self.columnNames = columnNames
        self.columns = columns
    }

    /// An empty table with the given header.
    public init(columnNames: [String]) {
        self.init(columnNames: columnNames, columns: Array(repeating: [], count: columnNames.count))
    }

    public var rowCount: Int { columns.first?.count ?? 0 }
    public var columnCount: Int { columnNames.count }

    /// The index of a column by name, or `nil`.
    public func index(of name: String) -> Int? { columnNames.firstIndex(of: name) }

    /// The cells of a column by name, or `nil` when there is no such column.
    public subscript(column name: String) -> [String?]? {
        index(of: name).map { columns[$0] }
    }

    /// Row `i` as an array of cells in column order.
    public func row(_ i: Int) -> [String?] { columns.map { $0[i] } }

    /// Appends one row. - Precondition: `cells.count == columnCount`.
    public mutating func append(row cells: [String?]) {
        precondition(cells.count == columns.count, "row width must equal column count")
        let line = rowCount + 2
        rowLines?.append(line)
        for j in cells.indices { columns[j].append(cells[j]) }
    }

    /// Reserves room for `n` rows in every column.
    public mutating func reserveCapacity(_ n: Int) {
        for j in columns.indices { columns[j].reserveCapacity(n) }
    }

    /// Adds a column at the end (or replaces one with the same name).
    public mutating func setColumn(_ name: String, _ cells: [String?]) {
        precondition(columns.isEmpty || cells.count == rowCount || columnNames.isEmpty, "column length")
        if let j = index(of: name) { columns[j] = cells } else { columnNames.append(name); columns.append(cells) }
    }

    /// Removes a column by name; does nothing when absent.
    public mutating func removeColumn(_ name: String) {
        guard let j = index(of: name) else { return }
        columnNames.remove(at: j)
        columns.remove(at: j)
    }

    /// A table with only the named columns, in the given order.
    /// - Precondition: every name exists.
    public func selecting(_ names: [String]) -> Table {
        var t = Table(columnNames: names, columns: names.map { self[column: $0]! })
        t.rowLines = rowLines
        return t
    }

    /// A table with the rows at `indices`, in that order.
    public func rows(_ indices: [Int]) -> Table {
        var t = Table(columnNames: columnNames, columns: columns.map { col in indices.map { col[$0] } })
        t.rowLines = indices.map(line(ofRow:))
        return t
    }

    /// Replaces row `indices[k]` with row `k` of `replacement` (same columns, in the same order).
    /// - Precondition: `replacement` has `indices.count` rows and this table's columns.
    public mutating func replaceRows(_ indices: [Int], with replacement: Table) {
        precondition(replacement.columnNames == columnNames && replacement.rowCount == indices.count,
                     "replacement rows must have the same columns, one per index")
        for j in columns.indices {
            for (k, i) in indices.enumerated() { columns[j][i] = replacement.columns[j][k] }
        }
    }
}

/// The numbers a model sees: one encoded column per modelled column of the table.
///
/// Every synthesizer (copula today, neural and Bayesian-network models later) learns from and
/// produces this form, so reading, type handling, constraints and writing back are written once.
/// A continuous column holds `Double`s with `NaN` for missing; a discrete column holds level codes
/// where, if the column has missing values, one level stands for "missing". Missing values are
/// therefore data a model can learn, with their associations to other columns.
public struct EncodedTable: Sendable {
    public var columns: [EncodedColumn]

    public init(columns: [EncodedColumn]) { self.columns = columns }

    public var rowCount: Int { columns.first?.count ?? 0 }

    /// The column with this name, or `nil`.
    public func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// Puts `replacement`'s rows, in order, at `rows` (same columns, one replacement row per index).
    public mutating func replaceRows(_ rows: [Int], with replacement: EncodedTable) {
        precondition(replacement.rowCount == rows.count && replacement.columns.count == columns.count,
                     "\(replacement.rowCount) replacement rows for \(rows.count) indices")
        for k in columns.indices {
            switch (columns[k].values, replacement.columns[k].values) {
            case (.continuous(var values), let .continuous(new)):
                for (i, r) in rows.enumerated() { values[r] = new[i] }
                columns[k].values = .continuous(values)
            case (.discrete(var codes, let levels), let .discrete(new, _)):
                for (i, r) in rows.enumerated() { codes[r] = new[i] }
                columns[k].values = .discrete(codes: codes, levelCount: levels)
            default:
                preconditionFailure("replacement column \(replacement.columns[k].name) has another shape")
            }
        }
    }
}

/// One encoded column.
public struct EncodedColumn: Sendable {
    /// The name a user knows it by: the table column, or a derived name for a constraint
    /// rewrite (`a+b` for a fixed combination).
    public var name: String
    public var values: EncodedValues

    public init(name: String, values: EncodedValues) {
        self.name = name
        self.values = values
    }

    public var count: Int {
        switch values {
        case let .continuous(v): v.count
        case let .discrete(codes, _): codes.count
        }
    }
}

/// The two shapes a model distinguishes.
public enum EncodedValues: Sendable {
    /// Real values; `NaN` is missing.
    case continuous([Double])
    /// Level codes in `0..<levelCount`.
    case discrete(codes: [Int32], levelCount: Int)
}

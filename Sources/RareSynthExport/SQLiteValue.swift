/// A cell converted to the storage class of its column, ready to bind.
enum SQLiteValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// Converts a cell for a column of `type`; `nil` when the cell is not of that type.
    @inline(__always)
    init?(_ cell: String?, as type: SQLiteColumnType) {
        guard let cell else { self = .null; return }
        switch type {
        case .text:
            self = .text(cell)
        case .integer:
            guard let value = SQLiteColumnType.integer(cell) else { return nil }
            self = .integer(value)
        case .real:
            guard let value = SQLiteColumnType.real(cell) else { return nil }
            self = .real(value)
        }
    }
}

extension SQLiteColumnType {
    /// The integer a cell holds: plain (`42`, `-7`), or an integral real that some tools write
    /// for integers (R's `1e+05`, `3.0`); `nil` for anything else.
    static func integer(_ cell: String) -> Int64? {
        var text = cell
        if let value = text.withUTF8(DecimalText.int64) { return value }
        if let value = Int64(cell) { return value }
        guard let real = real(cell), real == real.rounded() else { return nil }
        return Int64(exactly: real)
    }

    /// The real number a cell holds, as `Double(String)` reads it; `nil` when it holds none.
    static func real(_ cell: String) -> Double? {
        var text = cell
        return text.withUTF8(DecimalText.double) ?? Double(cell)
    }

    /// How an error message names the type.
    var expectation: String {
        switch self {
        case .integer: "an integer"
        case .real: "a real number"
        case .text: "text"
        }
    }
}

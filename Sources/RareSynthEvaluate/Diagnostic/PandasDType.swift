/// The storage type pandas gives a column: what SDMetrics' TableStructure compares, as the text
/// `str(df[c].dtype)`.
///
/// RareSynth holds columns as text and decoded values, not as pandas dtypes, so a caller states
/// the dtype each column would have in the DataFrame SDMetrics is handed (for a table read from
/// CSV, ``inferred(fromCSVCells:)`` gives pandas' choice).
public enum PandasDType: Hashable, Sendable, CustomStringConvertible {
    case int64
    case float64
    case bool
    case object
    /// `datetime64[ns]`: a datetime column after SDMetrics has parsed it with its format.
    case datetime64ns
    /// Any other dtype, by its pandas name (`category`, `Int64`, `string`, …).
    case other(String)

    /// pandas' name for the dtype, e.g. `float64`, `datetime64[ns]`.
    public var description: String {
        switch self {
        case .int64: "int64"
        case .float64: "float64"
        case .bool: "bool"
        case .object: "object"
        case .datetime64ns: "datetime64[ns]"
        case .other(let name): name
        }
    }
}

extension PandasDType {
    /// The dtype `pandas.read_csv(keep_default_na=False, na_values=[''])` (pandas 2.3.3, C parser,
    /// as `peers/common.py` reads) gives a column of text cells, `nil` being an empty cell:
    /// - `int64` when every cell is an integer (optional sign, digits) and none is missing;
    /// - `float64` when every present cell is a decimal number (`1`, `-2.5`, `.5`, `1e-3`) — an
    ///   integer column with a missing cell is `float64` too — and when every cell is missing;
    /// - `bool` when every cell is one of `True TRUE true False FALSE false` and none is missing
    ///   (with a missing cell pandas keeps `object`);
    /// - `object` otherwise, and for a column without rows.
    ///
    /// Only plain decimal spellings count as numbers here (`nan`, `inf`, hexadecimal and
    /// thousands separators are `object`, as with these reader options), and integers are
    /// assumed to fit in 64 bits.
    public static func inferred(fromCSVCells cells: [String?]) -> PandasDType {
        guard !cells.isEmpty else { return .object }
        var missing = false, allInteger = true, allNumber = true, allBool = true, anyPresent = false
        for cell in cells {
            guard let cell else { missing = true; continue }
            anyPresent = true
            let shape = NumberShape(cell)
            if shape != .integer { allInteger = false }
            if shape == nil { allNumber = false }
            if !booleanSpellings.contains(cell) { allBool = false }
            if !allInteger && !allNumber && !allBool { return .object }
        }
        if !anyPresent { return .float64 }
        if allInteger { return missing ? .float64 : .int64 }
        if allNumber { return .float64 }
        if allBool { return missing ? .object : .bool }
        return .object
    }

    /// The spellings pandas' CSV reader turns into booleans.
    static let booleanSpellings: Set<String> = ["True", "TRUE", "true", "False", "FALSE", "false"]

    /// Whether text is a plain decimal integer or a decimal number.
    enum NumberShape: Equatable {
        case integer, decimal

        init?(_ text: String) {
            var bytes = Array(text.utf8)[...]
            if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            func digits() -> Int {
                var n = 0
                while let b = bytes.first, b &- 48 < 10 { bytes = bytes.dropFirst(); n += 1 }
                return n
            }
            let whole = digits()
            var fraction = 0, dotted = false
            if bytes.first == UInt8(ascii: ".") { bytes = bytes.dropFirst(); dotted = true; fraction = digits() }
            guard whole + fraction > 0 else { return nil }
            var exponent = false
            if let e = bytes.first, e | 0x20 == UInt8(ascii: "e") {
                bytes = bytes.dropFirst()
                if let s = bytes.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
                guard digits() > 0 else { return nil }
                exponent = true
            }
            guard bytes.isEmpty else { return nil }
            self = dotted || exponent ? .decimal : .integer
        }
    }
}

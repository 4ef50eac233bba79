
/// Dense integer codes for the value combinations of some columns, shared by two tables: two rows
/// (of either table) get the same code exactly when they hold equal values in every one of the
/// columns. Every grouping metric here (CAP, k-anonymity, l-diversity, repU, DiSCO) then works on
/// integer arrays instead of tuples of strings.
///
/// Equality is pandas' and R's on decoded values: labels compare as exact strings (the caller's
/// `MetricColumn` labels already give equal values equal labels), numbers by value (so 0 and −0
/// are one value), and **missing equals missing**, a value of its own, as in `groupby(dropna=False)`,
/// SDMetrics' `fillna('__NULL_VALUE__')` and synthpop's `"Missing"` level.
struct RowCodes: Sendable {
    /// The code of each row of the first table.
    var first: [UInt32]
    /// The code of each row of the second table.
    var second: [UInt32]
    /// Codes run from 0 to `count − 1`, in order of first appearance (first table first).
    var count: Int

    /// Codes for the combinations of `columns` in `first` and `second` (which may have no columns
    /// at all, for a single table).
    /// - Throws: `PrivacyMetricError.missingColumn` when a table lacks a named column (an empty
    ///   second table is not checked), `.kindMismatch` when a column is numerical in one table and
    ///   categorical in the other, `.lengthMismatch` for ragged tables.
    init(columns: [String], first a: [MetricColumn], second b: [MetricColumn]) throws {
        let n = try DistanceEncoding.rowCount(a)
        let m = try DistanceEncoding.rowCount(b)
        var firstCodes = [UInt32](repeating: 0, count: n)
        var secondCodes = [UInt32](repeating: 0, count: m)
        var combined = 1
        for name in columns {
            guard let x = a.first(where: { $0.name == name }) else { throw PrivacyMetricError.missingColumn(name) }
            let y: MetricColumn
            if let found = b.first(where: { $0.name == name }) {
                y = found
            } else if b.isEmpty {
                y = MetricColumn(name: name, kind: x.kind, data: x.kind.isContinuous ? .numerical([]) : .categorical([]))
            } else {
                throw PrivacyMetricError.missingColumn(name)
            }
            let column = try Self.columnCodes(x, y)
            // Fold this column into the running combination codes.
            var pairs: [UInt64: UInt32] = [:]
            func fold(_ previous: UInt32, _ code: UInt32) -> UInt32 {
                let key = UInt64(previous) << 32 | UInt64(code)
                if let existing = pairs[key] { return existing }
                let next = UInt32(pairs.count)
                pairs[key] = next
                return next
            }
            for i in 0..<n { firstCodes[i] = fold(firstCodes[i], column.first[i]) }
            for i in 0..<m { secondCodes[i] = fold(secondCodes[i], column.second[i]) }
            combined = pairs.count
        }
        first = firstCodes
        second = secondCodes
        count = n + m == 0 ? 0 : combined
    }

    /// Codes of one column in the two tables; missing (nil, NaN) is a code of its own.
    static func columnCodes(_ x: MetricColumn, _ y: MetricColumn) throws -> (first: [UInt32], second: [UInt32]) {
        switch (x.data, y.data) {
        case let (.categorical(a), .categorical(b)):
            var table = LabelTable()
            var missing: UInt32?
            func encode(_ labels: [String?]) -> [UInt32] {
                labels.map { label in
                    if let label { return table.code(for: label) }
                    if let missing { return missing }
                    let code = UInt32(table.count)
                    table.reserveMissing()
                    missing = code
                    return code
                }
            }
            let first = encode(a)
            return (first, encode(b))
        case let (.numerical(a), .numerical(b)):
            var codes: [UInt64: UInt32] = [:]
            // NaN and nil share one key; any NaN bit pattern is normalised to it.
            let missingKey = Double.nan.bitPattern
            func encode(_ values: [Double?]) -> [UInt32] {
                values.map { value in
                    let key = value.map { $0.isNaN ? missingKey : ($0 + 0).bitPattern } ?? missingKey
                    if let code = codes[key] { return code }
                    let code = UInt32(codes.count)
                    codes[key] = code
                    return code
                }
            }
            let first = encode(a)
            return (first, encode(b))
        default:
            throw PrivacyMetricError.kindMismatch(column: x.name)
        }
    }
}

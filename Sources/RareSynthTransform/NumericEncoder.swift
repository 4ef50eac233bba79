import RareSynthSchema
import RareSynthTable

/// Encodes a numerical or datetime column as real numbers and decodes them back to text.
///
/// Datetimes become seconds since 1970 (UTC) so that every model treats them as numbers; on the
/// way back values are clamped to the column's bounds, rounded to its precision (integer,
/// observed decimals, or the finest unit the date format prints) and written in the column's own
/// format, so a synthetic file looks like the real one.
public struct NumericEncoder: Codable, Sendable, Equatable {
    public enum Kind: Codable, Sendable, Equatable {
        /// Plain numbers with `decimals` digits after the point (0 for integers).
        case number(decimals: Int)
        /// Dates in a `strftime`-style `format`.
        case datetime(format: DateTimeFormat)
    }

    public var column: String
    public var kind: Kind
    /// Bounds enforced on decoding, in encoded units; `nil` when the column has no value at all.
    public var minimum: Double?
    public var maximum: Double?

    public init(column: String, kind: Kind, minimum: Double?, maximum: Double?) {
        self.column = column
        self.kind = kind
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Builds the encoder from the schema, taking bounds the schema leaves open from the data.
    public static func fit(_ cells: [String?], schema column: ColumnSchema, file: String?,
                           fieldNumber: Int?, lines: [Int]? = nil) throws -> NumericEncoder {
        try fitAndEncode(cells, schema: column, file: file, fieldNumber: fieldNumber, lines: lines).encoder
    }

    /// `fit`, also returning the parsed values, so a caller that encodes the same cells next
    /// does not parse every cell twice.
    public static func fitAndEncode(_ cells: [String?], schema column: ColumnSchema, file: String?,
                                    fieldNumber: Int?, lines: [Int]? = nil) throws -> (encoder: NumericEncoder, values: [Double]) {
        let kind: Kind
        switch column.type {
        case .datetime:
            guard let pattern = column.format else {
                throw DataError(file: file, columnName: column.name,
                                "datetime column has no \"format\" in the schema")
            }
            do {
                kind = .datetime(format: try DateTimeFormat(pattern))
            } catch {
                throw DataError(file: file, columnName: column.name, "bad date format in the schema: \(error.message)")
            }
        default:
            kind = .number(decimals: column.integer == true ? 0 : max(0, column.decimals ?? 6))
        }
        var encoder = NumericEncoder(column: column.name, kind: kind, minimum: nil, maximum: nil)
        let values = try encoder.encode(cells, file: file, fieldNumber: fieldNumber, lines: lines)
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where !v.isNaN {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        if lo <= hi {
            encoder.minimum = lo
            encoder.maximum = hi
        }
        if case .number = kind {
            if let m = column.minimum { encoder.minimum = m }
            if let m = column.maximum { encoder.maximum = m }
        }
        return (encoder, values)
    }

    var dateFormat: DateTimeFormat? {
        if case let .datetime(format) = kind { return format }
        return nil
    }

    /// Parses one cell; `nil` for text that is not a value of this column.
    public func parse(_ text: String) -> Double? {
        switch kind {
        case .number: return Double(text).flatMap { $0.isFinite ? $0 : nil }
        case let .datetime(format): return format.parse(text)
        }
    }

    /// Cells as numbers; missing cells become `NaN`. A cell that does not parse is a `DataError`
    /// naming its line (`lines[i]`, or `i + 2` below a one-line header) and field.
    public func encode(_ cells: [String?], file: String?, fieldNumber: Int?, lines: [Int]? = nil) throws -> [Double] {
        let date = dateFormat
        var out = [Double](repeating: .nan, count: cells.count)
        for (i, cell) in cells.enumerated() {
            guard let cell else { continue }
            let value: Double?
            if let date { value = date.parse(cell) } else { value = Double(cell).flatMap { $0.isFinite ? $0 : nil } }
            guard let value else {
                let expected: String
                switch kind {
                case .number: expected = "a number"
                case let .datetime(format): expected = "a date in the format \(format)"
                }
                throw DataError(file: file, line: lines?[i] ?? i + 2, column: fieldNumber, columnName: column,
                                "found '\(cell)', expected \(expected)")
            }
            out[i] = value
        }
        return out
    }

    /// Narrows the bounds to what `x op value` allows (a strict inequality moves one
    /// `resolution` step inward): how a one-column constraint such as `time > 0` is enforced.
    public mutating func tighten(_ op: ComparisonOperator, _ value: Double) {
        switch op {
        case .greaterThan: minimum = max(minimum ?? -.infinity, value + resolution)
        case .greaterOrEqual: minimum = max(minimum ?? -.infinity, value)
        case .lessThan: maximum = min(maximum ?? .infinity, value - resolution)
        case .lessOrEqual: maximum = min(maximum ?? .infinity, value)
        case .equal: (minimum, maximum) = (value, value)
        }
    }

    /// The smallest step between two distinct output values, in encoded units.
    public var resolution: Double {
        switch kind {
        case let .number(decimals): return 1 / FixedDecimalFormatter.powers[max(0, min(decimals, 15))]
        case let .datetime(format): return format.resolutionSeconds
        }
    }

    /// Whether `value` lies outside the bounds by more than rounding to the column's precision
    /// would bring back (so `finish` would clamp it onto a bound); missing values never do.
    public func isOutOfBounds(_ value: Double) -> Bool {
        guard !value.isNaN else { return false }
        let half = resolution / 2
        if let minimum, value < minimum - half { return true }
        if let maximum, value > maximum + half { return true }
        return false
    }

    /// Clamps to the bounds and rounds to the column's precision; `NaN` stays missing.
    public func finish(_ value: Double) -> Double {
        guard !value.isNaN else { return .nan }
        var v = value
        if let minimum { v = max(v, minimum) }
        if let maximum { v = min(v, maximum) }
        let step = resolution
        v = (v / step).rounded(.toNearestOrAwayFromZero) * step
        // Rounding must not step outside the bounds either.
        if let minimum, v < minimum { v += step }
        if let maximum, v > maximum { v -= step }
        return v
    }

    /// Text for a finished value (see `finish`); `nil` for missing.
    public func format(_ value: Double) -> String? {
        guard !value.isNaN else { return nil }
        switch kind {
        case let .number(decimals): return FixedDecimalFormatter.format(value, decimals: decimals)
        case let .datetime(format): return format.format(value)
        }
    }

    /// Finishes and formats every value.
    public func decode(_ values: [Double]) -> [String?] {
        switch kind {
        case let .number(decimals):
            return values.map { v in
                let f = finish(v)
                return f.isNaN ? nil : FixedDecimalFormatter.format(f, decimals: decimals)
            }
        case let .datetime(format):
            return values.map { v in
                let f = finish(v)
                return f.isNaN ? nil : format.format(f)
            }
        }
    }
}

/// One reversible step from table columns to encoded columns.
///
/// Constraints are steps too: rewriting `a >= b` as a non-negative difference, or several
/// categorical columns as one column of their observed combinations, means every model produces
/// rows that satisfy the constraint by construction, with no rejection loop.
public enum EncodingStep: Codable, Sendable, Equatable {
    /// A numerical or datetime column as itself.
    case numeric(NumericEncoder)
    /// A categorical or boolean column as level codes.
    case categorical(CategoricalEncoder)
    /// `left` stored as its non-negative distance to `right` (an inequality constraint).
    case difference(DifferenceEncoder)
    /// Several categorical columns stored as one column of their observed combinations.
    case combination(CombinationEncoder)

    /// The encoded column's name.
    public var encodedName: String {
        switch self {
        case let .numeric(e): e.column
        case let .categorical(e): e.column
        case let .difference(e): e.left.column
        case let .combination(e): e.encodedName
        }
    }

    /// The table columns this step reads and writes.
    public var sourceColumns: [String] {
        switch self {
        case let .numeric(e): [e.column]
        case let .categorical(e): [e.column]
        case let .difference(e): [e.left.column]
        case let .combination(e): e.columns
        }
    }
}

/// `left op right` kept true by storing `left` as `sign · (left − right) ≥ 0` (or `> 0`).
public struct DifferenceEncoder: Codable, Sendable, Equatable {
    /// Parses, bounds and formats `left` itself.
    public var left: NumericEncoder
    public var right: String
    /// `+1` when `left ≥ right`, `-1` when `left ≤ right`.
    public var sign: Double
    /// Whether equality is excluded (`>` or `<`).
    public var strict: Bool

    public init(left: NumericEncoder, right: String, sign: Double, strict: Bool) {
        self.left = left
        self.right = right
        self.sign = sign
        self.strict = strict
    }

    /// `left` from a decoded `right` and a sampled distance; missing when either is missing.
    func decode(distance: Double, right r: Double) -> Double {
        guard !distance.isNaN, !r.isNaN else { return .nan }
        let step = left.resolution
        let minimumDistance = strict ? step : 0
        var l = r + sign * max(distance, minimumDistance)
        l = left.finish(l)
        // Rounding or the column's own bounds may have broken the inequality: move back inside.
        var guardCount = 0
        while !(sign > 0 ? (strict ? l > r : l >= r) : (strict ? l < r : l <= r)), guardCount < 4 {
            l = left.finish(r + sign * (minimumDistance + Double(guardCount) * step))
            if sign > 0, let maximum = left.maximum, l > maximum { l = maximum }
            if sign < 0, let minimum = left.minimum, l < minimum { l = minimum }
            guardCount += 1
        }
        return l
    }
}

/// Several categorical columns as one discrete column whose levels are the combinations seen.
public struct CombinationEncoder: Codable, Sendable, Equatable {
    public var columns: [String]
    /// Each level is one combination, a label (or `nil` for missing) per column.
    public var levels: [[String?]]

    public init(columns: [String], levels: [[String?]]) {
        self.columns = columns
        self.levels = levels
    }

    public var encodedName: String { columns.joined(separator: "+") }
}

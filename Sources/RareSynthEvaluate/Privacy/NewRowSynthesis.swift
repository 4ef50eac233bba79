
/// SDMetrics 0.32's NewRowSynthesis: the share of synthetic rows that copy no real row.
///
/// Source: `sdmetrics/single_table/new_row_synthesis.py` (0.32.0), `synthetic_sample_size=None`
/// (every synthetic row). A synthetic row s *matches* a real row r when every column agrees:
///
///     s missing            → r missing
///     numerical / datetime → |r − s| ≤ |tolerance · s|       (relative to the *synthetic* value)
///     categorical, boolean → r == s                           (a missing r never equals a present s)
///
/// and score = #{synthetic rows matching no real row} / #synthetic rows. Quirks kept: the
/// tolerance is relative to the synthetic value, so s = 0 needs r = 0 exactly; datetimes compare
/// as nanoseconds since 1970, so 1 % of a 1989 date is ~69 days. Columns: every real column (the
/// synthetic table must have them all; extra synthetic columns are ignored, as SDMetrics ignores
/// columns outside the metadata).
///
/// Instead of SDMetrics' pandas query per synthetic row (O(n·m)), real rows are bucketed by their
/// discrete values and missing pattern and sorted by their first numerical value, so a synthetic
/// row only checks the real rows inside its tolerance window: the same matches, found in
/// O((n + m) log m) for typical data. Agreement: identical counts on the fixtures.
public struct NewRowSynthesis: Sendable, Equatable {
    /// The share of synthetic rows that match no real row, in [0, 1].
    public var score: Double
    /// Synthetic rows that match no real row.
    public var newRows: Int
    /// Synthetic rows that match at least one real row.
    public var matchedRows: Int

    /// - Parameter numericalMatchTolerance: SDMetrics' `numerical_match_tolerance` (default 0.01).
    /// - Throws: `PrivacyMetricError.missingColumn` when the synthetic table lacks a real column,
    ///   `.kindMismatch`, `.lengthMismatch`, `.emptyTable` for an empty synthetic table.
    public init(real: [MetricColumn], synthetic: [MetricColumn], numericalMatchTolerance: Double = 0.01) throws {
        let n = try DistanceEncoding.rowCount(real)
        let m = try DistanceEncoding.rowCount(synthetic)
        guard m > 0 else { throw PrivacyMetricError.emptyTable("synthetic") }
        var discrete: [String] = []
        var realNumbers: [[Double]] = []
        var syntheticNumbers: [[Double]] = []
        var missingPatternColumns: [MetricColumn] = []
        var syntheticMissingPatternColumns: [MetricColumn] = []
        for column in real {
            guard let other = synthetic.first(where: { $0.name == column.name }) else {
                throw PrivacyMetricError.missingColumn(column.name)
            }
            switch (column.data, other.data) {
            case (.categorical, .categorical):
                discrete.append(column.name)
            case let (.numerical(r), .numerical(s)):
                // Missing becomes NaN, which fails every |r − s| ≤ t test; the missing pattern is
                // matched exactly through the bucket key instead.
                realNumbers.append(r.map { $0 ?? .nan })
                syntheticNumbers.append(s.map { $0 ?? .nan })
                missingPatternColumns.append(.boolean(column.name, r.map { $0 == nil || $0!.isNaN }))
                syntheticMissingPatternColumns.append(.boolean(column.name, s.map { $0 == nil || $0!.isNaN }))
            default:
                throw PrivacyMetricError.kindMismatch(column: column.name)
            }
        }
        // Bucket key: the discrete values and which numbers are missing.
        let keyColumns = discrete + missingPatternColumns.map { "\u{0}missing:" + $0.name }
        let renamed = { (columns: [MetricColumn]) in
            columns.map { MetricColumn(name: "\u{0}missing:" + $0.name, kind: $0.kind, data: $0.data) }
        }
        let keys = try RowCodes(columns: keyColumns,
                                first: real + renamed(missingPatternColumns),
                                second: synthetic + renamed(syntheticMissingPatternColumns))
        var buckets = [[Int]](repeating: [], count: Swift.max(keys.count, 1))
        for i in 0..<n { buckets[Int(keys.first[i])].append(i) }
        // Within a bucket every row has the same numbers missing; sort it by its first present one.
        let sortColumn: [Int?] = buckets.map { bucket in
            bucket.first.flatMap { r in realNumbers.indices.first { !realNumbers[$0][r].isNaN } }
        }
        for b in buckets.indices {
            guard let j = sortColumn[b] else { continue }
            buckets[b].sort { (realNumbers[j][$0], $0) < (realNumbers[j][$1], $1) }
        }

        var matched = 0
        for s in 0..<m {
            let b = Int(keys.second[s])
            let bucket = buckets[b]
            if bucket.isEmpty { continue }
            guard let j = sortColumn[b] else { matched += 1; continue }  // no number to compare
            // Real rows whose sort value lies in a window a few ulps wider than the tolerance;
            // each is then tested exactly as SDMetrics does.
            let v = syntheticNumbers[j][s]
            let t = Swift.abs(numericalMatchTolerance * v)
            let slack = 4 * Swift.max(Swift.abs(v), t).ulp
            let low = v - t - slack, high = v + t + slack
            var lower = 0, upper = bucket.count
            while lower < upper {
                let mid = (lower + upper) / 2
                if realNumbers[j][bucket[mid]] < low { lower = mid + 1 } else { upper = mid }
            }
            var start = lower
            while start < bucket.count, realNumbers[j][bucket[start]] <= high {
                if Self.matches(real: bucket[start], synthetic: s, realNumbers, syntheticNumbers, numericalMatchTolerance) {
                    matched += 1
                    break
                }
                start += 1
            }
        }
        matchedRows = matched
        newRows = m - matched
        score = Double(newRows) / Double(m)
    }

    /// Whether real row r is within tolerance of synthetic row s in every numerical column (their
    /// missing patterns already agree).
    static func matches(real r: Int, synthetic s: Int, _ real: [[Double]], _ synthetic: [[Double]],
                        _ tolerance: Double) -> Bool {
        for j in real.indices {
            let sv = synthetic[j][s]
            if sv.isNaN { continue }  // both missing
            // SDMetrics: abs(`col` - s) <= abs(tolerance * s), in double precision.
            if !(Swift.abs(real[j][r] - sv) <= Swift.abs(tolerance * sv)) { return false }
        }
        return true
    }
}

import RareSynthSchema
import RareSynthTable
import RareSynthTransform

/// Finds synthetic rows that (nearly) copy a real row, so they can be drawn again.
///
/// A synthetic row is a near copy of a real one when, on every modelled column, a categorical,
/// boolean or missing value is equal and a number or date differs by at most `tolerance` times
/// the synthetic value — SDMetrics' `NewRowSynthesis` definition (tolerance 0.01), so a filtered
/// table scores 1 on that metric unless a row cannot be redrawn into a new one. Identifier and
/// PII columns are left out: they are regenerated anyway.
///
/// Real rows are indexed by their exact-match fields (hash buckets) and, inside a bucket, sorted
/// by the first numeric column, so a lookup is a hash probe and a binary search, not a scan.
public struct NearCopyFilter: Sendable {
    public let tolerance: Double
    let exactColumns: [String]
    let parsers: [NumericEncoder]
    /// Bucket key → rows' numeric values (one array per row, in `parsers` order), sorted by the first.
    let buckets: [[String?]: [[Double]]]

    /// Indexes `real`, which must have every column `transformer` models; numbers and dates are
    /// read by the transformer's own encoders.
    public init(real: Table, transformer: TableTransformer, tolerance: Double = 0.01) {
        self.tolerance = tolerance
        var exact: [String] = [], numeric: [NumericEncoder] = []
        for step in transformer.steps {
            switch step {
            case let .numeric(e): numeric.append(e)
            case let .difference(e): numeric.append(e.left)
            case let .categorical(e): exact.append(e.column)
            case let .combination(e): exact += e.columns
            }
        }
        exactColumns = exact
        parsers = numeric
        var buckets: [[String?]: [[Double]]] = [:]
        for (key, values) in Self.rows(of: real, exact: exact, numeric: numeric) { buckets[key, default: []].append(values) }
        for key in buckets.keys { buckets[key]!.sort { Self.sortKey($0) < Self.sortKey($1) } }
        self.buckets = buckets
    }

    /// Each row's exact-match key (categorical cells, then which numbers are missing: missing must
    /// match missing) and its numbers (`NaN` for missing).
    static func rows(of table: Table, exact: [String], numeric: [NumericEncoder]) -> [([String?], [Double])] {
        let exactCells = exact.map { table[column: $0]! }
        let numbers = numeric.map { table[column: $0.column]! }
        return (0..<table.rowCount).map { i in
            var key = exactCells.map { $0[i] }
            var values: [Double] = []
            for (k, cells) in numbers.enumerated() {
                let v = cells[i].flatMap(numeric[k].parse) ?? .nan
                key.append(v.isNaN ? nil : "")
                values.append(v)
            }
            return (key, values)
        }
    }

    @inline(__always) static func sortKey(_ values: [Double]) -> Double {
        values.first.map { $0.isNaN ? -.infinity : $0 } ?? 0
    }

    /// Indices of the rows of `synthetic` that nearly copy a real row.
    public func nearCopies(in synthetic: Table) -> [Int] {
        var out: [Int] = []
        for (i, (key, values)) in Self.rows(of: synthetic, exact: exactColumns, numeric: parsers).enumerated() {
            guard let bucket = buckets[key] else { continue }
            if matches(values, in: bucket) { out.append(i) }
        }
        return out
    }

    func close(_ a: Double, _ synthetic: Double) -> Bool {
        if a.isNaN || synthetic.isNaN { return a.isNaN && synthetic.isNaN }
        return abs(a - synthetic) <= abs(tolerance * synthetic)
    }

    func matches(_ values: [Double], in bucket: [[Double]]) -> Bool {
        guard let first = values.first else { return !bucket.isEmpty }
        // Rows whose first value can be within tolerance: a contiguous run of the sorted bucket.
        let lower = first.isNaN ? -Double.infinity : first - abs(tolerance * first)
        var lo = 0, hi = bucket.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Self.sortKey(bucket[mid]) < lower { lo = mid + 1 } else { hi = mid }
        }
        let upper = first.isNaN ? -Double.infinity : first + abs(tolerance * first)
        var j = lo
        while j < bucket.count && Self.sortKey(bucket[j]) <= upper {
            if zip(bucket[j], values).allSatisfy({ close($0, $1) }) { return true }
            j += 1
        }
        return false
    }
}

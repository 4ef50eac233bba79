/// The distinct rows of a column-major table of encoded cells, in order of first appearance.
///
/// Identical rows have identical distances to everything, so the nearest-record search runs on
/// distinct rows only and expands the result: a resampled or duplicate-heavy table (real clinical
/// data has repeated rows, and a bootstrap of n rows to 17,500 has each row ~17,500/n times) costs
/// what its distinct rows cost. Keeping the first appearance as the representative keeps "the first
/// reference row at the minimum distance" the same row.
struct UniqueRows: Sendable {
    /// The distinct rows, column-major: column j is `values[j * count ..< (j + 1) * count]`.
    var values: [Double]
    /// The number of distinct rows.
    var count: Int
    /// For each distinct row, the original index of its first appearance.
    var firstIndex: [Int]
    /// For each distinct row, how many original rows equal it.
    var multiplicity: [Int]
    /// For each original row, the index of its distinct row.
    var distinctIndex: [Int]

    /// The distinct rows of `values` (`rows` rows × `columns` columns, column-major). Cells are
    /// compared by bit pattern; the encodings hold no NaN and no −0.
    init(_ values: [Double], rows: Int, columns: Int) {
        var hashes = [UInt64](repeating: 0x9E37_79B9_7F4A_7C15, count: rows)
        for j in 0..<columns {
            for i in 0..<rows {
                var h = (hashes[i] ^ values[j * rows + i].bitPattern) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                hashes[i] = h
            }
        }
        var buckets: [UInt64: [Int]] = [:]
        firstIndex = []
        multiplicity = []
        distinctIndex = [Int](repeating: 0, count: rows)
        for i in 0..<rows {
            let candidates = buckets[hashes[i], default: []]
            var found: Int?
            for u in candidates {
                let r = firstIndex[u]
                var equal = true
                for j in 0..<columns where values[j * rows + r].bitPattern != values[j * rows + i].bitPattern {
                    equal = false
                    break
                }
                if equal { found = u; break }
            }
            if let u = found {
                multiplicity[u] += 1
                distinctIndex[i] = u
            } else {
                let u = firstIndex.count
                firstIndex.append(i)
                multiplicity.append(1)
                buckets[hashes[i], default: []].append(u)
                distinctIndex[i] = u
            }
        }
        count = firstIndex.count
        if count == rows {
            self.values = values
        } else {
            var out = [Double](repeating: 0, count: count * columns)
            for j in 0..<columns {
                for (u, i) in firstIndex.enumerated() { out[j * count + u] = values[j * rows + i] }
            }
            self.values = out
        }
    }
}

/// The contingency table of two coded columns of one table: how many rows hold each pair of codes.
///
/// Small code spaces (the usual case: a few categories, or 12 bins) count into a dense array in
/// one pass; large ones (a high-cardinality label column) sort packed 64-bit keys instead, so
/// memory stays proportional to the rows, never to the product of the cardinalities.
struct JointCounts {
    /// Dense storage is used up to this many cells (8 MiB of counts).
    static let denseCellLimit = 1 << 20

    enum Storage {
        /// `counts[a * cardinalityB + b]`.
        case dense([Int])
        /// The occurring cells, sorted by key `a * cardinalityB + b`, with their counts.
        case sparse(keys: [UInt64], counts: [Int])
    }

    let cardinalityA: Int
    let cardinalityB: Int
    /// The number of rows counted.
    let total: Int
    let storage: Storage

    init(_ a: [UInt32], _ b: [UInt32], cardinalities: (Int, Int)) {
        precondition(a.count == b.count, "paired columns must have equal length")
        cardinalityA = cardinalities.0
        cardinalityB = cardinalities.1
        total = a.count
        let kb = cardinalityB
        if cardinalityA * cardinalityB <= Self.denseCellLimit {
            var counts = [Int](repeating: 0, count: cardinalityA * cardinalityB)
            counts.withUnsafeMutableBufferPointer { c in
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        for i in 0..<a.count { c[Int(a[i]) * kb + Int(b[i])] += 1 }
                    }
                }
            }
            storage = .dense(counts)
        } else {
            var keys = [UInt64](repeating: 0, count: a.count)
            for i in 0..<a.count { keys[i] = UInt64(a[i]) * UInt64(kb) + UInt64(b[i]) }
            RadixSort.sort(&keys)
            var uniqueKeys: [UInt64] = [], counts: [Int] = []
            var i = 0
            while i < keys.count {
                var j = i + 1
                while j < keys.count && keys[j] == keys[i] { j += 1 }
                uniqueKeys.append(keys[i])
                counts.append(j - i)
                i = j
            }
            storage = .sparse(keys: uniqueKeys, counts: counts)
        }
    }

    /// Calls `body(realCount, syntheticCount)` once for every cell that occurs in either table.
    /// - Precondition: both tables have the same cardinalities (hence the same storage).
    static func forEachCell(_ x: JointCounts, _ y: JointCounts, _ body: (Int, Int) -> Void) {
        switch (x.storage, y.storage) {
        case let (.dense(p), .dense(q)):
            for i in p.indices where p[i] != 0 || q[i] != 0 { body(p[i], q[i]) }
        case let (.sparse(pk, pc), .sparse(qk, qc)):
            var i = 0, j = 0
            while i < pk.count || j < qk.count {
                if j == qk.count || (i < pk.count && pk[i] < qk[j]) {
                    body(pc[i], 0); i += 1
                } else if i == pk.count || qk[j] < pk[i] {
                    body(0, qc[j]); j += 1
                } else {
                    body(pc[i], qc[j]); i += 1; j += 1
                }
            }
        default:
            preconditionFailure("joint counts of one pair must share their storage")
        }
    }

    /// Cramér's V, `scipy.stats.contingency.association(table, method="cramer")`, of the table
    /// restricted to the codes that occur (pandas' `unstack` has one row and one column per
    /// occurring value): √(χ² / n / min(r − 1, c − 1)), χ² without Yates' correction.
    /// `nil` when the table is empty or has fewer than two rows or columns (SDMetrics: NaN).
    func cramersV() -> Double? {
        var rowSums = [Int](repeating: 0, count: cardinalityA)
        var colSums = [Int](repeating: 0, count: cardinalityB)
        switch storage {
        case .dense(let counts):
            for a in 0..<cardinalityA {
                for b in 0..<cardinalityB {
                    let c = counts[a * cardinalityB + b]
                    rowSums[a] += c
                    colSums[b] += c
                }
            }
        case let .sparse(keys, counts):
            for (key, c) in zip(keys, counts) {
                rowSums[Int(key / UInt64(cardinalityB))] += c
                colSums[Int(key % UInt64(cardinalityB))] += c
            }
        }
        let rows = rowSums.indices.filter { rowSums[$0] > 0 }
        let cols = colSums.indices.filter { colSums[$0] > 0 }
        guard total > 0, rows.count >= 2, cols.count >= 2 else { return nil }
        let n = Double(total)
        var chi2 = 0.0
        switch storage {
        case .dense(let counts):
            // scipy's order of operations: expected = (row sum * column sum) / n, summed over
            // every cell of the occurring rows and columns, zeros included.
            for a in rows {
                let r = Double(rowSums[a])
                for b in cols {
                    let expected = r * Double(colSums[b]) / n
                    let d = Double(counts[a * cardinalityB + b]) - expected
                    chi2 += d * d / expected
                }
            }
        case let .sparse(keys, counts):
            // Empty cells add their expected count; together those are n minus the expected
            // counts of the occupied cells.
            var occupiedExpected = 0.0
            for (key, c) in zip(keys, counts) {
                let expected = Double(rowSums[Int(key / UInt64(cardinalityB))])
                    * Double(colSums[Int(key % UInt64(cardinalityB))]) / n
                let d = Double(c) - expected
                chi2 += d * d / expected
                occupiedExpected += expected
            }
            chi2 += Swift.max(0, n - occupiedExpected)
        }
        let phi2 = chi2 / n
        return (phi2 / Double(Swift.min(rows.count - 1, cols.count - 1))).squareRoot()
    }
}

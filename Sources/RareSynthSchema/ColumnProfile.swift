/// One pass over a column's cells: missing count and each distinct value's count, in order of first
/// appearance (so that ties and summaries are deterministic).
struct ColumnProfile {
    let name: String
    /// 0-based position in the table.
    let index: Int
    let cells: [String?]
    private(set) var counts: [String: Int] = [:]
    /// Distinct non-missing values in order of first appearance.
    private(set) var distinctValues: [String] = []
    /// The 0-based row where each distinct value first appears.
    private(set) var firstRows: [Int] = []
    private(set) var presentCount = 0

    init(name: String, index: Int, cells: [String?]) {
        self.name = name
        self.index = index
        self.cells = cells
        counts.reserveCapacity(cells.count)
        for (row, cell) in cells.enumerated() {
            guard let value = cell else { continue }
            presentCount += 1
            if let slot = counts.index(forKey: value) {
                counts.values[slot] += 1
            } else {
                counts[value] = 1
                distinctValues.append(value)
                firstRows.append(row)
            }
        }
    }

    var rowCount: Int { cells.count }
    var missingCount: Int { cells.count - presentCount }
    var distinctCount: Int { distinctValues.count }
    var isUnique: Bool { distinctCount == presentCount }
    var maxRowsPerValue: Int { counts.values.max() ?? 0 }

    /// The `k` most frequent values, ties in order of first appearance.
    func top(_ k: Int) -> [ValueCount] {
        let ranked = distinctValues.enumerated().sorted { a, b in
            let (ca, cb) = (counts[a.element]!, counts[b.element]!)
            return ca != cb ? ca > cb : a.offset < b.offset
        }
        return ranked.prefix(k).map { ValueCount($0.element, counts[$0.element]!) }
    }
}

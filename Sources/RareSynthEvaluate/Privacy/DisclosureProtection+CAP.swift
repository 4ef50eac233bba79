
extension DisclosureProtection {
    /// 1 − mean CAPᵢ over the attacked real rows, summed in real-row order exactly as SDMetrics'
    /// `CategoricalPrivacyMetric.compute` does (`score += row_score`, then `1.0 - score / count`),
    /// each CAPᵢ being `count / len(samples)` (`count_frequency`). `nil` when no row is attacked.
    static func capProtection(known: RowCodes, sensitive: RowCodes, method: Method, knownColumns: [String],
                              real: [MetricColumn], synthetic: [MetricColumn]) throws -> Double? {
        // Synthetic rows by known-value code: how many, and how many per sensitive code.
        var totals = [Int](repeating: 0, count: known.count)
        var bySensitive = [[UInt32: Int]](repeating: [:], count: known.count)
        for (k, s) in zip(known.second, sensitive.second) {
            totals[Int(k)] += 1
            bySensitive[Int(k)][s, default: 0] += 1
        }
        var score = 0.0
        var attacked = 0
        switch method {
        case .cap, .zeroCAP:
            for (k, s) in zip(known.first, sensitive.first) {
                let total = totals[Int(k)]
                if total > 0 {
                    score += Double(bySensitive[Int(k)][s] ?? 0) / Double(total)
                    attacked += 1
                } else if method == .zeroCAP {
                    score += 0
                    attacked += 1
                }
            }
        case .generalizedCAP:
            let neighbours = try nearestSyntheticKeys(known: known, knownColumns: knownColumns, real: real,
                                                      synthetic: synthetic, present: totals.map { $0 > 0 })
            for (k, s) in zip(known.first, sensitive.first) {
                var hits = 0, total = 0
                for key in neighbours[Int(k)] {
                    hits += bySensitive[key][s] ?? 0
                    total += totals[key]
                }
                guard total > 0 else { continue }  // an empty synthetic table
                score += Double(hits) / Double(total)
                attacked += 1
            }
        }
        return attacked == 0 ? nil : 1.0 - score / Double(attacked)
    }

    /// For each known-value code of a real row, the synthetic known-value codes at the smallest
    /// Hamming distance (the number of known columns that differ), all of them on ties: SDMetrics'
    /// `closest_neighbors` over the synthetic keys.
    static func nearestSyntheticKeys(known: RowCodes, knownColumns: [String], real: [MetricColumn],
                                     synthetic: [MetricColumn], present: [Bool]) throws -> [[Int]] {
        // Per-column codes of one representative row for each combined code.
        let perColumn = try knownColumns.map { try RowCodes(columns: [$0], first: real, second: synthetic) }
        var representative = [(table: Int, row: Int)?](repeating: nil, count: known.count)
        for (i, k) in known.first.enumerated() where representative[Int(k)] == nil { representative[Int(k)] = (0, i) }
        for (i, k) in known.second.enumerated() where representative[Int(k)] == nil { representative[Int(k)] = (1, i) }
        func columnCode(_ j: Int, _ key: Int) -> UInt32 {
            let (table, row) = representative[key]!
            return table == 0 ? perColumn[j].first[row] : perColumn[j].second[row]
        }
        let syntheticKeys = (0..<known.count).filter { present[$0] }
        var nearest = [[Int]](repeating: [], count: known.count)
        for k in Set(known.first.map(Int.init)) {
            var best = Int.max
            var keys: [Int] = []
            for key in syntheticKeys {
                var distance = 0
                for j in knownColumns.indices where columnCode(j, key) != columnCode(j, k) { distance += 1 }
                if distance < best {
                    best = distance
                    keys = [key]
                } else if distance == best {
                    keys.append(key)
                }
            }
            nearest[k] = keys
        }
        return nearest
    }
}

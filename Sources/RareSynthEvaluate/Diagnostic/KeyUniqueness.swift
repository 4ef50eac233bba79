
/// SDMetrics' KeyUniqueness: the share of synthetic rows whose key is present and not a repeat.
///
/// Source: `sdmetrics/single_column/statistical/key_uniqueness.py` (0.32.0): a row is bad when
/// every key column is missing, or when its key equals that of an earlier row
/// (`DataFrame.duplicated()`, which treats missing as equal to missing); score = 1 − bad / rows,
/// NaN (`nil`) without rows. The real key is only inspected for a log message. Reference:
/// SDMetrics 0.32.0; agreement exact.
public enum KeyUniqueness {
    /// The score for the synthetic key columns (one, or several for a composite key), each of
    /// labels (`nil` is missing) of equal length.
    public static func compute(synthetic key: [[String?]]) -> Double? {
        guard let rows = key.first?.count, rows > 0 else { return nil }
        precondition(key.allSatisfy { $0.count == rows }, "key columns must have equal length")
        let coded = key.map { CategoryCodes(real: [], synthetic: $0) }
        var seen = Set<[UInt32]>()
        seen.reserveCapacity(rows)
        var bad = 0
        for i in 0..<rows {
            let tuple = coded.map { $0.synthetic[i] }
            let allMissing = zip(coded, tuple).allSatisfy { $0.missingCode == $1 }
            if !seen.insert(tuple).inserted || allMissing { bad += 1 }
        }
        return 1 - Double(bad) / Double(rows)
    }
}

/// SDMetrics' TableStructure: whether the synthetic table has the real table's columns, each with
/// the same dtype.
///
/// Source: `sdmetrics/single_table/table_structure.py` (0.32.0): the sets of (column name, dtype
/// name) pairs of both DataFrames, score = |intersection| / |union| (Jaccard). A column whose
/// dtype differs counts twice in the union, so one int64 column written as float64 among 10
/// columns scores 9/11. Every column counts, identifiers and columns without metadata included.
/// Reference: SDMetrics 0.32.0; agreement exact.
public enum TableStructure {
    /// The score; `nil` when neither table has a column (SDMetrics divides by zero).
    public static func compute(real: [DiagnosticTable.StorageColumn], synthetic: [DiagnosticTable.StorageColumn]) -> Double? {
        let r = Set(real), s = Set(synthetic)
        let union = r.union(s).count
        return union > 0 ? Double(r.intersection(s).count) / Double(union) : nil
    }
}

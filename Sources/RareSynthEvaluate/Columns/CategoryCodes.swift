/// One discrete column of the real and the synthetic table, each row replaced by a small integer.
///
/// Both tables share one code space, so equal labels get equal codes and every discrete metric
/// (TVComplement, contingency tables) works on integer arrays: labels are hashed once per column
/// rather than once per pair. Codes are given in order of first appearance, real rows first, which
/// is also the order in which Python's `Counter` iterates — TVComplement sums in that order.
struct CategoryCodes: Sendable {
    /// The code of each real row.
    var real: [UInt32]
    /// The code of each synthetic row.
    var synthetic: [UInt32]
    /// Codes run from 0 to `cardinality - 1`.
    var cardinality: Int
    /// The code that stands for a missing value, when some row is missing. Contingency tables count
    /// missing as a category of its own (`groupby(dropna=False)`); TVComplement skips it.
    var missingCode: UInt32?

    /// Codes for two label columns.
    init(real: [String?], synthetic: [String?]) {
        var table = LabelTable()
        var missing: UInt32?
        func encode(_ labels: [String?]) -> [UInt32] {
            var out = [UInt32](repeating: 0, count: labels.count)
            for (i, label) in labels.enumerated() {
                if let label {
                    out[i] = table.code(for: label)
                } else {
                    // Missing takes the next code when first seen, like any new label.
                    if missing == nil { missing = UInt32(table.count); table.reserveMissing() }
                    out[i] = missing!
                }
            }
            return out
        }
        self.real = encode(real)
        self.synthetic = encode(synthetic)
        self.cardinality = table.count
        self.missingCode = missing
    }

    /// Codes that are already dense (equal-width bin numbers).
    init(real: [UInt32], synthetic: [UInt32], cardinality: Int) {
        self.real = real
        self.synthetic = synthetic
        self.cardinality = cardinality
        self.missingCode = nil
    }
}

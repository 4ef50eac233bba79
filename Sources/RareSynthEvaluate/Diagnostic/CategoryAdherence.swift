
/// SDMetrics' CategoryAdherence: the share of synthetic rows whose category occurs in the real data.
///
/// Source: `sdmetrics/single_column/statistical/category_adherence.py` (0.32.0):
/// - valid labels are the real column's (or the metadata's `range_values`);
/// - `range_is_nullable` defaults to "the real column (or `range_values`) has a missing value";
///   then a missing synthetic value is valid, otherwise it is invalid;
/// - score = valid rows / **all** synthetic rows (missing ones are not dropped, unlike
///   BoundaryAdherence); NaN (`nil`) without synthetic rows.
/// Labels are compared exactly, as in ``MetricColumn`` (pandas compares values, so give equal
/// values equal labels: `1` and `1.0` in a numeric column, `True` and `true` in a boolean one).
/// Reference: SDMetrics 0.32.0; agreement exact (a ratio of counts).
public enum CategoryAdherence {
    /// The score; `nil` is missing.
    public static func compute(real: [String?], synthetic: [String?], rangeValues: [String?]? = nil,
                               rangeIsNullable: Bool? = nil) -> Double? {
        guard !synthetic.isEmpty else { return nil }
        let allowed = rangeValues ?? real
        // Shared codes, allowed labels first: a synthetic label is allowed exactly when its code
        // was given out while coding the allowed labels.
        let codes = CategoryCodes(real: allowed, synthetic: synthetic)
        let allowedCodes = codes.real.reduce(0) { Swift.max($0, Int($1) + 1) }
        let missing = codes.missingCode.map(Int.init)
        let nullable = rangeIsNullable ?? (real.contains(nil) || allowed.contains(nil))
        var valid = 0
        for c in codes.synthetic {
            let code = Int(c)
            if code == missing { if nullable { valid += 1 } } else if code < allowedCodes { valid += 1 }
        }
        return Double(valid) / Double(synthetic.count)
    }
}

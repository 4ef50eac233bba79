/// SDMetrics' BoundaryAdherence: the share of synthetic values inside the real column's [min, max].
///
/// Source: `sdmetrics/single_column/statistical/boundary_adherence.py` (0.32.0):
/// - bounds are the real min and max of the present values, or the metadata's `range_min` /
///   `range_max`; the interval is closed (`Series.between`);
/// - `range_is_nullable` defaults to "the real column has a missing value"; when true, missing
///   synthetic values are dropped first (they count neither way), otherwise each one is invalid;
/// - score = valid / synthetic values kept; NaN (`nil`) when none is kept;
/// - a real column with no value has NaN bounds: every synthetic value is invalid (score 0).
/// Datetimes are compared as int64 nanoseconds, so they are exact here too. Reference: SDMetrics
/// 0.32.0; agreement exact (a ratio of counts).
public enum BoundaryAdherence {
    /// The score; `nil` or NaN is missing.
    public static func compute(real: [Double?], synthetic: [Double?], rangeMin: Double? = nil,
                               rangeMax: Double? = nil, rangeIsNullable: Bool? = nil) -> Double? {
        var lo = Double.infinity, hi = -Double.infinity, realMissing = false, realPresent = false
        for v in real {
            guard let v, !v.isNaN else { realMissing = true; continue }
            realPresent = true
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
        }
        if !realPresent { lo = .nan; hi = .nan }
        let low = rangeMin ?? lo, high = rangeMax ?? hi
        let nullable = rangeIsNullable ?? realMissing
        var kept = 0, valid = 0
        for v in synthetic {
            let x = v ?? .nan
            if x.isNaN && nullable { continue }
            kept += 1
            if x >= low && x <= high { valid += 1 }
        }
        return kept > 0 ? Double(valid) / Double(kept) : nil
    }

    /// The same on text, as SDMetrics computes it for a datetime column it could not parse: Python
    /// compares the strings by code point. A missing synthetic value left after the nullable rule
    /// cannot be compared with text (Python raises `TypeError`), nor can anything with missing
    /// bounds: `nil` then.
    static func compute(realText real: [String?], syntheticText synthetic: [String?],
                        rangeIsNullable: Bool?) -> Double?? {
        let present = real.compactMap { $0 }
        guard let low = present.min(by: codePointLess), let high = present.max(by: codePointLess) else { return .some(nil) }
        let nullable = rangeIsNullable ?? (present.count < real.count)
        var kept = 0, valid = 0
        for v in synthetic {
            guard let v else {
                if nullable { continue }
                return nil
            }
            kept += 1
            if !codePointLess(v, low) && !codePointLess(high, v) { valid += 1 }
        }
        return .some(kept > 0 ? Double(valid) / Double(kept) : nil)
    }

    /// Python's `str` order: lexicographic by Unicode code point.
    static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }
}

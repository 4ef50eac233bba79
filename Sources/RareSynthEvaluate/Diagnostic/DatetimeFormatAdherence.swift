import RareSynthSchema

/// SDMetrics' DatetimeFormatAdherence: the share of synthetic datetime texts that match the
/// column's `datetime_format`.
///
/// Source: `sdmetrics/single_column/statistical/datetime_format_adherence.py` (0.32.0): a row is
/// valid when missing or when `pd.to_datetime(value, format=…, errors='coerce')` parses it;
/// score = valid / rows. A synthetic column that is already typed datetime scores NaN there
/// (nothing to check), and so does a table without rows (a `ZeroDivisionError`). Parsing uses
/// RareSynth's ``DateTimeFormat``, which agrees with pandas 2.3.3 on the `%Y %m %d %H %M %S`
/// formats of the clinical data (one- or two-digit fields, the whole text must match, impossible
/// dates such as Feb 30 fail); patterns it cannot compile are an error.
/// Reference: SDMetrics 0.32.0; agreement exact on the fixtures.
public enum DatetimeFormatAdherence {
    /// The score for synthetic texts (`nil` is missing); `nil` without rows.
    /// - Throws: `DataError` when `format` uses a directive ``DateTimeFormat`` does not support.
    public static func compute(synthetic: [String?], format: String) throws -> Double? {
        guard !synthetic.isEmpty else { return nil }
        let parser = try DateTimeFormat(format)
        var valid = 0
        for cell in synthetic where cell.map({ parser.parse($0) != nil }) ?? true { valid += 1 }
        return Double(valid) / Double(synthetic.count)
    }
}

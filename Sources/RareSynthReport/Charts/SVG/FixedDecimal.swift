/// Deterministic decimal text for numbers in SVG markup and tick labels.
///
/// Charts must be byte-identical for the same input (reports are diffed and hashed), so numbers
/// are written without `String(format:)`, `NumberFormatter` or the current locale: the value is
/// rounded half away from zero to `fractionDigits` decimals in integer arithmetic, trailing zeros
/// are optionally dropped, and a result that rounds to zero is `"0"`, never `"-0"`. Non-finite
/// values have no SVG meaning; they are written as `"0"` so no `nan`/`inf` can reach the markup
/// (the charts filter them before drawing; this is the last line of defence).
public enum FixedDecimal {
    /// `value` with exactly `fractionDigits` decimals (0…9), or fewer when `trimsZeros`.
    ///
    /// Magnitudes whose scaled value exceeds 2^53 are clamped to ±9.007e15 / 10^digits: far
    /// beyond any coordinate in a viewBox; tick labels for such numbers use a unit suffix first.
    public static func format(_ value: Double, fractionDigits: Int = 2, trimsZeros: Bool = true,
                              minus: String = "-") -> String {
        let digits = Swift.max(0, Swift.min(9, fractionDigits))
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let limit = 9_007_199_254_740_992.0
        let scaled = Swift.max(-limit, Swift.min(limit, (value * scale).rounded(.toNearestOrAwayFromZero)))
        let magnitude = UInt64(Swift.abs(scaled))
        if magnitude == 0 { return trimsZeros || digits == 0 ? "0" : "0." + String(repeating: "0", count: digits) }
        var text = String(magnitude)
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            let split = text.index(text.endIndex, offsetBy: -digits)
            var fraction = String(text[split...])
            let whole = String(text[..<split])
            if trimsZeros {
                while fraction.last == "0" { fraction.removeLast() }
            }
            text = fraction.isEmpty ? whole : whole + "." + fraction
        }
        return scaled < 0 ? minus + text : text
    }

    /// `value` with its integer digits grouped in threes by `separator` (`12,345.5`).
    public static func grouped(_ value: Double, fractionDigits: Int, separator: String = ",",
                               minus: String = "-") -> String {
        let plain = format(value, fractionDigits: fractionDigits, trimsZeros: false, minus: "")
        let negative = value < 0 && plain.contains(where: { $0 != "0" && $0 != "." })
        let parts = plain.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        var groupedWhole = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { groupedWhole += separator }
            groupedWhole.append(ch)
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? minus : "") + groupedWhole + fraction
    }
}

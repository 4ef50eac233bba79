/// Formats numbers with a fixed number of decimals, fast and identically on every platform.
///
/// Writing millions of synthetic values through `String(format:)` is slow and locale-dependent;
/// this rounds half away from zero to `decimals` places and prints the digits directly.
public enum FixedDecimalFormatter {
    static let powers: [Double] = (0...15).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }

    /// `value` rounded to `decimals` places, without exponent notation (`-0` prints as `0`).
    public static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
        let d = max(0, min(decimals, 15))
        let scaled = (value * powers[d]).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9.0e18 else { return String(value) }
        var n = Int64(scaled)
        let negative = n < 0
        if negative { n = -n }
        var digits = Array(String(n).utf8)
        if d > 0 {
            if digits.count <= d { digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: d - digits.count + 1), at: 0) }
            digits.insert(UInt8(ascii: "."), at: digits.count - d)
        }
        if negative && n != 0 { digits.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: digits, as: UTF8.self)
    }

    /// `value` rounded to `decimals` places, as a number.
    public static func round(_ value: Double, decimals: Int) -> Double {
        let d = max(0, min(decimals, 15))
        return (value * powers[d]).rounded(.toNearestOrAwayFromZero) / powers[d]
    }
}

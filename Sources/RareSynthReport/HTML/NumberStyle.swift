import Foundation

/// How a figure is written on the page. Every style is deterministic (``FixedDecimal``: no
/// locale, rounding half away from zero, never `-0`) and negative values use the minus sign
/// U+2212, as the chart axes do.
enum NumberStyle: Sendable, Hashable {
    /// Scores and shares on a 0–1 scale: three decimals (`0.873`).
    case score
    /// Three significant digits, or `< 0.001` (`0.0456`, `0.480`).
    case pValue
    /// Whole numbers with thousands separators (`1,234`).
    case count
    /// Four significant digits, trailing zeros dropped, thousands grouped; scientific notation
    /// below 10⁻⁴ and from 10⁷ (`306.5`, `0.01234`, `1.23e−5`).
    case general
    /// A 0–1 share as a percentage with one decimal (`87.3%`); used only where the text says
    /// it is a percentage.
    case percent

    static let minus = AxisTicks.minus

    func text(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value < 0 ? Self.minus + "∞" : "∞") }
        switch self {
        case .score:
            return FixedDecimal.format(value, fractionDigits: 3, trimsZeros: false, minus: Self.minus)
        case .pValue:
            if value < 0.001 { return "< 0.001" }
            let digits = Swift.max(0, 2 - Int(log10(value).rounded(.down)))
            return FixedDecimal.format(value, fractionDigits: digits, trimsZeros: false, minus: Self.minus)
        case .count:
            return FixedDecimal.grouped(value, fractionDigits: 0, minus: Self.minus)
        case .percent:
            return FixedDecimal.format(value * 100, fractionDigits: 1, trimsZeros: false, minus: Self.minus) + "%"
        case .general:
            return Self.general(value)
        }
    }

    private static func general(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        if magnitude == 0 { return "0" }
        if magnitude < 1e-4 || magnitude >= 1e7 { return scientific(value) }
        let digits = Swift.max(0, 3 - Int(log10(magnitude).rounded(.down)))
        // The decimals that remain once trailing zeros are dropped, then grouped.
        let trimmed = FixedDecimal.format(value, fractionDigits: digits, trimsZeros: true)
        let kept = trimmed.split(separator: ".").dropFirst().first?.count ?? 0
        return FixedDecimal.grouped(value, fractionDigits: kept, minus: minus)
    }

    /// `m.mme±x` with three significant digits.
    private static func scientific(_ value: Double) -> String {
        var exponent = Int(log10(Swift.abs(value)).rounded(.down))
        var mantissa = FixedDecimal.format(value / pow(10, Double(exponent)), fractionDigits: 2, trimsZeros: false, minus: minus)
        if mantissa.hasSuffix("10.00") {  // 9.996e3 rounds up to the next decade
            exponent += 1
            mantissa = FixedDecimal.format(value / pow(10, Double(exponent)), fractionDigits: 2, trimsZeros: false, minus: minus)
        }
        return mantissa + "e" + (exponent < 0 ? minus + String(-exponent) : String(exponent))
    }
}

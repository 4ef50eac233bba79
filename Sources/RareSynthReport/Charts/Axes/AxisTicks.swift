import Foundation

/// The bounds, tick positions and tick labels of one axis.
///
/// Numbers and percentages use ``NiceScale``; dates use calendar steps (1, 2, 7, 14 days; 1, 2,
/// 3, 6 months; 1, 2, 5, 10, … years), the smallest step giving at most `targetCount` intervals,
/// with bounds rounded outwards to a step boundary, the way ``NiceScale`` rounds numbers.
/// Labels of one axis share one format (the same decimals, the same unit suffix), so they line up
/// and compare at a glance:
/// - `number`: decimals from the step (`0.25, 0.5` → `0.25, 0.50`); from |v| ≥ 10 000 thousands
///   are grouped with commas (`12,500`); from 10^6 a suffix `M`/`G`/`T` replaces the zeros
///   (`1.5M`); steps below 10^−4 and values from 10^15 are written in E notation (`2.5e−5`).
/// - `percent`: the value × 100 with `%`, decimals from the step.
/// - negative values use the minus sign U+2212, and zero is always `0`, never `-0`.
public struct AxisTicks: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let values: [Double]
    public let labels: [String]

    /// Minus sign for tick labels (typographic, as wide as a plus; the SVG markup itself uses `-`).
    public static let minus = "\u{2212}"

    public init(min: Double, max: Double, format: AxisValueFormat = .number, targetCount: Int = 5) {
        switch format {
        case .number, .percent:
            let scale = NiceScale(min: min, max: max, targetTickCount: targetCount)
            lower = scale.lower
            upper = scale.upper
            values = scale.ticks
            labels = Self.numberLabels(scale, percent: format == .percent)
        case .date:
            let (ticks, labels) = Self.dateTicks(min: min, max: max, targetCount: Swift.max(2, targetCount))
            lower = ticks[0]
            upper = ticks[ticks.count - 1]
            values = ticks
            self.labels = labels
        }
    }

    /// Fixed bounds with the nice ticks inside them (a survival axis is always 0…1).
    public init(fixedLower: Double, fixedUpper: Double, format: AxisValueFormat = .number, targetCount: Int = 5) {
        let nice = AxisTicks(min: fixedLower, max: fixedUpper, format: format, targetCount: targetCount)
        let inside = zip(nice.values, nice.labels).filter { $0.0 >= fixedLower - 1e-12 && $0.0 <= fixedUpper + 1e-12 }
        lower = fixedLower
        upper = fixedUpper
        values = inside.map(\.0)
        labels = inside.map(\.1)
    }

    // MARK: - Numbers

    static func numberLabels(_ scale: NiceScale, percent: Bool) -> [String] {
        let shift = percent ? 2 : 0
        let exponent = scale.exponent + shift
        let values = scale.ticks.map { percent ? $0 * 100 : $0 }
        let suffix = percent ? "%" : ""
        let largest = values.map { Swift.abs($0) }.max() ?? 0
        // Very small steps and huge values: E notation with the decimals the step needs in the mantissa.
        if (exponent < -4 || largest >= 1e15) && !percent {
            return values.map { scientific($0, stepExponent: exponent) }
        }
        if largest >= 1e6 && !percent {
            let units: [(Double, String, Int)] = [(1e12, "T", 12), (1e9, "G", 9), (1e6, "M", 6)]
            let (unit, name, power) = units.first { largest >= $0.0 } ?? (1e6, "M", 6)
            // The step in units of 10^power needs max(0, power − exponent) decimals.
            let digits = Swift.max(0, power - exponent)
            return values.map { v in
                let text = FixedDecimal.format(v / unit, fractionDigits: digits, trimsZeros: false, minus: minus)
                return isZero(text) ? "0" : text + name
            }
        }
        let digits = Swift.max(0, -exponent)
        return values.map { v in
            let text = largest >= 10_000
                ? FixedDecimal.grouped(v, fractionDigits: digits, minus: minus)
                : FixedDecimal.format(v, fractionDigits: digits, trimsZeros: false, minus: minus)
            return (isZero(text) ? "0" : text) + suffix
        }
    }

    static func isZero(_ text: String) -> Bool { text.allSatisfy { $0 == "0" || $0 == "." } }

    /// `m.ddde-x` with the mantissa's decimals chosen so the step is visible.
    static func scientific(_ v: Double, stepExponent: Int) -> String {
        if v == 0 { return "0" }
        let e = Int(log10(Swift.abs(v)).rounded(.down))
        var mantissa = v / NiceScale.value(1, e)
        var power = e
        if Swift.abs(mantissa) >= 9.9999999 { mantissa /= 10; power += 1 }
        let digits = Swift.max(0, Swift.min(6, power - stepExponent))
        let text = FixedDecimal.format(mantissa, fractionDigits: digits, trimsZeros: true, minus: minus)
        return text + "e" + (power < 0 ? minus : "") + String(Swift.abs(power))
    }

    // MARK: - Dates

    static let secondsPerDay = 86_400.0

    enum DateStep { case days(Int), months(Int), years(Int) }

    static func dateTicks(min: Double, max: Double, targetCount: Int) -> ([Double], [String]) {
        var lo = min, hi = max
        // ±10^6 years either side of 1970 is far beyond any data; beyond it, a 0…1-day axis.
        let limit = 3.15e13
        if !lo.isFinite || !hi.isFinite || Swift.abs(lo) > limit || Swift.abs(hi) > limit { lo = 0; hi = 0 }
        if lo > hi { swap(&lo, &hi) }
        let loDay = Int((lo / secondsPerDay).rounded(.down))
        var hiDay = Int((hi / secondsPerDay).rounded(.up))
        if hiDay <= loDay { hiDay = loDay + 1 }
        let span = Double(hiDay - loDay)
        let steps: [(DateStep, Double)] = [
            (.days(1), 1), (.days(2), 2), (.days(7), 7), (.days(14), 14),
            (.months(1), 30.44), (.months(2), 60.88), (.months(3), 91.31), (.months(6), 182.62),
        ] + [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000,
             500_000, 1_000_000].map { (.years($0), Double($0) * 365.25) }
        let step = steps.first { span / $0.1 <= Double(targetCount) }?.0 ?? .years(1_000_000)
        var days: [Int] = []
        switch step {
        case .days(let n):
            let k0 = floorDiv(loDay, n), k1 = -floorDiv(-hiDay, n)
            days = (k0...Swift.max(k0 + 1, k1)).map { $0 * n }
        case .months(let n):
            let first = CivilDate(daysSinceEpoch: loDay), last = CivilDate(daysSinceEpoch: hiDay)
            let m0 = floorDiv(first.year * 12 + first.month - 1, n)
            let lastIndex = last.year * 12 + last.month - 1 + (last.day > 1 ? 1 : 0)
            let m1 = -floorDiv(-lastIndex, n)
            days = (m0...Swift.max(m0 + 1, m1)).map { k in
                let index = k * n
                return CivilDate(year: floorDiv(index, 12), month: index - floorDiv(index, 12) * 12 + 1, day: 1).daysSinceEpoch
            }
        case .years(let n):
            let first = CivilDate(daysSinceEpoch: loDay), last = CivilDate(daysSinceEpoch: hiDay)
            let y0 = floorDiv(first.year, n)
            let lastYear = last.year + (last.month > 1 || last.day > 1 ? 1 : 0)
            let y1 = -floorDiv(-lastYear, n)
            days = (y0...Swift.max(y0 + 1, y1)).map { CivilDate(year: $0 * n, month: 1, day: 1).daysSinceEpoch }
        }
        return (days.map { Double($0) * secondsPerDay }, days.map { CivilDate(daysSinceEpoch: $0).iso })
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

/// What the heights of histogram bars are, which sets the y axis title and label format.
public enum HistogramMeasure: Sendable, Hashable {
    /// Raw counts of values per bin.
    case count
    /// Fractions of the non-missing values per bin (summing to 1), shown as percentages; use
    /// shares to compare a real and a synthetic table of different sizes.
    case share

    var axisTitle: String {
        switch self {
        case .count: "Count"
        case .share: "Share of values"
        }
    }

    var format: AxisValueFormat {
        switch self {
        case .count: .number
        case .share: .percent
        }
    }

    /// A bar's value as text for tooltips and value labels.
    func text(_ value: Double) -> String {
        switch self {
        case .count: FixedDecimal.grouped(value, fractionDigits: value == value.rounded() ? 0 : 2, minus: AxisTicks.minus)
        case .share: FixedDecimal.format(value * 100, fractionDigits: 1, trimsZeros: false, minus: AxisTicks.minus) + "%"
        }
    }
}

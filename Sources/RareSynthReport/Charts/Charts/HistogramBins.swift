/// Validation of histogram input shared by the histogram charts.
///
/// Edges must be finite and strictly increasing; each height array must have one value per bin,
/// finite and ≥ 0. Anything else is a caller's mistake that a chart reports as "no data" with
/// the reason, rather than drawing something misleading.
enum HistogramBins {
    /// nil when `edges` and `heights` can be drawn, else the reason.
    static func problem(edges: [Double], heights: [[Double]], names: [String]) -> String? {
        guard edges.count >= 2 else { return "fewer than two bin edges" }
        guard edges.allSatisfy(\.isFinite) else { return "a bin edge is not a finite number" }
        for i in 1..<edges.count where !(edges[i] > edges[i - 1]) {
            return "bin edges are not strictly increasing"
        }
        for (h, name) in zip(heights, names) {
            guard h.count == edges.count - 1 else {
                return "\(h.count) \(name) values for \(edges.count - 1) bins"
            }
            guard h.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return "\(name) values are missing, negative or not finite" }
        }
        guard heights.contains(where: { $0.contains { $0 > 0 } }) else { return "every bin is empty" }
        return nil
    }

    /// `[lo, hi)` (the last bin `[lo, hi]`, as numpy's `histogram`) in the axis' format.
    static func rangeText(_ edges: [Double], _ i: Int, format: AxisValueFormat) -> String {
        func text(_ v: Double) -> String {
            switch format {
            case .date: CivilDate(daysSinceEpoch: Int((v / 86_400).rounded(.down))).iso
            case .number, .percent: FixedDecimal.format(v, fractionDigits: 4, minus: AxisTicks.minus)
            }
        }
        let close = i == edges.count - 2 ? "]" : ")"
        return "[" + text(edges[i]) + ", " + text(edges[i + 1]) + close
    }
}

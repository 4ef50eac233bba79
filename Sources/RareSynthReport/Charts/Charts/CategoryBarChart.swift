/// Horizontal grouped bars: the share of each category in the real and the synthetic data.
///
/// Horizontal bars leave room for category labels, which in clinical data are often long
/// ("Adenocarcinoma of the lung, stage IIIb"); labels wider than the label column are cut with
/// "…" (at the end, or elsewhere where that keeps them distinct) and keep the full text in a
/// `<title>` tooltip. With more than `maxCategories` categories
/// the chart keeps the `maxCategories − 1` largest (by the larger of the two shares, ties by
/// label) and sums the rest into one "Other (n)" bar, so a column with hundreds of levels stays
/// readable. The height grows with the number of bars; the width is fixed.
public struct CategoryBarChart: SVGChart {
    /// The order of the bars, top to bottom.
    public enum Ordering: Sendable, Hashable {
        /// Largest share first (the larger of real and synthetic), ties by label.
        case byShare
        /// As given (ordinal categories such as ECOG grades); "Other" still goes last.
        case asGiven
    }

    public var title: String
    /// The column, as the x axis title's subject.
    public var variable: String
    public var categories: [String]
    public var real: [Double]
    public var synthetic: [Double]
    public var measure: HistogramMeasure
    public var ordering: Ordering
    /// At most this many bars (≥ 2), the last being "Other" when categories were folded.
    public var maxCategories: Int
    public var otherLabel = "Other"
    public var realLabel = "Real"
    public var syntheticLabel = "Synthetic"
    public var width = 640.0
    /// The widest the label column may be before labels are truncated.
    public var maxLabelWidth = 170.0
    public var description: String?

    public init(title: String, variable: String, categories: [String], real: [Double], synthetic: [Double],
                measure: HistogramMeasure = .share, ordering: Ordering = .byShare, maxCategories: Int = 12) {
        self.title = title
        self.variable = variable
        self.categories = categories
        self.real = real
        self.synthetic = synthetic
        self.measure = measure
        self.ordering = ordering
        self.maxCategories = maxCategories
    }

    /// The bars after ordering and folding; `folded` counts the categories in an "Other" bar.
    func bars() -> [(label: String, real: Double, synthetic: Double, folded: Int)] {
        var rows = (0..<categories.count).map { (label: categories[$0], real: real[$0], synthetic: synthetic[$0], folded: 0) }
        let limit = Swift.max(2, maxCategories)
        if ordering == .byShare || rows.count > limit {
            let ranked = rows.enumerated().sorted { a, b in
                let ka = Swift.max(a.element.real, a.element.synthetic), kb = Swift.max(b.element.real, b.element.synthetic)
                if ka != kb { return ka > kb }
                if a.element.label != b.element.label { return a.element.label < b.element.label }
                return a.offset < b.offset
            }
            if rows.count > limit {
                let keep = Set(ranked.prefix(limit - 1).map(\.offset))
                let rest = ranked.dropFirst(limit - 1)
                let other = (label: otherLabel + " (\(rest.count))", real: rest.reduce(0) { $0 + $1.element.real },
                             synthetic: rest.reduce(0) { $0 + $1.element.synthetic }, folded: rest.count)
                rows = ordering == .byShare
                    ? ranked.prefix(limit - 1).map(\.element)
                    : rows.enumerated().filter { keep.contains($0.offset) }.map(\.element)
                rows.append(other)
            } else {
                rows = ranked.map(\.element)
            }
        }
        return rows
    }

    public func svg() -> String {
        guard !categories.isEmpty else { return NoDataChart(title: title, reason: "no categories", width: width).svg() }
        guard real.count == categories.count, synthetic.count == categories.count else {
            return NoDataChart(title: title, reason: "\(categories.count) categories but \(real.count) real and \(synthetic.count) synthetic values", width: width).svg()
        }
        guard (real + synthetic).allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            return NoDataChart(title: title, reason: "values are missing, negative or not finite", width: width).svg()
        }
        guard (real + synthetic).contains(where: { $0 > 0 }) else {
            return NoDataChart(title: title, reason: "every category is empty", width: width).svg()
        }
        let rows = bars()
        var w = SVGWriter()
        let legend = [ChartHeader.LegendEntry(label: realLabel, swatch: .box(color: ChartPalette.real, opacity: 0.9)),
                      ChartHeader.LegendEntry(label: syntheticLabel, swatch: .box(color: ChartPalette.synthetic, opacity: 0.9))]
        let top = ChartHeader.draw(title: title, legend: legend, width: width, into: &w)
        let labelSize = 11.0
        let labels = TextMetrics.distinctTruncations(rows.map(\.label), toWidth: maxLabelWidth, fontSize: labelSize)
        let labelColumn = labels.map { TextMetrics.width($0, fontSize: labelSize) }.max() ?? 0
        let bar = 9.0, gap = 1.0, rowHeight = 2 * bar + gap + 9
        let xTitle = measure.axisTitle + (variable.isEmpty ? "" : " — " + variable)
        let xTicks = AxisTicks(min: 0, max: rows.map { Swift.max($0.real, $0.synthetic) }.max() ?? 1, format: measure.format)
        let left = ChartHeader.padding + labelColumn + 8
        // Room right of the bars for the value labels of the longest bar.
        let valueRoom = TextMetrics.width("100.0%", fontSize: 10) + 6
        let plotHeight = Double(rows.count) * rowHeight
        let plot = PlotArea(left: left, top: top + 4, width: width - left - Swift.max(valueRoom, AxisRenderer.rightMargin(xTicks)),
                            height: plotHeight, xDomain: (0, xTicks.upper), yDomain: (0, 1))
        let height = plot.bottom + AxisRenderer.bottomMargin(title: xTitle)
        AxisRenderer.drawGrid(x: xTicks, y: nil, plot: plot, into: &w)
        for (r, row) in rows.enumerated() {
            let y0 = plot.top + Double(r) * rowHeight + 4.5
            w.text(labels[r], fullText: row.folded > 0 ? "\(row.folded) categories" : row.label,
                   ["x": .n(left - 6), "y": .n(y0 + bar + gap / 2 + 4), "text-anchor": "end", "font-size": .n(labelSize)])
            for (side, value, color, name) in [(0, row.real, ChartPalette.real, realLabel),
                                               (1, row.synthetic, ChartPalette.synthetic, syntheticLabel)] {
                let y = y0 + Double(side) * (bar + gap)
                let x1 = plot.x(value)
                let valueText = measure.text(value)
                w.group("rect", ["x": .n(plot.left), "y": .n(y), "width": .n(Swift.max(0, x1 - plot.left)), "height": .n(bar),
                                 "fill": .text(color), "fill-opacity": 0.9]) { $0.title(name + ", " + row.label + ": " + valueText) }
                w.element("text", ["x": .n(x1 + 3), "y": .n(y + bar - 1.5), "font-size": 9, "fill": .text(ChartPalette.mutedInk)],
                          text: valueText)
            }
        }
        w.element("line", ["x1": .n(plot.left), "y1": .n(plot.top), "x2": .n(plot.left), "y2": .n(plot.bottom),
                           "stroke": .text(ChartPalette.axis), "stroke-width": 1])
        AxisRenderer.drawXAxis(xTicks, title: xTitle, plot: plot, into: &w)
        let folded = rows.last.map { $0.folded } ?? 0
        let summary = description ?? "Bar chart of \(variable): \(rows.count) bars, real (blue) and synthetic (orange) "
            + "\(measure == .share ? "shares" : "counts") per category" + (folded > 0 ? ", \(folded) smaller categories folded into \(otherLabel)." : ".")
        return SVGDocument(width: width, height: height, title: title, description: summary).render(w)
    }
}

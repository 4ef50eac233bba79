/// A square matrix of signed values as coloured cells: a correlation matrix, or the difference
/// between a synthetic and a real one.
///
/// Colours come from a ``DivergingColorScale`` symmetric around zero (blue negative, white zero,
/// red positive), so a cell's saturation shows |value| whatever its sign. `correlation` fixes the
/// scale to [−1, 1]; `difference` uses [−L, L] with L the given limit or the largest |value|
/// rounded up to a nice number, so small differences are still visible while equal colours keep
/// meaning equal magnitudes. Missing cells (an undefined correlation of a constant column) are
/// grey and marked "–". A vertical colour bar with ticks sits right of the matrix; column labels
/// run below it at −45°; long labels are cut so they stay distinct
/// (``TextMetrics/distinctTruncations(_:toWidth:fontSize:)``), with the full text in a tooltip.
public struct CorrelationHeatmap: SVGChart {
    public enum Scale: Sendable, Hashable {
        /// Values in [−1, 1].
        case correlation
        /// A difference matrix: symmetric scale [−limit, limit]; nil chooses it from the data.
        case difference(limit: Double?)
    }

    public var title: String
    public var labels: [String]
    /// Row-major n × n values; nil or NaN is missing.
    public var values: [[Double?]]
    public var scale: Scale
    /// Whether each cell shows its value; nil shows them when n ≤ 12 (beyond that they no
    /// longer fit legibly).
    public var showsValues: Bool?
    /// The name of the colour bar ("Pearson r", "synthetic − real").
    public var legendTitle: String
    public var width = 560.0
    public var maxLabelWidth = 110.0
    public var description: String?

    public init(title: String, labels: [String], values: [[Double?]], scale: Scale = .correlation,
                legendTitle: String = "", showsValues: Bool? = nil) {
        self.title = title
        self.labels = labels
        self.values = values
        self.scale = scale
        self.legendTitle = legendTitle
        self.showsValues = showsValues
    }

    /// The colour scale the chart will use.
    public var colorScale: DivergingColorScale {
        switch scale {
        case .correlation:
            return DivergingColorScale(limit: 1)
        case .difference(let limit?):
            return DivergingColorScale(limit: limit)
        case .difference(nil):
            let largest = values.flatMap { $0 }.compactMap { $0 }.filter(\.isFinite).map { Swift.abs($0) }.max() ?? 0
            guard largest > 0 else { return DivergingColorScale(limit: 0.1) }
            return DivergingColorScale(limit: NiceScale(min: 0, max: largest, targetTickCount: 3).upper)
        }
    }

    public func svg() -> String {
        let n = labels.count
        guard n > 0 else { return NoDataChart(title: title, reason: "no columns", width: width).svg() }
        guard values.count == n, values.allSatisfy({ $0.count == n }) else {
            return NoDataChart(title: title, reason: "the matrix is not \(n) × \(n)", width: width).svg()
        }
        let cells = values.map { $0.map { v -> Double? in v.flatMap { $0.isFinite ? $0 : nil } } }
        guard cells.contains(where: { $0.contains { $0 != nil } }) else {
            return NoDataChart(title: title, reason: "every value is missing", width: width).svg()
        }
        let colors = colorScale
        var w = SVGWriter()
        let top = ChartHeader.draw(title: title, legend: [], width: width, into: &w)
        let labelSize = 11.0
        let rowLabels = TextMetrics.distinctTruncations(labels, toWidth: maxLabelWidth, fontSize: labelSize)
        let labelWidth = rowLabels.map { TextMetrics.width($0, fontSize: labelSize) }.max() ?? 0
        let left = ChartHeader.padding + labelWidth + 6
        let legendWidth = 76.0
        let cell = Swift.min(48, Swift.max(8, (width - left - legendWidth - ChartHeader.padding) / Double(n)))
        let matrixSize = cell * Double(n)
        // Rotated column labels need their width × sin 45° below the matrix.
        let bottomRoom = labelWidth * 0.71 + labelSize + 10
        let height = top + 4 + matrixSize + bottomRoom
        let x0 = left, y0 = top + 4
        let showText = (showsValues ?? (n <= 12)) && cell >= 22
        let valueSize = Swift.min(11, cell * 0.3)
        for i in 0..<n {
            for j in 0..<n {
                let x = x0 + Double(j) * cell, y = y0 + Double(i) * cell
                let v = cells[i][j]
                let valueText = v.map { FixedDecimal.format($0, fractionDigits: 2, trimsZeros: false, minus: AxisTicks.minus) } ?? "missing"
                w.group("rect", ["x": .n(x), "y": .n(y), "width": .n(cell), "height": .n(cell),
                                 "fill": .text(v.map(colors.color(for:)) ?? ChartPalette.missing),
                                 "stroke": "#ffffff", "stroke-width": 1]) {
                    $0.title(labels[i] + " × " + labels[j] + ": " + valueText)
                }
                if showText {
                    let light = v.map(colors.needsLightText(for:)) ?? false
                    w.element("text", ["x": .n(x + cell / 2), "y": .n(y + cell / 2 + valueSize * 0.35), "text-anchor": "middle",
                                       "font-size": .n(valueSize), "fill": light ? "#ffffff" : .text(ChartPalette.ink)],
                              text: v == nil ? "–" : valueText)
                }
            }
        }
        w.group("g", ["font-size": .n(labelSize)]) { g in
            for i in 0..<n {
                let cy = y0 + (Double(i) + 0.5) * cell
                g.text(rowLabels[i], fullText: labels[i], ["x": .n(x0 - 5), "y": .n(cy + labelSize * 0.35), "text-anchor": "end"])
                let cx = x0 + (Double(i) + 0.5) * cell + labelSize * 0.35
                let ly = y0 + matrixSize + 6
                g.text(rowLabels[i], fullText: labels[i], ["x": .n(cx), "y": .n(ly), "text-anchor": "end",
                                                           "transform": .text("rotate(-45 " + FixedDecimal.format(cx) + " " + FixedDecimal.format(ly) + ")")])
            }
        }
        drawColorBar(colors, x: x0 + matrixSize + 16, top: y0, height: Swift.max(matrixSize, 120), into: &w)
        let summary = description ?? "Heatmap of a \(n) × \(n) matrix" + (legendTitle.isEmpty ? "" : " of \(legendTitle)")
            + ", blue negative, white zero, red positive, scale ±" + FixedDecimal.format(colors.limit, fractionDigits: 3) + "."
        return SVGDocument(width: width, height: Swift.max(height, y0 + Swift.max(matrixSize, 120) + 24),
                           title: title, description: summary).render(w)
    }

    /// A vertical bar of 40 colour steps from +limit (top) to −limit (bottom), with ticks.
    func drawColorBar(_ colors: DivergingColorScale, x: Double, top: Double, height: Double, into w: inout SVGWriter) {
        let barWidth = 12.0, steps = 40
        var y = top
        if !legendTitle.isEmpty {
            let shown = TextMetrics.truncated(legendTitle, toWidth: width - x - 4, fontSize: 10)
            w.text(shown, fullText: legendTitle, ["x": .n(x), "y": .n(top + 8), "font-size": 10, "fill": .text(ChartPalette.mutedInk)])
            y += 16
        }
        let barHeight = Swift.max(60, Swift.min(height - (y - top), 220))
        let stepHeight = barHeight / Double(steps)
        w.group("g", [:]) { g in
            for k in 0..<steps {
                let v = colors.limit * (1 - (Double(k) + 0.5) / Double(steps) * 2)
                g.element("rect", ["x": .n(x), "y": .n(y + Double(k) * stepHeight), "width": .n(barWidth),
                                   "height": .n(stepHeight + 0.3), "fill": .text(colors.color(for: v))])
            }
        }
        w.element("rect", ["x": .n(x), "y": .n(y), "width": .n(barWidth), "height": .n(barHeight), "fill": "none",
                           "stroke": .text(ChartPalette.axis), "stroke-width": 0.5])
        let ticks = AxisTicks(fixedLower: -colors.limit, fixedUpper: colors.limit, targetCount: 4)
        w.group("g", ["font-size": 10, "fill": .text(ChartPalette.mutedInk)]) { g in
            for (v, label) in zip(ticks.values, ticks.labels) {
                let ty = y + (1 - (v + colors.limit) / (2 * colors.limit)) * barHeight
                g.element("line", ["x1": .n(x + barWidth), "y1": .n(ty), "x2": .n(x + barWidth + 3), "y2": .n(ty),
                                   "stroke": .text(ChartPalette.axis)])
                g.element("text", ["x": .n(x + barWidth + 5), "y": .n(ty + 3.5)], text: label)
            }
        }
    }
}

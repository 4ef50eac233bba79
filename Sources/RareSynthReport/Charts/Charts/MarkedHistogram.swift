/// A histogram of one distribution with labelled vertical marker lines: the distances to the
/// closest real record (DCR) of the synthetic rows with their median, a score distribution with
/// a threshold.
///
/// The caller bins (``HistogramBinning``) and chooses the markers. The x axis covers the bins and
/// every marker, so a marker outside the data (a threshold above every distance) is still shown.
/// Marker labels sit at the top of the plot, right of their line, or left of it when they would
/// run past the edge; several markers are stacked one label row apart so labels never overlap.
public struct MarkedHistogram: SVGChart {
    public struct Marker: Sendable, Equatable {
        public var value: Double
        public var label: String
        public var color: String

        public init(value: Double, label: String, color: String = ChartPalette.ink) {
            self.value = value
            self.label = label
            self.color = color
        }
    }

    public var title: String
    public var variable: String
    public var binEdges: [Double]
    public var heights: [Double]
    public var measure: HistogramMeasure
    public var markers: [Marker]
    public var color: String
    /// The legend entry for the bars; empty for no legend.
    public var seriesLabel: String
    public var xFormat: AxisValueFormat
    public var width = 640.0
    public var height = 340.0
    public var description: String?

    public init(title: String, variable: String, binEdges: [Double], heights: [Double], measure: HistogramMeasure = .count,
                markers: [Marker] = [], color: String = ChartPalette.synthetic, seriesLabel: String = "",
                xFormat: AxisValueFormat = .number) {
        self.title = title
        self.variable = variable
        self.binEdges = binEdges
        self.heights = heights
        self.measure = measure
        self.markers = markers
        self.color = color
        self.seriesLabel = seriesLabel
        self.xFormat = xFormat
    }

    public func svg() -> String {
        if let problem = HistogramBins.problem(edges: binEdges, heights: [heights], names: ["histogram"]) {
            return NoDataChart(title: title, reason: problem, width: width).svg()
        }
        let marks = markers.filter { $0.value.isFinite }
        var w = SVGWriter()
        let legend = seriesLabel.isEmpty ? [] : [ChartHeader.LegendEntry(label: seriesLabel, swatch: .box(color: color, opacity: 0.8))]
        let top = ChartHeader.draw(title: title, legend: legend, width: width, into: &w)
        let lo = Swift.min(binEdges[0], marks.map(\.value).min() ?? binEdges[0])
        let hi = Swift.max(binEdges[binEdges.count - 1], marks.map(\.value).max() ?? binEdges[0])
        let xTicks = AxisTicks(fixedLower: lo, fixedUpper: hi, format: xFormat, targetCount: 6)
        let yTicks = AxisTicks(min: 0, max: heights.max() ?? 1, format: measure.format)
        let left = AxisRenderer.leftMargin(yTicks, title: measure.axisTitle)
        // One label row per marker above the bars.
        let labelRows = Double(marks.count) * 14
        let plot = PlotArea(left: left, top: top + 4 + labelRows, width: width - left - AxisRenderer.rightMargin(xTicks),
                            height: height - top - 4 - labelRows - AxisRenderer.bottomMargin(title: variable),
                            xDomain: (lo, hi), yDomain: (0, yTicks.upper))
        AxisRenderer.drawGrid(x: nil, y: yTicks, plot: plot, into: &w)
        w.group("g", ["fill": .text(color), "fill-opacity": 0.8]) { g in
            for i in 0..<(binEdges.count - 1) where heights[i] > 0 {
                let x0 = plot.x(binEdges[i]), x1 = plot.x(binEdges[i + 1]), y = plot.y(heights[i])
                let tip = HistogramBins.rangeText(binEdges, i, format: xFormat) + ": " + measure.text(heights[i])
                g.group("rect", ["x": .n(x0), "y": .n(y), "width": .n(Swift.max(0, x1 - x0 - 0.5)),
                                 "height": .n(plot.bottom - y)]) { $0.title(tip) }
            }
        }
        for (k, marker) in marks.enumerated() {
            let x = plot.x(marker.value)
            let labelY = plot.top - labelRows + Double(k) * 14 + 10
            w.element("line", ["x1": .n(x), "y1": .n(labelY + 3), "x2": .n(x), "y2": .n(plot.bottom),
                               "stroke": .text(marker.color), "stroke-width": 1.8, "stroke-dasharray": "5 3"])
            let labelWidth = TextMetrics.width(marker.label, fontSize: 11)
            let fitsRight = x + 4 + labelWidth <= width - 4
            w.element("text", ["x": .n(fitsRight ? x + 4 : x - 4), "y": .n(labelY), "font-size": 11,
                               "text-anchor": fitsRight ? "start" : "end", "fill": .text(marker.color)], text: marker.label)
        }
        AxisRenderer.drawXAxis(xTicks, title: variable, plot: plot, into: &w)
        AxisRenderer.drawYAxis(yTicks, title: measure.axisTitle, plot: plot, into: &w)
        let summary = description ?? "Histogram of \(variable) over \(binEdges.count - 1) bins"
            + (marks.isEmpty ? "." : "; marked: " + marks.map { $0.label }.joined(separator: ", ") + ".")
        return SVGDocument(width: width, height: height, title: title, description: summary).render(w)
    }
}

/// A histogram of one continuous column, real and synthetic on the same bins.
///
/// The caller bins the data (the same edges for both sides, e.g. from
/// ``HistogramBinning/edges(real:synthetic:targetBinCount:)``) and passes counts or shares, so
/// this chart computes nothing. `overlaid` draws the real histogram as filled bars and the
/// synthetic one as a bold dashed orange outline over a faint fill, where the shape difference is
/// easiest to see (two half-transparent fills would mix blue and orange into an olive that
/// belongs to neither); `sideBySide` splits each bin in two solid bars. The legend sits above
/// the plot.
public struct ComparisonHistogram: SVGChart {
    public enum Layout: Sendable, Hashable { case overlaid, sideBySide }

    public var title: String
    /// The column, as the x axis title.
    public var variable: String
    /// k + 1 strictly increasing edges for k bins.
    public var binEdges: [Double]
    /// k bar heights for the real data (empty to draw the synthetic side alone).
    public var real: [Double]
    /// k bar heights for the synthetic data (empty to draw the real side alone).
    public var synthetic: [Double]
    public var measure: HistogramMeasure
    public var layout: Layout
    /// How the x values are read; `.date` for seconds since the epoch.
    public var xFormat: AxisValueFormat
    public var realLabel = "Real"
    public var syntheticLabel = "Synthetic"
    public var width = 640.0
    public var height = 360.0
    /// The accessible description; a summary of the data when nil.
    public var description: String?

    public init(title: String, variable: String, binEdges: [Double], real: [Double], synthetic: [Double],
                measure: HistogramMeasure = .share, layout: Layout = .overlaid, xFormat: AxisValueFormat = .number) {
        self.title = title
        self.variable = variable
        self.binEdges = binEdges
        self.real = real
        self.synthetic = synthetic
        self.measure = measure
        self.layout = layout
        self.xFormat = xFormat
    }

    /// One histogram to draw.
    struct Side {
        var heights: [Double]
        var label: String
        var color: String
        var colorName: String
    }

    /// Solid bars side by side; overlaid, a filled first side and a faint second one.
    func fillOpacity(_ side: Int) -> Double {
        layout == .sideBySide ? 0.85 : side == 0 ? 0.45 : 0.12
    }

    public func svg() -> String {
        let sides = [Side(heights: real, label: realLabel, color: ChartPalette.real, colorName: "blue"),
                     Side(heights: synthetic, label: syntheticLabel, color: ChartPalette.synthetic, colorName: "orange")]
            .filter { !$0.heights.isEmpty }
        if let problem = HistogramBins.problem(edges: binEdges, heights: sides.map(\.heights), names: sides.map(\.label)) {
            return NoDataChart(title: title, reason: problem, width: width).svg()
        }
        var w = SVGWriter()
        let legend = sides.enumerated().map { s, side in
            ChartHeader.LegendEntry(label: side.label, swatch: .box(color: side.color, opacity: fillOpacity(s)))
        }
        let top = ChartHeader.draw(title: title, legend: legend, width: width, into: &w)
        let peak = sides.flatMap(\.heights).max() ?? 1
        let yTicks = AxisTicks(min: 0, max: peak, format: measure.format)
        let xTicks = AxisTicks(fixedLower: binEdges[0], fixedUpper: binEdges[binEdges.count - 1], format: xFormat, targetCount: 6)
        let left = AxisRenderer.leftMargin(yTicks, title: measure.axisTitle)
        let plot = PlotArea(left: left, top: top + 4, width: width - left - AxisRenderer.rightMargin(xTicks),
                            height: height - top - 4 - AxisRenderer.bottomMargin(title: variable),
                            xDomain: (binEdges[0], binEdges[binEdges.count - 1]), yDomain: (0, yTicks.upper))
        AxisRenderer.drawGrid(x: nil, y: yTicks, plot: plot, into: &w)
        let bins = binEdges.count - 1
        for (s, side) in sides.enumerated() {
            w.group("g", ["fill": .text(side.color), "fill-opacity": .n(fillOpacity(s))]) { g in
                for i in 0..<bins where side.heights[i] > 0 {
                    var x0 = plot.x(binEdges[i]), x1 = plot.x(binEdges[i + 1])
                    if layout == .sideBySide && sides.count == 2 {
                        let mid = (x0 + x1) / 2
                        if s == 0 { x1 = mid } else { x0 = mid }
                    }
                    let y = plot.y(side.heights[i])
                    let tip = side.label + " " + HistogramBins.rangeText(binEdges, i, format: xFormat) + ": " + measure.text(side.heights[i])
                    g.group("rect", ["x": .n(x0), "y": .n(y), "width": .n(Swift.max(0, x1 - x0 - (layout == .sideBySide ? 0.5 : 0))),
                                     "height": .n(plot.bottom - y)]) { $0.title(tip) }
                }
            }
            if layout == .overlaid {
                // The outline of each histogram as one step path, so overlapping bars stay readable.
                var path = SVGPath()
                path.move(plot.x(binEdges[0]), plot.bottom)
                for i in 0..<bins {
                    let y = plot.y(side.heights[i])
                    path.line(plot.x(binEdges[i]), y)
                    path.line(plot.x(binEdges[i + 1]), y)
                }
                path.line(plot.x(binEdges[bins]), plot.bottom)
                w.element("path", ["d": .text(path.d), "fill": "none", "stroke": .text(side.color),
                                   "stroke-width": s == 1 ? 2.2 : 1.2, "stroke-dasharray": .text(s == 1 ? "6 3" : "none")])
            }
        }
        AxisRenderer.drawXAxis(xTicks, title: variable, plot: plot, into: &w)
        AxisRenderer.drawYAxis(yTicks, title: measure.axisTitle, plot: plot, into: &w)
        let summary = description ?? "Histogram of \(variable) over \(bins) bins: " +
            sides.map { "\($0.label) (\($0.colorName))" }.joined(separator: " and ") + "."
        return SVGDocument(width: width, height: height, title: title, description: summary).render(w)
    }
}

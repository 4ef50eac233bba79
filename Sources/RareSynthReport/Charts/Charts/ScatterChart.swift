/// Point clouds on two axes: typically the real and synthetic rows projected on the first two
/// principal components (``PrincipalComponents``) to see whether the synthetic cloud covers the
/// real one.
///
/// Dots are small and semi-transparent (opacity 0.45), so dense regions darken and overlaps of
/// the two colours stay visible; series are drawn in the order given, so the caller puts the one
/// that should stay visible last. Every point is one `<circle>`: subsample large tables before
/// (a few thousand points per series keep the page light). Points with a non-finite coordinate
/// are skipped and counted in the description.
public struct ScatterChart: SVGChart {
    public struct Series: Sendable, Equatable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public var color: String

        public init(name: String, x: [Double], y: [Double], color: String) {
            self.name = name
            self.x = x
            self.y = y
            self.color = color
        }
    }

    public var title: String
    public var xTitle: String
    public var yTitle: String
    public var series: [Series]
    public var radius = 2.5
    public var opacity = 0.45
    public var width = 560.0
    public var height = 440.0
    public var description: String?

    public init(title: String, xTitle: String, yTitle: String, series: [Series]) {
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.series = series
    }

    /// The usual comparison: real in blue, then synthetic in orange on top.
    public init(title: String, xTitle: String, yTitle: String, real: (x: [Double], y: [Double]),
                synthetic: (x: [Double], y: [Double]), realLabel: String = "Real", syntheticLabel: String = "Synthetic") {
        self.init(title: title, xTitle: xTitle, yTitle: yTitle, series: [
            Series(name: realLabel, x: real.x, y: real.y, color: ChartPalette.real),
            Series(name: syntheticLabel, x: synthetic.x, y: synthetic.y, color: ChartPalette.synthetic),
        ])
    }

    public func svg() -> String {
        let points = series.map { s in
            zip(s.x, s.y).filter { $0.0.isFinite && $0.1.isFinite }
        }
        let all = points.flatMap { $0 }
        guard let first = all.first else {
            return NoDataChart(title: title, reason: "no point with two finite coordinates", width: width).svg()
        }
        var xMin = first.0, xMax = first.0, yMin = first.1, yMax = first.1
        for (x, y) in all {
            xMin = Swift.min(xMin, x); xMax = Swift.max(xMax, x)
            yMin = Swift.min(yMin, y); yMax = Swift.max(yMax, y)
        }
        var w = SVGWriter()
        let legend = zip(series, points).map { s, p in
            ChartHeader.LegendEntry(label: s.name + " (n = " + FixedDecimal.grouped(Double(p.count), fractionDigits: 0) + ")",
                                    swatch: .dot(color: s.color))
        }
        let top = ChartHeader.draw(title: title, legend: legend, width: width, into: &w)
        let xTicks = AxisTicks(min: xMin, max: xMax, targetCount: 6)
        let yTicks = AxisTicks(min: yMin, max: yMax, targetCount: 6)
        let left = AxisRenderer.leftMargin(yTicks, title: yTitle)
        let plot = PlotArea(left: left, top: top + 4, width: width - left - AxisRenderer.rightMargin(xTicks),
                            height: height - top - 4 - AxisRenderer.bottomMargin(title: xTitle),
                            xDomain: (xTicks.lower, xTicks.upper), yDomain: (yTicks.lower, yTicks.upper))
        AxisRenderer.drawGrid(x: xTicks, y: yTicks, plot: plot, into: &w)
        for (s, p) in zip(series, points) where !p.isEmpty {
            w.group("g", ["fill": .text(s.color), "fill-opacity": .n(opacity)]) { g in
                g.title(s.name)
                for (x, y) in p {
                    g.element("circle", ["cx": .n(plot.x(x)), "cy": .n(plot.y(y)), "r": .n(radius)])
                }
            }
        }
        AxisRenderer.drawXAxis(xTicks, title: xTitle, plot: plot, into: &w)
        AxisRenderer.drawYAxis(yTicks, title: yTitle, plot: plot, into: &w)
        let skipped = zip(series, points).map { Swift.max($0.x.count, $0.y.count) - $1.count }.reduce(0, +)
        let summary = description ?? "Scatter plot of \(yTitle) against \(xTitle): "
            + zip(series, points).map { "\($0.name), \($1.count) points" }.joined(separator: "; ")
            + (skipped > 0 ? "; \(skipped) points without finite coordinates left out." : ".")
        return SVGDocument(width: width, height: height, title: title, description: summary).render(w)
    }
}

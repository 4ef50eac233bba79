import Foundation

/// Axis lines, tick marks, tick labels, grid lines and axis titles around a ``PlotArea``.
///
/// Margins are computed from the labels that will be drawn (estimated by ``TextMetrics``), so
/// long tick labels widen the margin instead of being clipped, and x labels that would collide
/// are thinned to every k-th tick. Grid lines are light and drawn first, under the data.
enum AxisRenderer {
    static let labelSize = 11.0
    static let titleSize = 12.0
    static let tickLength = 4.0

    /// The space left of the plot: the widest y label, the tick, and the rotated title.
    static func leftMargin(_ ticks: AxisTicks, title: String) -> Double {
        let widest = ticks.labels.map { TextMetrics.width($0, fontSize: labelSize) }.max() ?? 0
        return ChartHeader.padding + (title.isEmpty ? 0 : titleSize + 8) + widest + tickLength + 4
    }

    /// The space right of the plot: half of the last x label, which is centred on the right edge.
    static func rightMargin(_ ticks: AxisTicks?) -> Double {
        let last = ticks?.labels.last.map { TextMetrics.width($0, fontSize: labelSize) } ?? 0
        return Swift.max(ChartHeader.padding + 4, last / 2 + 6)
    }

    /// The space below the plot: tick labels and the title.
    static func bottomMargin(title: String) -> Double {
        tickLength + labelSize + 6 + (title.isEmpty ? 0 : titleSize + 8) + 6
    }

    /// Vertical grid lines at the x ticks and horizontal ones at the y ticks.
    static func drawGrid(x: AxisTicks?, y: AxisTicks?, plot: PlotArea, into w: inout SVGWriter) {
        var path = SVGPath()
        for v in x?.values ?? [] {
            let px = plot.x(v)
            path.move(px, plot.top)
            path.line(px, plot.bottom)
        }
        for v in y?.values ?? [] {
            let py = plot.y(v)
            path.move(plot.left, py)
            path.line(plot.right, py)
        }
        if !path.isEmpty {
            w.element("path", ["d": .text(path.d), "stroke": .text(ChartPalette.grid), "stroke-width": 1, "fill": "none"])
        }
    }

    static func drawXAxis(_ ticks: AxisTicks, title: String, plot: PlotArea, into w: inout SVGWriter) {
        w.element("line", ["x1": .n(plot.left), "y1": .n(plot.bottom), "x2": .n(plot.right), "y2": .n(plot.bottom),
                           "stroke": .text(ChartPalette.axis), "stroke-width": 1])
        let every = thinning(ticks, plot: plot)
        var marks = SVGPath()
        w.group("g", ["font-size": .n(labelSize), "fill": .text(ChartPalette.mutedInk), "text-anchor": "middle"]) { g in
            for (i, (v, label)) in zip(ticks.values, ticks.labels).enumerated() {
                let px = plot.x(v)
                marks.move(px, plot.bottom)
                marks.line(px, plot.bottom + tickLength)
                if i % every == 0 {
                    g.element("text", ["x": .n(px), "y": .n(plot.bottom + tickLength + labelSize + 2)], text: label)
                }
            }
        }
        w.element("path", ["d": .text(marks.d), "stroke": .text(ChartPalette.axis), "stroke-width": 1])
        if !title.isEmpty {
            let y = plot.bottom + tickLength + labelSize + 6 + titleSize + 4
            let shown = TextMetrics.truncated(title, toWidth: plot.width, fontSize: titleSize)
            w.text(shown, fullText: title, ["x": .n(plot.left + plot.width / 2), "y": .n(y), "text-anchor": "middle",
                                            "font-size": .n(titleSize)])
        }
    }

    static func drawYAxis(_ ticks: AxisTicks, title: String, plot: PlotArea, into w: inout SVGWriter) {
        w.element("line", ["x1": .n(plot.left), "y1": .n(plot.top), "x2": .n(plot.left), "y2": .n(plot.bottom),
                           "stroke": .text(ChartPalette.axis), "stroke-width": 1])
        var marks = SVGPath()
        w.group("g", ["font-size": .n(labelSize), "fill": .text(ChartPalette.mutedInk), "text-anchor": "end"]) { g in
            for (v, label) in zip(ticks.values, ticks.labels) {
                let py = plot.y(v)
                marks.move(plot.left - tickLength, py)
                marks.line(plot.left, py)
                g.element("text", ["x": .n(plot.left - tickLength - 3), "y": .n(py + labelSize * 0.35)], text: label)
            }
        }
        w.element("path", ["d": .text(marks.d), "stroke": .text(ChartPalette.axis), "stroke-width": 1])
        if !title.isEmpty {
            let x = ChartHeader.padding + titleSize - 2
            let cy = plot.top + plot.height / 2
            let shown = TextMetrics.truncated(title, toWidth: plot.height, fontSize: titleSize)
            w.text(shown, fullText: title, ["x": .n(x), "y": .n(cy), "text-anchor": "middle", "font-size": .n(titleSize),
                                            "transform": .text("rotate(-90 " + FixedDecimal.format(x) + " " + FixedDecimal.format(cy) + ")")])
        }
    }

    /// Label every k-th x tick so neighbouring labels keep at least 10 units apart.
    static func thinning(_ ticks: AxisTicks, plot: PlotArea) -> Int {
        guard ticks.values.count > 1 else { return 1 }
        let widest = ticks.labels.map { TextMetrics.width($0, fontSize: labelSize) }.max() ?? 0
        let spacing = Swift.abs(plot.x(ticks.values[1]) - plot.x(ticks.values[0]))
        guard spacing > 0 else { return ticks.values.count }
        return Swift.max(1, Int(((widest + 10) / spacing).rounded(.up)))
    }
}

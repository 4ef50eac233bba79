/// The chart shown where there is nothing to draw: the title and a framed "No data" message.
///
/// Every chart falls back to this when its input is empty or unusable (all values missing or
/// NaN, a single bin edge, mismatched lengths), so a report keeps its layout and says why the
/// figure is missing instead of crashing or emitting `NaN` coordinates.
public struct NoDataChart: SVGChart {
    public var title: String
    /// Why there is nothing to show, in a reader's words ("no synthetic values").
    public var reason: String
    public var width: Double
    public var height: Double

    public init(title: String, reason: String, width: Double = 640, height: Double = 220) {
        self.title = title
        self.reason = reason
        self.width = width
        self.height = height
    }

    public func svg() -> String {
        var w = SVGWriter()
        let top = ChartHeader.draw(title: title, legend: [], width: width, into: &w)
        let pad = ChartHeader.padding
        let boxHeight = Swift.max(40, height - top - pad)
        w.element("rect", ["x": .n(pad), "y": .n(top), "width": .n(width - 2 * pad), "height": .n(boxHeight),
                           "fill": "#fafafa", "stroke": .text(ChartPalette.axis), "stroke-dasharray": "4 4"])
        let message = "No data: " + reason
        let shown = TextMetrics.truncated(message, toWidth: width - 4 * pad)
        w.text(shown, fullText: message, ["x": .n(width / 2), "y": .n(top + boxHeight / 2 + 4), "text-anchor": "middle",
                                          "fill": .text(ChartPalette.mutedInk)])
        let document = SVGDocument(width: width, height: Swift.max(height, top + boxHeight + pad),
                                   title: title.isEmpty ? "No data" : title, description: message)
        return document.render(w)
    }
}

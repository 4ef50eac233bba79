/// The root `<svg>` element of one chart: size, accessibility and the shared text style.
///
/// - Sizing: only a `viewBox` and `width="100%"` are set, no height, so the chart fills the width
///   of its container and keeps its aspect ratio in a responsive page (a report's CSS may cap it
///   with `max-width`). All coordinates in a chart are viewBox units, nominally CSS pixels at the
///   default size.
/// - Accessibility: `role="img"` with `<title>` and `<desc>` as the first children, which
///   SVG-AAM 1.0 §8.1 maps to the accessible name and description. No `id`s are used anywhere,
///   so any number of charts can be inlined into one HTML page without collisions.
/// - Text: a system sans-serif stack and a default size inherited by every `<text>`, so one change
///   here restyles every chart. No `<style>` element or `style` attribute, so a report served
///   with a strict Content-Security-Policy still renders.
public struct SVGDocument: Sendable {
    public var width: Double
    public var height: Double
    public var title: String
    public var description: String

    /// The font stack: what the browser has; DejaVu Sans is the Linux fallback that headless
    /// Chromium renders with.
    public static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"
    /// The default font size in viewBox units.
    public static let fontSize = 12.0

    public init(width: Double, height: Double, title: String, description: String) {
        self.width = width
        self.height = height
        self.title = title
        self.description = description
    }

    /// The complete `<svg>…</svg>` markup around `body`.
    public func render(_ body: SVGWriter) -> String {
        var root = SVGWriter()
        let viewBox = "0 0 " + FixedDecimal.format(width) + " " + FixedDecimal.format(height)
        root.group("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": .text(viewBox), "width": "100%",
                           "preserveAspectRatio": "xMidYMid meet", "role": "img",
                           "font-family": .text(Self.fontFamily), "font-size": .n(Self.fontSize),
                           "fill": .text(ChartPalette.ink)]) { w in
            w.title(title)
            w.element("desc", text: description)
            w.element("rect", ["width": .n(width), "height": .n(height), "fill": "#ffffff"])
            w.append(body)
        }
        return root.markup
    }
}

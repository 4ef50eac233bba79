import Foundation

/// One chart on the page: the inline `<svg>` in a `<figure>` with an optional caption.
///
/// `kind` is written as `data-chart` so a reader's tools (and the tests) can find every chart of a
/// kind. The SVG's `xmlns` attribute is dropped: HTML5 puts inline `<svg>` in the SVG namespace by
/// itself, and the page then holds no URL at all, not even a namespace name.
enum ChartFigure {
    enum Kind: String {
        case histogram, categoryBars = "category-bars", heatmap, projection, dcr, survival
    }

    static func figure(_ chart: any SVGChart, kind: Kind, caption: Markup? = nil, wide: Bool = false) -> Markup {
        var svg = chart.svg()
        if let namespace = svg.range(of: " xmlns=\"http://www.w3.org/2000/svg\"") { svg.removeSubrange(namespace) }
        var out: Markup = "<figure class=\"\(wide ? "chart wide" : "chart")\" data-chart=\"\(kind.rawValue)\">\(Markup(trusted: svg))"
        if let caption { out += "<figcaption>\(caption)</figcaption>" }
        return out + "</figure>"
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses chart markup with Foundation's XMLParser (libxml2 on Linux), so a test fails on any
/// malformed output, and collects what the checks need: elements, attributes and text.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// The index of the parent in `elements`, nil for the root.
        var parent: Int?
        /// The text directly inside the element.
        var text = ""
    }

    private(set) var elements: [Element] = []
    private(set) var texts: [String] = []
    private(set) var error: String?
    private var depth = 0
    private var open: [Int] = []
    private(set) var rootName: String?

    /// nil when `markup` is well-formed XML.
    static func inspect(_ markup: String) -> SVGInspector {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = inspector
        if !parser.parse() {
            inspector.error = inspector.error ?? parser.parserError.map { "\($0)" } ?? "parse failed"
        }
        return inspector
    }

    var isWellFormed: Bool { error == nil && rootName == "svg" }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if depth == 0 { rootName = name }
        depth += 1
        elements.append(Element(name: name, attributes: attributes, parent: open.last))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        texts.append(string)
        if let i = open.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = "\(parseError)"
    }

    /// Every element named `name`.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Elements named `name` that have a `<title>` child (the data marks: bars, cells), with
    /// that title's text.
    func marks(_ name: String) -> [(element: Element, title: String)] {
        elements.compactMap { e in
            guard e.name == "title", let p = e.parent, elements[p].name == name else { return nil }
            return (elements[p], e.text)
        }
    }

    /// The attribute values that must be numbers (coordinates, sizes) or lists of numbers
    /// (`viewBox`, `d`, `transform`): every number in them, as text.
    var numbersInGeometry: [String] {
        let numeric: Set<String> = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "font-size",
                                    "stroke-width", "fill-opacity", "opacity"]
        var out: [String] = []
        for e in elements {
            for (key, value) in e.attributes {
                if numeric.contains(key) && !(e.name == "svg" && key == "width") {
                    out.append(value)
                } else if key == "viewBox" || key == "d" || key == "transform" {
                    // Path commands, separators and `rotate(…)` go; anything else must be a number.
                    out += value.replacingOccurrences(of: "rotate", with: " ")
                        .split(whereSeparator: { " ,()MLZ".contains($0) }).map(String.init)
                }
            }
        }
        return out
    }
}

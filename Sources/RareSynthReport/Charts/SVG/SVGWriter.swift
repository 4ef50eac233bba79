/// Appends SVG elements to a string, escaping everything that is not a trusted constant.
///
/// Element and attribute names are constants of this module (never user data) and are written as
/// they are; attribute values and text content always go through ``XMLEscaping`` or
/// ``FixedDecimal``. Attributes are `KeyValuePairs`, so their order, and hence the bytes, is the
/// order written in the code. Nothing here can produce malformed XML: every `open` is paired
/// with a `close` by `group(_:_:)`.
public struct SVGWriter: Sendable {
    public private(set) var markup: String = ""

    public init() {}

    /// An empty element, or one with escaped text content: `<rect …/>`, `<text …>label</text>`.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, SVGValue> = [:],
                                 text: String? = nil) {
        markup += "<" + name
        appendAttributes(attributes)
        if let text {
            markup += ">" + XMLEscaping.escape(text) + "</" + name + ">"
        } else {
            markup += "/>"
        }
    }

    /// A container element whose children are written by `body`.
    public mutating func group(_ name: String = "g", _ attributes: KeyValuePairs<String, SVGValue> = [:],
                               _ body: (inout SVGWriter) -> Void) {
        markup += "<" + name
        appendAttributes(attributes)
        markup += ">"
        body(&self)
        markup += "</" + name + ">"
    }

    /// `<title>`: the accessible name of its parent and, in browsers, its tooltip.
    public mutating func title(_ text: String) { element("title", text: text) }

    /// Text with a tooltip: the visible (perhaps truncated) string, and the full one in a
    /// `<title>` inside a `<g>` so hovering shows it and screen readers read it.
    public mutating func text(_ visible: String, fullText: String? = nil,
                              _ attributes: KeyValuePairs<String, SVGValue>) {
        if let fullText, fullText != visible {
            group("g", [:]) { w in
                w.title(fullText)
                w.element("text", attributes, text: visible)
            }
        } else {
            element("text", attributes, text: visible)
        }
    }

    /// Markup made by another writer (a legend, an axis), appended as it is.
    public mutating func append(_ other: SVGWriter) { markup += other.markup }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<String, SVGValue>) {
        for (name, value) in attributes {
            markup += " " + name + "=\"" + value.markup + "\""
        }
    }
}

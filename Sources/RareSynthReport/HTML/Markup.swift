/// A piece of HTML that is safe to insert as it is: markup written by this module, with every
/// user-provided string escaped on the way in.
///
/// Escaping is done by the type, not by the caller's care: in a `Markup` literal the literal parts
/// are trusted markup, an interpolated `String` is always escaped with ``XMLEscaping`` (column
/// names, category labels, file paths and error reasons come from a user's data and may hold
/// `<script>`), and only an interpolated `Markup` goes in unchanged. Forgetting to escape would
/// need an explicit ``init(trusted:)``, which is kept for this module's own constants and the
/// charts (which escape their own labels).
struct Markup: Sendable, Equatable, ExpressibleByStringInterpolation {
    private(set) var html: String

    /// Markup written by this module (tags, CSS, an SVG chart): inserted unescaped.
    init(trusted html: String) { self.html = html }

    /// User text, escaped.
    init(text: String) { html = XMLEscaping.escape(text) }

    init(stringLiteral value: String) { html = value }

    init(stringInterpolation: StringInterpolation) { html = stringInterpolation.html }

    struct StringInterpolation: StringInterpolationProtocol {
        var html = ""

        init(literalCapacity: Int, interpolationCount: Int) { html.reserveCapacity(literalCapacity + 16 * interpolationCount) }

        /// The literal parts are this module's markup.
        mutating func appendLiteral(_ literal: String) { html += literal }

        /// A string from anywhere else is text: escaped.
        mutating func appendInterpolation(_ text: String) { html += XMLEscaping.escape(text) }

        mutating func appendInterpolation(_ markup: Markup) { html += markup.html }

        mutating func appendInterpolation(_ markup: Markup?) { html += markup?.html ?? "" }

        /// Only integers that are not figures of the document (heading levels, colspans); figures
        /// go through ``NumberSpan``.
        mutating func appendInterpolation(_ value: Int) { html += String(value) }
    }

    static func + (lhs: Markup, rhs: Markup) -> Markup { Markup(trusted: lhs.html + rhs.html) }

    static func += (lhs: inout Markup, rhs: Markup) { lhs.html += rhs.html }

    static let empty = Markup(trusted: "")

    var isEmpty: Bool { html.isEmpty }
}

extension Sequence where Element == Markup {
    /// The pieces one after the other, `separator` between them.
    func joined(separator: Markup = .empty) -> Markup {
        var out = ""
        var first = true
        for m in self {
            if !first { out += separator.html }
            out += m.html
            first = false
        }
        return Markup(trusted: out)
    }
}

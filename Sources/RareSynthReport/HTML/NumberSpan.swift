/// Printed figures, each tied to its place in `report.json`.
///
/// A figure of the document is written as
/// `<span class="num" data-path="evaluation.fidelity.quality.overall" data-value="0.8731…">0.873</span>`:
/// `data-value` is the exact value as Swift describes it (the shortest text that reads back to
/// the same `Double`, what `JSONEncoder` writes too) and the text is its rounding for reading. A
/// missing figure is `n/a` with the reason in a tooltip; a figure the page derives from others
/// (a difference of two scores) is marked `derived` and says how it was computed, so nothing on
/// the page poses as a stored figure that is not in the JSON.
extension Markup {
    static func number(_ value: Double?, at path: JSONPath, _ style: NumberStyle = .general, missing reason: String? = nil) -> Markup {
        guard let value else { return notAvailable(reason) }
        return span(path: path, value: "\(value)", text: style.text(value))
    }

    static func number(_ value: Int?, at path: JSONPath, missing reason: String? = nil) -> Markup {
        guard let value else { return notAvailable(reason) }
        return span(path: path, value: "\(value)", text: NumberStyle.count.text(Double(value)))
    }

    /// A seed: written in full, without separators (it is a label, not a quantity).
    static func number(_ value: UInt64?, at path: JSONPath, missing reason: String? = nil) -> Markup {
        guard let value else { return notAvailable(reason) }
        return span(path: path, value: "\(value)", text: "\(value)")
    }

    /// A figure computed on the page from stored ones; `how` says from which.
    static func derived(_ value: Double?, _ style: NumberStyle = .general, how: String) -> Markup {
        guard let value else { return notAvailable(how) }
        return "<span class=\"derived\" title=\"\(how)\">\(style.text(value))</span>"
    }

    /// `n/a`, with the reason as a tooltip where known.
    static func notAvailable(_ reason: String? = nil) -> Markup {
        guard let reason, !reason.isEmpty else { return "<span class=\"na\">n/a</span>" }
        return "<span class=\"na\" title=\"\(reason)\">n/a</span>"
    }

    private static func span(path: JSONPath, value: String, text: String) -> Markup {
        // A key holding a dot cannot be named by a dotted path: the figure is printed unlinked.
        guard path.isUnambiguous else { return "<span class=\"num\">\(text)</span>" }
        return "<span class=\"num\" data-path=\"\(path.description)\" data-value=\"\(value)\">\(text)</span>"
    }
}

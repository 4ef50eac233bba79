/// Escaping of text and attribute values for SVG embedded in an HTML report.
///
/// Every label in a chart comes from a user's data (column names, category values), so it is
/// hostile until escaped: `<script>`, quotes that would close an attribute, stray ampersands. The
/// five XML special characters become entities (`&amp; &lt; &gt; &quot; &#39;`, valid in both
/// XML and HTML, so the same bytes are safe in a standalone `.svg` file and inline in a page), and
/// the characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return, and
/// U+FFFE/U+FFFF; XML 1.0 §2.2) become U+FFFD, so a chart is well-formed XML whatever its labels.
public enum XMLEscaping {
    /// `text` with the five special characters as entities and forbidden characters replaced.
    public static func escape(_ text: String) -> String {
        // Fast path: most labels need no change.
        if !text.unicodeScalars.contains(where: needsEscape) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": true
        default: !isAllowed(scalar)
        }
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    /// (surrogates cannot occur in a `Unicode.Scalar`).
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x9 || v == 0xA || v == 0xD }
        return v != 0xFFFE && v != 0xFFFF
    }
}

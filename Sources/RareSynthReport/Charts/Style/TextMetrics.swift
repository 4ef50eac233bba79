/// Estimated widths of text, for layout and truncation without a font engine.
///
/// A chart is laid out before any browser sees it, so label widths are estimated from per-glyph
/// advance widths typical of sans-serif fonts (em fractions close to Helvetica/Arial/DejaVu
/// Sans: narrow `il.,:;'|!` ≈ 0.28, `fjtrI` ≈ 0.36, digits ≈ 0.56, capitals ≈ 0.68, `mwMW` ≈ 0.86,
/// other lower case ≈ 0.54, CJK and other wide scalars 1.0). The estimate errs wide (DejaVu Sans
/// is the widest of the stack), so margins computed from it leave room rather than clip.
public enum TextMetrics {
    /// The estimated rendered width of `text` at `fontSize`.
    public static func width(_ text: String, fontSize: Double = SVGDocument.fontSize) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += advance(scalar) }
        return ems * fontSize
    }

    /// `text` itself when it fits in `maxWidth`, else its longest prefix that fits followed by
    /// "…" (whole grapheme clusters, trailing spaces dropped). At least one character is kept.
    public static func truncated(_ text: String, toWidth maxWidth: Double,
                                 fontSize: Double = SVGDocument.fontSize) -> String {
        if width(text, fontSize: fontSize) <= maxWidth { return text }
        let ellipsis = width("…", fontSize: fontSize)
        var kept = ""
        var used = ellipsis
        for character in text {
            let w = width(String(character), fontSize: fontSize)
            if used + w > maxWidth && !kept.isEmpty { break }
            kept.append(character)
            used += w
        }
        while kept.last == " " { kept.removeLast() }
        return kept + "…"
    }

    /// `text` cut to `maxWidth` with "…" placed so that about `headShare` of the room shows the
    /// start and the rest the end: 1 keeps the start (`truncated`), 0 the end, 0.5 both halves.
    public static func truncated(_ text: String, toWidth maxWidth: Double, headShare: Double,
                                 fontSize: Double = SVGDocument.fontSize) -> String {
        if width(text, fontSize: fontSize) <= maxWidth { return text }
        if headShare >= 1 { return truncated(text, toWidth: maxWidth, fontSize: fontSize) }
        let room = maxWidth - width("…", fontSize: fontSize)
        let characters = Array(text)
        var head = 0, used = 0.0
        while head < characters.count {
            let w = width(String(characters[head]), fontSize: fontSize)
            if used + w > room * Swift.max(0, headShare) { break }
            used += w
            head += 1
        }
        var tail = characters.count
        while tail > head + 1 {
            let w = width(String(characters[tail - 1]), fontSize: fontSize)
            if used + w > room { break }
            used += w
            tail -= 1
        }
        if head == 0 && tail == characters.count { return truncated(text, toWidth: maxWidth, fontSize: fontSize) }
        return String(characters[..<head]) + "…" + String(characters[tail...])
    }

    /// Truncations of `labels` that stay distinct where the labels are, so that column names
    /// sharing a long prefix (`laboratory_measurement_1_baseline`, `…_2_baseline`) can still be
    /// told apart. Cuts at the end first (the most natural to read); if two cut labels would
    /// coincide, the ellipsis moves to the middle, then towards the start, and the first placement
    /// that keeps every distinct label distinct is used (else the end cut).
    public static func distinctTruncations(_ labels: [String], toWidth maxWidth: Double,
                                           fontSize: Double = SVGDocument.fontSize) -> [String] {
        let distinctInput = Set(labels).count
        var first: [String]? = nil
        for share in [1.0, 0.5, 0.3, 0.15, 0.0] {
            let cut = labels.map { truncated($0, toWidth: maxWidth, headShare: share, fontSize: fontSize) }
            if Set(cut).count == distinctInput { return cut }
            if first == nil { first = cut }
        }
        return first ?? labels
    }

    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "l", ".", ",", ":", ";", "'", "|", "!", " ": 0.30
        case "f", "j", "t", "r", "I", "(", ")", "[", "]", "-": 0.38
        case "m", "w", "M", "W", "@", "%": 0.90
        case "0"..."9", "$", "+", "=", "<", ">", "#", "?", "_", "\u{2212}": 0.62
        case "A"..."Z", "&": 0.72
        case "a"..."z", "\"", "*", "/", "\\", "^", "~": 0.58
        case "…": 1.0
        default: scalar.value < 0x2E80 ? 0.62 : 1.0
        }
    }
}

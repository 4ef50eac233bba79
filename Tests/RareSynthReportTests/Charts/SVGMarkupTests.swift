import Foundation
import Testing
@testable import RareSynthReport

@Suite("SVG markup: well-formed, escaped, deterministic, accessible")
struct SVGMarkupTests {
    @Test("Every chart type is well-formed XML with role=img, <title>, <desc> and a viewBox", arguments: ChartSamples.all())
    func wellFormed(_ sample: (String, any SVGChart)) {
        let svg = sample.1.svg()
        let parsed = SVGInspector.inspect(svg)
        #expect(parsed.isWellFormed, "\(sample.0): \(parsed.error ?? "root is \(parsed.rootName ?? "none")")")
        let root = parsed.elements.first
        #expect(root?.attributes["role"] == "img")
        #expect(root?.attributes["viewBox"]?.hasPrefix("0 0 ") == true)
        #expect(root?.attributes["width"] == "100%")
        #expect(root?.attributes["height"] == nil, "height comes from the viewBox's aspect ratio")
        #expect(parsed.elements.dropFirst().first?.name == "title")
        #expect(parsed.elements.dropFirst(2).first?.name == "desc")
        #expect(!svg.contains(" id=\""), "no ids, so several charts can share a page")
    }

    @Test("Every number in the geometry is a plain finite decimal without -0", arguments: ChartSamples.all())
    func numbers(_ sample: (String, any SVGChart)) throws {
        let parsed = SVGInspector.inspect(sample.1.svg())
        let decimal = try Regex("^-?[0-9]+(\\.[0-9]+)?$")
        for number in parsed.numbersInGeometry {
            #expect(number.wholeMatch(of: decimal) != nil, "\(sample.0): \(number)")
            #expect(number != "-0" && !number.hasPrefix("-0.") || Double(number) != 0, "\(sample.0): \(number)")
        }
    }

    @Test("Hostile labels are escaped everywhere and read back verbatim", arguments: ChartSamples.all(label: ChartSamples.hostile))
    func hostileLabels(_ sample: (String, any SVGChart)) {
        let svg = sample.1.svg()
        #expect(!svg.contains("<script"), "\(sample.0)")
        #expect(!svg.contains("\u{0}") && !svg.contains("\u{1}"))
        let parsed = SVGInspector.inspect(svg)
        #expect(parsed.isWellFormed, "\(sample.0): \(parsed.error ?? "")")
        // The parser decodes the entities: the label's text survives (controls become U+FFFD),
        // possibly truncated with "…" in the visible text but whole in a <title>.
        let decoded = ChartSamples.hostile.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
            .replacingOccurrences(of: "\u{1}", with: "\u{FFFD}")
        let text = parsed.texts.joined()
        #expect(text.contains("<script>alert(\"x&y\")</script>"), "\(sample.0)")
        #expect(text.contains(decoded), "\(sample.0)")
    }

    @Test("Escaping of the five special characters and forbidden controls")
    func escaping() {
        #expect(XMLEscaping.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(XMLEscaping.escape("plain text, é ü 中") == "plain text, é ü 中")
        #expect(XMLEscaping.escape("tab\tline\ncr\r") == "tab\tline\ncr\r")
        #expect(XMLEscaping.escape("\u{0}\u{8}\u{B}\u{1F}\u{FFFE}") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(XMLEscaping.escape("&amp;") == "&amp;amp;", "already-escaped text is escaped again, not trusted")
        var w = SVGWriter()
        w.element("text", ["x": .n(1), "data-label": .text("\" onload=\"alert(1)")], text: "</svg><script>")
        #expect(w.markup == "<text x=\"1\" data-label=\"&quot; onload=&quot;alert(1)\">&lt;/svg&gt;&lt;script&gt;</text>")
    }

    @Test("Same input, same bytes", arguments: ChartSamples.all())
    func determinism(_ sample: (String, any SVGChart)) {
        let first = sample.1.svg()
        #expect(first == sample.1.svg())
        // A fresh value with equal content, built separately, gives the same bytes too.
        let again = ChartSamples.all().first { $0.0 == sample.0 }!.1.svg()
        #expect(first == again)
    }

    @Test("Deterministic decimals: rounding, trimming, no -0, no nan/inf")
    func fixedDecimal() {
        #expect(FixedDecimal.format(1.005, fractionDigits: 2) == "1")  // 1.005 is 1.00499999… in binary
        #expect(FixedDecimal.format(2.675, fractionDigits: 2) == "2.68")  // 2.675 × 100 rounds to 267.5 in binary
        #expect(FixedDecimal.format(0.125, fractionDigits: 2) == "0.13")  // exact tie: away from zero
        #expect(FixedDecimal.format(-0.125, fractionDigits: 2) == "-0.13")
        #expect(FixedDecimal.format(-0.001, fractionDigits: 2) == "0")
        #expect(FixedDecimal.format(-0.0, fractionDigits: 2) == "0")
        #expect(FixedDecimal.format(-0.001, fractionDigits: 2, trimsZeros: false) == "0.00")
        #expect(FixedDecimal.format(12.5, fractionDigits: 3, trimsZeros: false) == "12.500")
        #expect(FixedDecimal.format(0.05, fractionDigits: 1) == "0.1")
        #expect(FixedDecimal.format(123456789, fractionDigits: 0) == "123456789")
        #expect(FixedDecimal.format(.nan) == "0")
        #expect(FixedDecimal.format(.infinity) == "0")
        #expect(FixedDecimal.format(-.infinity) == "0")
        #expect(FixedDecimal.grouped(1234567.891, fractionDigits: 2) == "1,234,567.89")
        #expect(FixedDecimal.grouped(-999.5, fractionDigits: 0) == "-1,000")
        #expect(FixedDecimal.grouped(-0.004, fractionDigits: 2) == "0.00")
        #expect(FixedDecimal.grouped(100, fractionDigits: 0) == "100")
    }

    @Test("Truncation keeps short labels and cuts long ones with an ellipsis")
    func truncation() {
        #expect(TextMetrics.truncated("short", toWidth: 100) == "short")
        let long = "Adenocarcinoma of the lung, stage IIIb, with pleural effusion"
        let cut = TextMetrics.truncated(long, toWidth: 100)
        #expect(cut.hasSuffix("…"))
        #expect(long.hasPrefix(String(cut.dropLast())))
        #expect(TextMetrics.width(cut) <= 100)
        #expect(TextMetrics.truncated("WWWW", toWidth: 1) == "W…", "at least one character is kept")
        // Shared prefixes: the end cut would make every label the same, so the ellipsis moves.
        let names = (1...12).map { "laboratory_measurement_\($0)_baseline" }
        let distinct = TextMetrics.distinctTruncations(names, toWidth: 110)
        #expect(Set(distinct).count == 12)
        #expect(distinct.allSatisfy { TextMetrics.width($0) <= 110 && $0.contains("…") })
        #expect(TextMetrics.distinctTruncations(["Fully active person", "Restricted activity"], toWidth: 60).allSatisfy { $0.hasSuffix("…") })
        #expect(TextMetrics.truncated("abcdefghijklmnopqrstuvwxyz", toWidth: 80, headShare: 0.5) == "abcd…vwxyz")  // 68 units of room after the ellipsis, 34 for the head
    }

    @Test("The diverging scale: white-ish at zero, blue below, red above, symmetric, clamped")
    func divergingScale() {
        let scale = DivergingColorScale(limit: 1)
        #expect(scale.color(for: 0) == "#f7f7f7")
        #expect(scale.color(for: -1) == "#2166ac")
        #expect(scale.color(for: 1) == "#b2182b")
        #expect(scale.color(for: 5) == "#b2182b")
        #expect(scale.color(for: .nan) == "#f7f7f7")
        let half = DivergingColorScale(limit: 0.2)
        #expect(half.color(for: 0.1) == scale.color(for: 0.5))
        #expect(DivergingColorScale(limit: -3).limit == 1)
    }
}

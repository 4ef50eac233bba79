import Foundation
import Testing
@testable import RareSynthReport

/// The marks in the markup match the data: counts, positions, proportions and colours.
@Suite("Chart geometry")
struct ChartGeometryTests {
    func number(_ e: SVGInspector.Element, _ key: String) -> Double { Double(e.attributes[key] ?? "") ?? .nan }

    @Test("Histogram bars: one per non-empty bin and side, heights proportional to the values")
    func histogramBars() {
        let chart = ComparisonHistogram(title: "t", variable: "v", binEdges: [0, 1, 2, 3], real: [2, 0, 6], synthetic: [3, 3, 3],
                                        measure: .count, layout: .sideBySide)
        let bars = SVGInspector.inspect(chart.svg()).marks("rect")
        #expect(bars.count == 5)
        #expect(bars.map(\.title) == ["Real [0, 1): 2", "Real [2, 3]: 6", "Synthetic [0, 1): 3", "Synthetic [1, 2): 3", "Synthetic [2, 3]: 3"])
        let h = bars.map { number($0.element, "height") }
        #expect(Swift.abs(h[1] / h[0] - 3) < 0.01 && Swift.abs(h[2] / h[0] - 1.5) < 0.01)
        // Side by side: the real bar is the left half of its bin, the synthetic the right half.
        #expect(number(bars[0].element, "x") < number(bars[2].element, "x"))
        #expect(Swift.abs(number(bars[0].element, "x") + number(bars[0].element, "width") + 0.5 - number(bars[2].element, "x")) < 0.02)
    }

    @Test("Category bars: two per kept category, folded tail labelled, shares in the tooltips")
    func categoryBars() {
        let chart = CategoryBarChart(title: "t", variable: "v", categories: ["a", "b", "c", "d"], real: [0.4, 0.3, 0.2, 0.1],
                                     synthetic: [0.1, 0.2, 0.3, 0.4], maxCategories: 3)
        let parsed = SVGInspector.inspect(chart.svg())
        let bars = parsed.marks("rect")
        #expect(bars.count == 6)
        // Ranked by the larger share: a (0.4), d (0.4) tie → by label; b, c folded into Other.
        #expect(bars.map(\.title) == ["Real, a: 40.0%", "Synthetic, a: 10.0%", "Real, d: 10.0%", "Synthetic, d: 40.0%",
                                      "Real, Other (2): 50.0%", "Synthetic, Other (2): 50.0%"])
    }

    @Test("Heatmap: n² cells coloured by value, missing cells grey, values as text")
    func heatmapCells() {
        let chart = CorrelationHeatmap(title: "t", labels: ["a", "b"], values: [[1, -1], [nil, 0]])
        let parsed = SVGInspector.inspect(chart.svg())
        let cells = parsed.marks("rect")
        #expect(cells.count == 4)
        #expect(cells.map { $0.element.attributes["fill"] } == ["#b2182b", "#2166ac", ChartPalette.missing, "#f7f7f7"])
        #expect(cells.map(\.title) == ["a × a: 1.00", "a × b: −1.00", "b × a: missing", "b × b: 0.00"])
        #expect(parsed.all("text").map(\.text).filter { ["1.00", "−1.00", "–", "0.00"].contains($0) }.count == 4)
        // Forty colour steps in the legend bar.
        #expect(parsed.all("rect").filter { $0.attributes["width"] == "12" && $0.attributes["fill"] != "none" }.count == 40)
    }

    @Test("Difference heatmap: the scale is symmetric around the largest |difference|, rounded up")
    func differenceScale() {
        let chart = CorrelationHeatmap(title: "t", labels: ["a", "b"], values: [[0, -0.13], [-0.13, 0]], scale: .difference(limit: nil))
        #expect(chart.colorScale.limit == 0.15)
        let fixed = CorrelationHeatmap(title: "t", labels: ["a"], values: [[0.1]], scale: .difference(limit: 0.4))
        #expect(fixed.colorScale.limit == 0.4)
    }

    @Test("Scatter: one circle per finite point, none for NaN")
    func scatterPoints() {
        let chart = ScatterChart(title: "t", xTitle: "x", yTitle: "y", real: (x: [0, 1, .nan, 3], y: [0, 1, 2, .infinity]),
                                 synthetic: (x: [0.5], y: [0.5]))
        let parsed = SVGInspector.inspect(chart.svg())
        #expect(parsed.all("circle").count == 2 + 1 + 2)  // 2 real + 1 synthetic + 2 legend dots
        #expect(parsed.elements.first { $0.name == "desc" }?.text.contains("2 points without finite coordinates") == true)
    }

    @Test("Survival: a step path from (0, 1), a band polygon, censor ticks at the curve's value")
    func survivalPaths() throws {
        let chart = SurvivalCurveChart(title: "t", series: [
            .init(name: "a", times: [1, 2, 4], survival: [0.9, 0.6, 0.3], lower: [0.8, 0.4, nil], upper: [1, 0.8, nil],
                  censorTimes: [3], color: ChartPalette.real),
        ])
        let parsed = SVGInspector.inspect(chart.svg())
        let curve = try #require(parsed.marks("path").first { $0.title == "a" }?.element.attributes["d"])
        // M(0,1) then two L per step.
        #expect(curve.filter { $0 == "M" }.count == 1 && curve.filter { $0 == "L" }.count == 6)
        let band = try #require(parsed.all("path").first { $0.attributes["fill-opacity"] == "0.15" }?.attributes["d"])
        #expect(band.hasSuffix("Z") && band.filter { $0 == "M" }.count == 1)
        // The censoring tick at t = 3 sits on S = 0.6: it is the path with one vertical 8-unit segment.
        let ticks = try #require(parsed.all("path").first { $0.attributes["stroke-width"] == "1.2" }?.attributes["d"])
        let coordinates = ticks.split(whereSeparator: { " ML".contains($0) }).compactMap { Double($0) }
        #expect(coordinates.count == 4 && coordinates[0] == coordinates[2] && Swift.abs(coordinates[3] - coordinates[1] - 8) < 0.011)
        #expect(SurvivalCurveChart.step([1, 2, 4], [0.9, 0.6, 0.3], at: 3) == 0.6)
        #expect(SurvivalCurveChart.step([1, 2, 4], [0.9, 0.6, 0.3], at: 0.5) == 1)
        #expect(SurvivalCurveChart.step([1, 2, 4], [0.9, 0.6, 0.3], at: 4) == 0.3)
    }

    @Test("Survival: steps within half a pixel are drawn as one, the band never narrows")
    func survivalThinning() throws {
        // 50,000 steps over t ∈ (0, 1000]: the page must not carry one segment per step.
        let n = 50_000
        let times = (1...n).map { Double($0) / 50 }
        let survival = times.map { exp(-$0 / 400) }
        let chart = SurvivalCurveChart(title: "t", series: [
            .init(name: "a", times: times, survival: survival, lower: survival.map { $0 * 0.9 }, upper: survival.map { Swift.min(1, $0 * 1.1) },
                  censorTimes: times.enumerated().filter { $0.offset % 3 == 0 }.map(\.element), color: ChartPalette.real),
        ])
        let svg = chart.svg()
        #expect(svg.utf8.count < 200_000)
        #expect(svg.contains("50000 steps"))
        let curve = try #require(SVGInspector.inspect(svg).marks("path").first { $0.title == "a" }?.element.attributes["d"])
        #expect(curve.filter { $0 == "L" }.count < 2_400)
        // The merged run keeps its last survival and the widest limits.
        let merged = SurvivalCurveChart.thinned(([1, 1.1, 1.2, 5], [0.9, 0.8, 0.7, 0.5], [0.85, 0.7, 0.65, 0.4], [0.95, 0.9, 0.8, 0.6]),
                                                quantum: 0.5)
        #expect(merged.times == [1, 5] && merged.survival == [0.7, 0.5])
        #expect(merged.lower == [0.65, 0.4] && merged.upper == [0.95, 0.6])
    }

    @Test("Marked histogram: the marker line sits at its value")
    func marker() throws {
        let chart = MarkedHistogram(title: "t", variable: "v", binEdges: [0, 1, 2], heights: [1, 2], markers: [.init(value: 0.5, label: "m")])
        let parsed = SVGInspector.inspect(chart.svg())
        let bars = parsed.marks("rect").map(\.element)
        let line = try #require(parsed.all("line").first { $0.attributes["stroke-dasharray"] == "5 3" })
        // Halfway through the first bar (bars are 0.5 narrower than their bin for a gap).
        let expected = number(bars[0], "x") + (number(bars[1], "x") - number(bars[0], "x")) / 2
        #expect(Swift.abs(number(line, "x1") - expected) < 0.02)
    }
}

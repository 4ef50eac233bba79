import Foundation
import Testing
@testable import RareSynthReport

@Suite("Empty and degenerate input: a 'No data' chart, never a crash or NaN")
struct DegenerateInputTests {
    /// The output is well-formed, says "No data" when `noData`, and has no nan/inf anywhere.
    func check(_ chart: any SVGChart, noData: Bool, _ comment: Comment) throws {
        let svg = chart.svg()
        let parsed = SVGInspector.inspect(svg)
        #expect(parsed.isWellFormed, comment)
        #expect(svg.contains("No data: ") == noData, comment)
        let words = try Regex("(?i)(nan|[^a-z]inf)")
        #expect(svg.firstMatch(of: words) == nil, comment)
        let decimal = try Regex("^-?[0-9]+(\\.[0-9]+)?$")
        #expect(parsed.numbersInGeometry.allSatisfy { $0.wholeMatch(of: decimal) != nil }, comment)
    }

    @Test("Histograms: no bins, one edge, all-NaN, empty bins, mismatched lengths, negative counts")
    func histograms() throws {
        let cases: [([Double], [Double], [Double])] = [
            ([], [], []), ([3], [], []), ([0, 1, 2], [.nan, .nan], [.nan, .nan]), ([0, 1, 2], [0, 0], [0, 0]),
            ([0, 1, 2], [1], [1, 2]), ([0, 1, 2], [1, -1], [1, 1]), ([0, .nan, 2], [1, 1], [1, 1]), ([0, 2, 1], [1, 1], [1, 1]),
            ([0, 1, 2], [], []), ([0, 1, 2], [.infinity, 1], [1, 1]),
        ]
        for (edges, real, synthetic) in cases {
            try check(ComparisonHistogram(title: "t", variable: "v", binEdges: edges, real: real, synthetic: synthetic),
                      noData: true, "\(edges) \(real) \(synthetic)")
            try check(MarkedHistogram(title: "t", variable: "v", binEdges: edges, heights: real), noData: true, "\(edges) \(real)")
        }
        // One side only, and a single bin, are drawable.
        try check(ComparisonHistogram(title: "t", variable: "v", binEdges: [0, 1, 2], real: [1, 2], synthetic: []), noData: false, "real only")
        try check(ComparisonHistogram(title: "t", variable: "v", binEdges: [5, 5.000001], real: [3], synthetic: [4]), noData: false, "one narrow bin")
        // A marker that is NaN is dropped; one far outside widens the axis.
        try check(MarkedHistogram(title: "t", variable: "v", binEdges: [0, 1], heights: [2],
                                  markers: [.init(value: .nan, label: "m"), .init(value: 10, label: "far")]), noData: false, "markers")
    }

    @Test("Bars: no categories, mismatched, NaN, all zero; one category is fine")
    func bars() throws {
        try check(CategoryBarChart(title: "t", variable: "v", categories: [], real: [], synthetic: []), noData: true, "empty")
        try check(CategoryBarChart(title: "t", variable: "v", categories: ["a"], real: [1], synthetic: []), noData: true, "mismatch")
        try check(CategoryBarChart(title: "t", variable: "v", categories: ["a", "b"], real: [.nan, .nan], synthetic: [.nan, .nan]),
                  noData: true, "all NaN")
        try check(CategoryBarChart(title: "t", variable: "v", categories: ["a"], real: [0], synthetic: [0]), noData: true, "zero")
        try check(CategoryBarChart(title: "t", variable: "v", categories: ["a"], real: [1], synthetic: [1]), noData: false, "one")
    }

    @Test("Heatmaps: empty, ragged, all missing, a single constant column")
    func heatmaps() throws {
        try check(CorrelationHeatmap(title: "t", labels: [], values: []), noData: true, "empty")
        try check(CorrelationHeatmap(title: "t", labels: ["a", "b"], values: [[1, 0]]), noData: true, "ragged")
        try check(CorrelationHeatmap(title: "t", labels: ["a"], values: [[.nan]]), noData: true, "NaN")
        try check(CorrelationHeatmap(title: "t", labels: ["a", "b"], values: [[nil, nil], [nil, nil]]), noData: true, "nil")
        try check(CorrelationHeatmap(title: "t", labels: ["a"], values: [[1]]), noData: false, "1 × 1")
        try check(CorrelationHeatmap(title: "t", labels: ["a", "b"], values: [[0, 0], [0, 0]], scale: .difference(limit: nil)),
                  noData: false, "all-zero difference")
        try check(CorrelationHeatmap(title: "t", labels: ["a", "b"], values: [[.infinity, 1], [1, 1]], scale: .difference(limit: .nan)),
                  noData: false, "infinite cell, NaN limit")
    }

    @Test("Scatter: no points, only NaN, one point, all points equal")
    func scatter() throws {
        try check(ScatterChart(title: "t", xTitle: "x", yTitle: "y", series: []), noData: true, "no series")
        try check(ScatterChart(title: "t", xTitle: "x", yTitle: "y", real: (x: [.nan], y: [1]), synthetic: (x: [], y: [])),
                  noData: true, "NaN")
        try check(ScatterChart(title: "t", xTitle: "x", yTitle: "y", real: (x: [1], y: [1]), synthetic: (x: [], y: [])),
                  noData: false, "one point")
        try check(ScatterChart(title: "t", xTitle: "x", yTitle: "y", real: (x: [2, 2], y: [0, 0]), synthetic: (x: [2], y: [0])),
                  noData: false, "equal points")
    }

    @Test("Survival: no series, empty series, NaN, unordered times, a single step")
    func survival() throws {
        let blue = ChartPalette.real
        try check(SurvivalCurveChart(title: "t", series: []), noData: true, "none")
        try check(SurvivalCurveChart(title: "t", series: [.init(name: "a", times: [], survival: [], color: blue)]), noData: true, "empty")
        try check(SurvivalCurveChart(title: "t", series: [.init(name: "a", times: [.nan], survival: [0.5], color: blue)]), noData: true, "NaN")
        try check(SurvivalCurveChart(title: "t", series: [.init(name: "a", times: [3, 1, 2], survival: [0.9, .nan, 2],
                                                                lower: [nil], upper: [0.4], color: blue)]), noData: false, "messy")
        try check(SurvivalCurveChart(title: "t", series: [.init(name: "a", times: [0], survival: [1], color: blue)]), noData: false, "one")
    }

    @Test("Hundreds of categories fold into 'Other'")
    func folding() {
        let categories = (0..<300).map { "level \($0)" }
        let real = (0..<300).map { 1 / Double($0 + 1) }
        var chart = CategoryBarChart(title: "t", variable: "v", categories: categories, real: real, synthetic: real, maxCategories: 8)
        let bars = chart.bars()
        #expect(bars.count == 8)
        #expect(bars.last?.label == "Other (293)")
        #expect(bars.first?.label == "level 0")
        let keptTotal: Double = bars.map(\.real).reduce(0, +)
        let total: Double = real.reduce(0, +)
        #expect(Swift.abs(keptTotal - total) < 1e-12)
        chart.ordering = .asGiven
        chart.categories = categories.reversed()
        chart.real = real.reversed()
        chart.synthetic = real.reversed()
        // As given: the 7 largest kept in their given order (here reversed), then Other.
        #expect(chart.bars().prefix(7).map(\.label) == (0..<7).reversed().map { "level \($0)" })
    }
}

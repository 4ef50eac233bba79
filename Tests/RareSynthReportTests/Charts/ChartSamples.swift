@testable import RareSynthReport

/// One instance of every chart type with small made-up data, for the generic checks.
enum ChartSamples {
    static let hostile = "<script>alert(\"x&y\")</script> 'quoted' & \u{0}\u{1}"

    static func all(label: String = "age") -> [(String, any SVGChart)] {
        let edges = [40.0, 50, 60, 70, 80]
        return [
            ("histogram", ComparisonHistogram(title: "Histogram of " + label, variable: label, binEdges: edges,
                                              real: [0.1, 0.4, 0.3, 0.2], synthetic: [0.2, 0.3, 0.3, 0.2])),
            ("histogram side by side", ComparisonHistogram(title: label, variable: label, binEdges: edges, real: [1, 4, 3, 2],
                                                           synthetic: [2, 3, 3, 2], measure: .count, layout: .sideBySide)),
            ("bars", CategoryBarChart(title: label, variable: label, categories: [label, "b", "c"],
                                      real: [0.5, 0.3, 0.2], synthetic: [0.4, 0.4, 0.2])),
            ("heatmap", CorrelationHeatmap(title: label, labels: [label, "b", "c"],
                                           values: [[1, 0.5, nil], [0.5, 1, -0.25], [nil, -0.25, 1]], legendTitle: label)),
            ("difference heatmap", CorrelationHeatmap(title: label, labels: [label, "b"], values: [[0, 0.03], [0.03, 0]],
                                                      scale: .difference(limit: nil))),
            ("scatter", ScatterChart(title: label, xTitle: label, yTitle: "PC2", real: (x: [0, 1, 2], y: [1, 0, 2]),
                                     synthetic: (x: [0.5, 1.5], y: [1.2, 0.3]))),
            ("survival", SurvivalCurveChart(title: label, xTitle: label, series: [
                .init(name: label, times: [1, 2, 4], survival: [0.9, 0.6, 0.3], lower: [0.8, 0.4, nil], upper: [1, 0.8, nil],
                      censorTimes: [3], color: ChartPalette.real),
                .init(name: "Synthetic", times: [1.5, 3], survival: [0.8, 0.5], color: ChartPalette.synthetic, dashed: true),
            ])),
            ("marked histogram", MarkedHistogram(title: label, variable: label, binEdges: [0, 0.5, 1, 1.5], heights: [3, 5, 1],
                                                 markers: [.init(value: 0.7, label: "median " + label)])),
            ("no data", NoDataChart(title: label, reason: label)),
        ]
    }
}

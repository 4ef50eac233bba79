import Foundation
import Testing
import RareSynthEvaluate

/// `expected.json` of one case, as `make_fixtures.py` writes it from SDMetrics 0.32.
struct ExpectedReport: Decodable {
    struct Shape: Decodable {
        var column: String
        var metric: String
        var score: Double?
        var error: String?
    }

    struct Pair: Decodable {
        var column1: String
        var column2: String
        var metric: String
        var score: Double?
        var real_correlation: Double?
        var synthetic_correlation: Double?
        var real_association: Double?
        var meets_threshold: Bool?
        var error: String?
    }

    var overall: Double?
    var column_shapes: Double?
    var column_pair_trends: Double?
    var shapes: [Shape]
    var pairs: [Pair]
}

/// Every case `make_fixtures.py` scored (see `Fixtures/provenance.json`).
let fixtureCases = [
    "pbc-sdv", "pbc-shuffled", "pbc-missing", "cgd-sdv", "cgd-shuffled", "colon-sdv", "nwtco-sdv",
    "nwtco-shuffled", "lung-sdv", "lung-missing", "veteran-sdv", "pbcseq-sdv", "edge",
]

/// Scores are reproduced to rounding error: KSComplement, TVComplement and ContingencySimilarity
/// follow SDMetrics' arithmetic step by step; Pearson sums in a different order than numpy's BLAS.
let tolerance = 1e-9

/// |a − b|, with two `nil`s (SDMetrics' NaN) equal and one `nil` an infinite difference.
func gap(_ a: Double?, _ b: Double?) -> Double {
    switch (a, b) {
    case (nil, nil): 0
    case let (x?, y?): Swift.abs(x - y)
    default: .infinity
    }
}

@Suite("QualityReport agrees with SDMetrics 0.32")
struct QualityReportFixtureTests {
    @Test(arguments: fixtureCases)
    func matchesSDMetrics(_ name: String) throws {
        let expected = try JSONDecoder().decode(
            ExpectedReport.self, from: Data(contentsOf: FixtureTables.directory(name).appendingPathComponent("expected.json")))
        let (real, synthetic) = try FixtureTables.load(case: name)
        let report = try QualityReport.compute(real: real, synthetic: synthetic)

        #expect(gap(report.overall, expected.overall) <= tolerance, "overall")
        #expect(gap(report.columnShapes, expected.column_shapes) <= tolerance, "Column Shapes")
        #expect(gap(report.columnPairTrends, expected.column_pair_trends) <= tolerance, "Column Pair Trends")

        try #require(report.columnShapeDetails.count == expected.shapes.count)
        for (got, want) in zip(report.columnShapeDetails, expected.shapes) {
            #expect(got.column == want.column)
            #expect(got.metric.rawValue == want.metric, "\(want.column)")
            #expect(gap(got.score, want.score) <= tolerance, "\(want.column): \(String(describing: got.score)) vs \(String(describing: want.score))")
            #expect((got.error == nil) == (want.error == nil), "\(want.column) error")
        }

        try #require(report.columnPairDetails.count == expected.pairs.count)
        for (got, want) in zip(report.columnPairDetails, expected.pairs) {
            let pair = "\(want.column1) × \(want.column2)"
            #expect(got.column1 == want.column1 && got.column2 == want.column2)
            #expect(got.metric.rawValue == want.metric, "\(pair)")
            #expect(gap(got.score, want.score) <= tolerance, "\(pair): \(String(describing: got.score)) vs \(String(describing: want.score))")
            #expect(gap(got.realCorrelation, want.real_correlation) <= tolerance, "\(pair) real ρ")
            #expect(gap(got.syntheticCorrelation, want.synthetic_correlation) <= tolerance, "\(pair) synthetic ρ")
            // SDMetrics reports Cramér's V only where it computed it (no error, threshold set).
            if want.error == nil {
                #expect(gap(got.realAssociation, want.real_association) <= tolerance, "\(pair) Cramér's V")
            }
            #expect(got.meetsThreshold == (want.meets_threshold ?? false), "\(pair) meets threshold")
            #expect((got.error == nil) == (want.error == nil), "\(pair) error")
            if let message = want.error, message.hasPrefix("ConstantInputError") {
                #expect(got.error?.description == message, "\(pair) error message")
            }
        }
    }

    @Test func resultDoesNotDependOnThreadCount() throws {
        let (real, synthetic) = try FixtureTables.load(case: "pbc-sdv")
        var one = QualityReport.Options()
        one.maxThreads = 1
        #expect(try QualityReport.compute(real: real, synthetic: synthetic, options: one)
            == QualityReport.compute(real: real, synthetic: synthetic))
    }

    @Test func missingSyntheticColumnIsRejected() {
        let real = [MetricColumn.numerical("a", [1, 2]), .categorical("b", ["x", "y"])]
        #expect(throws: MetricError.missingColumn("b")) {
            try QualityReport.compute(real: real, synthetic: [.numerical("a", [1, 2])])
        }
    }
}

import Foundation
import Testing
import RareSynthNumerics
@testable import RareSynthEvaluate

/// Edge cases of the fidelity metrics, with values worked out by hand (or scipy's documented
/// examples) rather than by the fixture script.
@Suite struct FidelityEdgeTests {
    @Test func wassersteinOnSmallSamples() {
        // scipy.stats.wasserstein_distance docstring: [0, 1, 3] vs [5, 6, 8] is 5.0.
        #expect(Wasserstein.distance(real: [0, 1, 3], synthetic: [5, 6, 8]) == 5)
        #expect(Wasserstein.distance(real: [0, 1, nil, .nan], synthetic: [1, 0]) == 0)
        // [0, 10] vs [0]: half of the mass moves 10.
        #expect(Wasserstein.distance(real: [0, 10], synthetic: [0, 0, 0]) == 5)
        #expect(Wasserstein.distance(real: [nil], synthetic: [1]) == nil)
    }

    @Test func continuousDistanceBinsOnTheRealRangeAndClamps() throws {
        let real: [Double?] = (0..<10).map { Double($0) }
        let d = ContinuousDistance.compute(column: "x", real: real, synthetic: [100, 200, nil])
        // Every synthetic value lands in the last bin; p is uniform over 10 bins.
        #expect(ContinuousDistance.histogram([100, 200, -5], edges: [0, 0.9, 1.8, 2.7, 3.6, 4.5, 5.4, 6.3, 7.2, 8.1, 9])
                == [1, 0, 0, 0, 0, 0, 0, 0, 0, 2])
        let left = 0.9 * log(2.0) + 0.1 * log(0.1 / 0.55), right = log(1 / 0.55)
        let js = ((left + right) / log(2.0) / 2).squareRoot()
        #expect(Swift.abs(try #require(d.jensenShannon) - js) < 1e-15)
        // Laplace: p = 2/20 each, q = (1 … 1, 3)/13.
        let kl = 0.9 * log(0.1 / (1.0 / 12)) + 0.1 * log(0.1 / (3.0 / 12))
        #expect(Swift.abs(try #require(d.kullbackLeibler) - kl) < 1e-15)
        #expect(Swift.abs(try #require(d.normalizedWasserstein) - (try #require(d.wasserstein)) / 9) < 1e-15)
    }

    @Test func constantAndInfiniteRealColumns() {
        let constant = ContinuousDistance.compute(column: "c", real: [3, 3, 3], synthetic: [3, 4])
        #expect(constant.wasserstein == 0.5)
        #expect(constant.normalizedWasserstein == nil)  // range 0: nothing to normalise by
        #expect(constant.jensenShannon != nil)           // bins [2.5, 3.5], 4 clamped into the last
        let infinite = ContinuousDistance.compute(column: "i", real: [1, .infinity], synthetic: [1])
        #expect(infinite.error == .nonFiniteRange(column: "i") && infinite.jensenShannon == nil)
    }

    @Test func divergenceLimits() {
        #expect(HistogramDivergence.jensenShannonDistance([1, 2, 3], [2, 4, 6]) == 0)
        #expect(HistogramDivergence.jensenShannonDistance([1, 0], [0, 1]) == 1)
        #expect(HistogramDivergence.jensenShannonDistance([0, 0], [0, 1]) == nil)
        #expect(HistogramDivergence.kullbackLeibler([1, 1], [1, 0], pseudoCount: 0) == .infinity)
        #expect(HistogramDivergence.kullbackLeibler([5, 5], [1, 1], pseudoCount: 1) == 0)
    }

    @Test func categoricalCountsMissingAndSyntheticOnlyCategories() {
        let d = CategoricalDistance.compute(column: "c", real: ["a", "b", nil, "a"], synthetic: ["a", "z", "z", nil])
        #expect(d.gaps.map(\.category) == ["a", "b", nil, "z"])
        #expect(d.gaps.map(\.realCount) == [2, 1, 1, 0] && d.gaps.map(\.syntheticCount) == [1, 0, 1, 2])
        #expect(d.syntheticOnlyCategories == ["z"])
        #expect(d.gaps[3].difference == 0.5 && d.maxAbsoluteDifference == 0.5)
    }

    @Test func spearmanRanksPairwiseCompleteRows() throws {
        // Complete rows 1…3: x = [2, 3, 4], y = [2, 1, 4] → ranks [1, 2, 3] and [2, 1, 3], ρ = 0.5.
        let x: [Double?] = [1, 2, 3, 4, nil], y: [Double?] = [nil, 2, 1, 4, 3]
        let m = try CorrelationComparison.spearman(real: [.numerical("x", x), .numerical("y", y)],
                                                   synthetic: [.numerical("x", x), .numerical("y", y)])
        #expect(Swift.abs(try #require(m.real[0][1]) - 0.5) < 1e-15)
        #expect(m.difference[0][1] == 0 && m.meanAbsoluteDifference == 0 && m.comparedPairs == 1)
    }

    @Test func undefinedCoefficientsAreNil() throws {
        let real: [MetricColumn] = [.numerical("k", [1, 1, 1]), .numerical("v", [1, 2, 3]),
                                    .categorical("a", ["u", "u", "u"]), .categorical("b", ["p", "q", "p"])]
        let synthetic: [MetricColumn] = [.numerical("k", [1, 2, 3]), .numerical("v", [3, 2, 1]),
                                         .categorical("a", ["u", "w", "u"]), .categorical("b", ["p", "q", "q"])]
        let report = try FidelityReport.compute(real: real, synthetic: synthetic, options: .init(mmd: nil))
        #expect(report.pearson.real[0][0] == nil && report.pearson.synthetic[0][0] == 1)
        #expect(report.pearson.real[0][1] == nil)
        #expect(Swift.abs(try #require(report.pearson.synthetic[0][1]) + 1) < 1e-15)
        #expect(report.pearson.meanAbsoluteDifference == nil && report.pearson.comparedPairs == 0)
        #expect(report.cramersV.real[0][1] == nil && report.cramersV.synthetic[0][1] != nil)
        #expect(report.mmd == nil)
    }

    @Test func mmdOfATableWithItselfIsZeroAndSamplingIsSeeded() throws {
        let (real, _) = try FixtureTables.load(case: "fidelity/pbc-sdv")
        let same = try #require(try MaximumMeanDiscrepancy.compute(real: real, synthetic: real))
        #expect(Swift.abs(same.biased) < 1e-12)
        let options = MaximumMeanDiscrepancy.Options(maxRowsPerSide: 50, seed: 3)
        let a = MaximumMeanDiscrepancy.sampledRows(334, options: options, stream: 0)
        #expect(a == MaximumMeanDiscrepancy.sampledRows(334, options: options, stream: 0))
        #expect(a != MaximumMeanDiscrepancy.sampledRows(334, options: options, stream: 1))
        #expect(a.count == 50 && Set(a).count == 50 && a == a.sorted())
        #expect(MaximumMeanDiscrepancy.sampledRows(40, options: options, stream: 0) == Array(0..<40))
    }

    @Test(arguments: [1, 2, 7, 1_000, 1_001])
    func selectionMedianEqualsSortedMedian(_ count: Int) {
        var random = SeededRandom(seed: UInt64(count))
        var values = (0..<count).map { _ in Double(random.nextInt(below: 20)) }  // many ties
        let sorted = values.sorted()
        let expected = count % 2 == 1 ? sorted[count / 2].squareRoot()
            : (sorted[count / 2 - 1].squareRoot() + sorted[count / 2].squareRoot()) / 2
        #expect(Selection.median(&values, transform: { $0.squareRoot() }) == expected)
    }
}

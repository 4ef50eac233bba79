import Testing
@testable import RareSynthReport

@Suite("Histogram binning (numpy.histogram semantics)")
struct HistogramBinningTests {
    @Test("Counts: half-open bins, last bin closed, outside and NaN ignored")
    func counts() {
        // numpy.histogram([0, 0.5, 1, 1, 2, 3, 3.5, nan, -1], bins=[0, 1, 2, 3]) → [2, 2, 1] (3 in the last bin).
        let values: [Double] = [0, 0.5, 1, 1, 2, 3, 3.5, .nan, -1]
        #expect(HistogramBinning.counts(values, edges: [0, 1, 2, 3]) == [2, 2, 2])
        #expect(HistogramBinning.counts([], edges: [0, 1]) == [0])
        #expect(HistogramBinning.counts([1], edges: [1]) == [])
        #expect(HistogramBinning.shares([0, 1, 1, 2], edges: [0, 1, 2]) == [0.25, 0.75])
    }

    @Test("Edges cover both samples at round numbers")
    func edges() {
        let e = HistogramBinning.edges([[39, 82], [44, 85.5]], targetBinCount: 10)
        #expect(e.first == 35 && e.last == 90)
        #expect(zip(e, e.dropFirst()).allSatisfy { $1 - $0 == 5 })
        #expect(HistogramBinning.edges([[.nan], []]) == [])
    }
}

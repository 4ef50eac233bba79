import Foundation
import Testing
@testable import RareSynthEvaluate

/// Hand-checkable cases; the R agreement is in `SurvivalFixtureTests`.
@Suite("Kaplan–Meier, quantiles, log-rank and curve distance by hand")
struct KaplanMeierTests {
    @Test("A small table with tied events and censorings")
    func smallTable() throws {
        // t: 1 2 2 2 3 4 4 5 6 6, event: 1 1 0 1 0 1 0 1 0 1
        let data = try SurvivalData(times: [1, 2, 2, 2, 3, 4, 4, 5, 6, 6],
                                    events: [true, true, false, true, false, true, false, true, false, true])
        let curve = KaplanMeier.fit(data)[0]
        #expect(curve.group == nil)
        #expect(curve.times == [1, 2, 3, 4, 5, 6])
        #expect(curve.atRisk == [10, 9, 6, 5, 3, 2])   // the censored at 2 and 4 are at risk there
        #expect(curve.events == [1, 2, 0, 1, 1, 1])
        #expect(curve.censored == [0, 1, 1, 1, 0, 1])
        let s2: Double = 0.9 * 7 / 9
        let s4: Double = s2 * 4 / 5
        let s5: Double = s4 * 2 / 3
        let s: [Double] = [0.9, s2, s2, s4, s5, s5 / 2]
        for (a, b) in zip(curve.survival, s) { #expect(Swift.abs(a - b) < 1e-15) }
        let greenwood = 1.0 / 90 + 2.0 / 63
        #expect(Swift.abs(curve.standardError[1] - greenwood.squareRoot()) < 1e-15)
        #expect(Swift.abs(curve.survivalStandardError[1] - s[1] * greenwood.squareRoot()) < 1e-15)
        #expect(Swift.abs(curve.cumulativeHazard[1] - (0.1 + 2.0 / 9)) < 1e-15)
        #expect(curve.survival(at: 0.5) == 1)
        #expect(curve.survival(at: 2) == curve.survival[1])
        #expect(curve.survival(at: 2.5) == curve.survival[1])
        #expect(curve.survival(at: 100) == curve.survival[5])
        // log band by hand at row 0
        let band = curve.confidenceBand()
        let z = 1.959963984540054
        #expect(Swift.abs(band.lower[0]! - exp(log(0.9) - z * curve.standardError[0])) < 1e-15)
        #expect(band.upper[0] == 1)
    }

    @Test("A curve that reaches 0: infinite log-scale error and undefined limits")
    func reachesZero() throws {
        let curve = KaplanMeier.fit(try SurvivalData(times: [1, 2], events: [true, true]))[0]
        #expect(curve.survival == [0.5, 0])
        #expect(curve.standardError[1] == .infinity)
        #expect(curve.survivalStandardError[1].isNaN)
        for type in SurvivalConfidenceType.allCases {
            let band = curve.confidenceBand(type)
            #expect(band.lower[1] == nil && band.upper[1] == nil, "\(type)")
        }
    }

    @Test("Median rules: midpoint of a flat stretch, and quantile() vs print() at the end")
    func medians() throws {
        // S = 0.5 from t = 2 to the last time 4: quantile() → (2 + 4)/2, print() → 2.
        let flatEnd = KaplanMeier.fit(try SurvivalData(times: [1, 2, 3, 4], events: [true, true, false, false]))[0]
        #expect(flatEnd.median().estimate == 3)
        #expect(flatEnd.printedMedian().estimate == 2)
        // S = 0.5 on [2, 4), then 0: both give the midpoint 3.
        let flatThenDrop = KaplanMeier.fit(try SurvivalData(times: [1, 2, 3, 4], events: [true, true, false, true]))[0]
        #expect(flatThenDrop.median().estimate == 3)
        #expect(flatThenDrop.printedMedian().estimate == 3)
        // Never below 0.5: not reached.
        let censored = KaplanMeier.fit(try SurvivalData(times: [1, 2, 3, 4], events: [false, true, false, false]))[0]
        let twoThirds: Double = 2.0 / 3
        #expect(censored.survival == [1, twoThirds, twoThirds, twoThirds])
        #expect(censored.median().estimate == nil)
        #expect(censored.median().upper == nil)
        #expect(censored.printedMedian().estimate == nil)
        #expect(censored.quantile(0).estimate == 0)
    }

    @Test("Log-rank test of two groups by hand")
    func logRank() throws {
        // A: deaths at 1 and 3; B: death at 2, censored at 4. Risk sets: t=1 (2A,2B), t=2 (1A,2B), t=3 (1A,1B).
        let data = try SurvivalData(times: [1, 3, 2, 4], events: [true, true, true, false], groups: ["A", "A", "B", "B"])
        let test = try LogRankTest.compute(data)
        let expectedA = 2.0 / 4 + 1.0 / 3 + 1.0 / 2
        let varianceA = (2.0 / 4) * (2.0 / 4) + (1.0 / 3) * (2.0 / 3) + (1.0 / 2) * (1.0 / 2)
        #expect(test.groups == ["A", "B"])
        #expect(test.observed == [2, 1])
        #expect(Swift.abs(test.expected[0] - expectedA) < 1e-15)
        #expect(Swift.abs(test.expected[1] - (3 - expectedA)) < 1e-15)
        #expect(Swift.abs(test.variance[0, 0] - varianceA) < 1e-15)
        #expect(Swift.abs(test.variance[0, 1] + varianceA) < 1e-15)
        let chi = (1 - (3 - expectedA)) * (1 - (3 - expectedA)) / varianceA
        #expect(Swift.abs(test.chiSquare - chi) < 1e-14)
        #expect(test.degreesOfFreedom == 1)
        #expect(Swift.abs(test.pValue - erfc((chi / 2).squareRoot())) < 1e-14)
    }

    @Test("Log-rank errors: one group, singular variance")
    func logRankErrors() throws {
        let single = try SurvivalData(times: [1, 2], events: [true, false])
        #expect(throws: SurvivalError.fewerThanTwoGroups(1)) { try LogRankTest.compute(single) }
        let oneLabel = try SurvivalData(times: [1, 2], events: [true, false], groups: ["a", "a"])
        #expect(throws: SurvivalError.fewerThanTwoGroups(1)) { try LogRankTest.compute(oneLabel) }
        // Both subjects die at once: expected 1 each, zero variance.
        let allAtOnce = try SurvivalData(times: [1, 1], events: [true, true], groups: ["a", "b"])
        #expect(throws: SurvivalError.singularVariance) { try LogRankTest.compute(allAtOnce) }
    }

    @Test("Real versus synthetic pools the tables with their origin as the group")
    func realVersusSynthetic() throws {
        let real = try SurvivalData(times: [1, 3, 5], events: [true, true, false], groups: ["x", "y", "x"])
        let synthetic = try SurvivalData(times: [2, 4], events: [true, false])
        let pooled = SurvivalData.pooled(real: real, synthetic: synthetic)
        #expect(pooled.groups == ["real", "real", "real", "synthetic", "synthetic"])
        let test = try LogRankTest.compute(real: real, synthetic: synthetic)
        #expect(test == (try LogRankTest.compute(pooled)))
        #expect(test.subjectCounts == [3, 2])
    }

    @Test("Curve distance: the doc comment's example")
    func distance() throws {
        // a: S = 0.5 from t = 1, last time 4; b: S = 0.75 from t = 2, 0.25 from t = 3, last time 5.
        let a = KaplanMeier.fit(try SurvivalData(times: [1, 4], events: [true, false]))[0]
        let b = KaplanMeier.fit(try SurvivalData(times: [2, 3, 3, 5], events: [true, true, true, false]))[0]
        #expect(a.survival == [0.5, 0.5])
        #expect(b.survival == [0.75, 0.25, 0.25])
        let d = CurveDistance(a, b)
        #expect(d.horizon == 4)
        #expect(d.maximumGap == 0.5)
        #expect(d.maximumGapTime == 1)
        #expect(d.integratedGap == 1)
        #expect(d.meanGap == 0.25)
        #expect(CurveDistance(b, a) == d)
        let same = CurveDistance(a, a)
        #expect(same.maximumGap == 0 && same.integratedGap == 0)
        // Only time 0 in common: horizon 0, no mean.
        let zero = KaplanMeier.fit(try SurvivalData(times: [0], events: [true]))[0]
        #expect(CurveDistance(zero, a).horizon == 0)
        #expect(CurveDistance(zero, a).meanGap == nil)
        #expect(CurveDistance(zero, a).maximumGap == 1)
    }
}

import Testing
@testable import RareSynthEvaluate

/// `SurvivalComparison` against R on the fixture's real-versus-synthetic case (pbc deaths against
/// SDV's synthetic pbc; `Fixtures/survival/make_fixtures.R`).
@Suite struct SurvivalComparisonTests {
    static func tables() throws -> (real: [MetricColumn], synthetic: [MetricColumn]) {
        let fixture = try #require(SurvivalFixture.named("pbc real vs synthetic"))
        let origin = try #require(fixture.group)
        func side(_ name: String) -> [MetricColumn] {
            let rows = origin.indices.filter { origin[$0] == name }
            return [MetricColumn.numerical("time", rows.map { fixture.time[$0] }),
                    MetricColumn.categorical("status", rows.map { fixture.event[$0] == 1 ? "2" : "0" }),
                    MetricColumn.categorical("arm", rows.map { $0 % 3 == 0 ? "a" : "b" })]
        }
        return (side("real"), side("synthetic"))
    }

    @Test func wholeTableEqualsR() throws {
        let fixture = try #require(SurvivalFixture.named("pbc real vs synthetic"))
        let (real, synthetic) = try Self.tables()
        let c = try SurvivalComparison.compute(real: real, synthetic: synthetic, time: "time", event: "status", eventLabels: ["2"])
        let test = try #require(c.tests.first), expected = try #require(fixture.logrank)
        #expect(abs(test.chiSquare - expected.chisq) <= 1e-9 * max(1, expected.chisq))
        #expect(test.observed == expected.observed)
        for (a, b) in zip(test.expected, expected.expected) { #expect(abs(a - b) <= 1e-9 * max(1, b)) }
        let gap = try #require(c.gaps.first), distance = try #require(fixture.distance)
        #expect(abs(gap.maximumGap - distance.max_gap) <= 1e-9)
        #expect(abs(gap.integratedGap - distance.integrated_gap) <= 1e-9 * max(1, distance.integrated_gap))
        let curves = try #require(fixture.curves)
        for (origin, rCurve) in zip(["real", "synthetic"], curves) {
            let mine = try #require(c.curves.first { $0.origin == origin && $0.group == nil })
            #expect(mine.subjects == rCurve.n)
            let printed = try #require(rCurve.print["log"])
            #expect(mine.median == printed.median.value)
            #expect(mine.medianLower == printed.lower.value)
            #expect(mine.medianUpper == printed.upper.value)
        }
    }

    @Test func everyGroupIsComparedAndAMissingOneIsNamed() throws {
        let (real, original) = try Self.tables()
        var synthetic = original
        // The synthetic table loses group "a": the comparison must say so, not skip silently.
        synthetic[2] = MetricColumn.categorical("arm", Array(repeating: "b", count: synthetic[2].data.count))
        let c = try SurvivalComparison.compute(real: real, synthetic: synthetic, time: "time", event: "status",
                                               eventLabels: ["2"], group: "arm")
        #expect(c.tests.map(\.group) == [nil, "b"])
        #expect(c.omissions.map(\.group) == ["a"])
        #expect(c.curves.filter { $0.group == "b" }.count == 2)
    }

    @Test func invalidTimesAreErrorsNamingTheRow() throws {
        let real = [MetricColumn.numerical("t", [1, -2, 3]), MetricColumn.numerical("e", [1, 0, 1])]
        #expect(throws: SurvivalError.negativeTime(row: 1, value: -2)) {
            try SurvivalComparison.compute(real: real, synthetic: real, time: "t", event: "e")
        }
    }
}

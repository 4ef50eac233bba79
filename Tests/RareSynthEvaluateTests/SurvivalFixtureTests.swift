import Foundation
import RareSynthNumerics
import Testing
@testable import RareSynthEvaluate

/// Every fixture case against R `survival` (see `Fixtures/survival/README.md`): the KM table,
/// the confidence limits of each conf.type, quantile() and print() medians, survdiff, and the
/// curve distance of the real-versus-synthetic case.
@Suite("Survival curves agree with R's survival package")
struct SurvivalFixtureTests {
    static var caseNames: [String] { SurvivalFixture.shared.cases.map(\.name) }

    static func data(_ fixture: SurvivalFixture.Case) throws -> SurvivalData {
        try SurvivalData(times: fixture.time, events: fixture.event, groups: fixture.group, missingValues: .dropRow)
    }

    @Test("R's z for 95% equals Φ⁻¹(0.975) to the bit")
    func zValue() {
        #expect(SpecialFunctions.normalQuantile(0.975) == SurvivalFixture.shared.z975)
    }

    @Test("Kaplan–Meier tables, limits and quantiles", arguments: caseNames)
    func curves(name: String) throws {
        let fixture = try #require(SurvivalFixture.named(name))
        guard let expectedCurves = fixture.curves else { return }
        let curves = KaplanMeier.fit(try Self.data(fixture))
        try #require(curves.count == expectedCurves.count, "\(name): \(curves.count) curves, R has \(expectedCurves.count)")
        let agreement = SurvivalAgreement()
        for (curve, expected) in zip(curves, expectedCurves) {
            check(curve, expected, case: name, agreement: agreement)
        }
        agreement.report(name)
    }

    func check(_ curve: KaplanMeierCurve, _ expected: SurvivalFixture.Curve, case name: String, agreement a: SurvivalAgreement) {
        let label = "\(name) [\(expected.group ?? "all")]"
        #expect(curve.group == expected.group, "\(label): group")
        #expect(curve.subjectCount == expected.n, "\(label): n")
        #expect(curve.times.count == expected.n_rows, "\(label): rows")
        let rows = expected.row_index ?? Array(0..<expected.n_rows)
        guard curve.times.count == expected.n_rows else { return }
        let sStdErr = curve.survivalStandardError
        let bands = Dictionary(uniqueKeysWithValues: SurvivalConfidenceType.allCases.map { ($0.rawValue, curve.confidenceBand($0)) })
        for (k, row) in rows.enumerated() {
            #expect(curve.times[row] == expected.time[k], "\(label) row \(row): time")
            #expect(curve.atRisk[row] == expected.n_risk[k], "\(label) row \(row): n.risk")
            #expect(curve.events[row] == expected.n_event[k], "\(label) row \(row): n.event")
            #expect(curve.censored[row] == expected.n_censor[k], "\(label) row \(row): n.censor")
            #expect(a.matches(curve.survival[row], expected.surv[k], "surv"), "\(label) row \(row): surv")
            #expect(a.matches(curve.standardError[row], expected.std_err[k].value, "std.err (log scale)"), "\(label) row \(row): std.err")
            let s = sStdErr[row]
            #expect(a.matches(s.isNaN ? nil : s, expected.summary_std_err[k].value, "std.err of S (summary)"), "\(label) row \(row): summary std.err")
            #expect(a.matches(curve.cumulativeHazard[row], expected.cumhaz[k], "cumhaz"), "\(label) row \(row): cumhaz")
            #expect(a.matches(curve.cumulativeHazardStandardError[row], expected.std_chaz[k], "std.chaz"), "\(label) row \(row): std.chaz")
            for (type, limits) in expected.ci {
                let band = bands[type]!
                #expect(a.matches(band.lower[row], limits.lower[k].value, "lower (\(type))"), "\(label) row \(row): lower \(type)")
                #expect(a.matches(band.upper[row], limits.upper[k].value, "upper (\(type))"), "\(label) row \(row): upper \(type)")
            }
        }
        for type in SurvivalConfidenceType.allCases {
            let q = expected.quantile[type.rawValue]!
            for (j, p) in q.probs.enumerated() {
                let mine = curve.quantile(p, confidence: type)
                #expect(a.matches(mine.estimate, q.quantile[j].value, "quantile"), "\(label): quantile(\(p)) \(type)")
                #expect(a.matches(mine.lower, q.lower[j].value, "quantile lower"), "\(label): quantile(\(p)) lower \(type)")
                #expect(a.matches(mine.upper, q.upper[j].value, "quantile upper"), "\(label): quantile(\(p)) upper \(type)")
            }
            let printed = expected.print[type.rawValue]!
            let mine = curve.printedMedian(confidence: type)
            #expect(a.matches(mine.estimate, printed.median.value, "print median"), "\(label): print median \(type)")
            #expect(a.matches(mine.lower, printed.lower.value, "print median lower"), "\(label): print LCL \(type)")
            #expect(a.matches(mine.upper, printed.upper.value, "print median upper"), "\(label): print UCL \(type)")
            #expect(Double(curve.eventCount) == printed.events, "\(label): events")
        }
    }

    @Test("Log-rank tests", arguments: caseNames)
    func logRank(name: String) throws {
        let fixture = try #require(SurvivalFixture.named(name))
        guard let expected = fixture.logrank else { return }
        let test = try LogRankTest.compute(try Self.data(fixture))
        let a = SurvivalAgreement()
        defer { a.report(name) }
        #expect(test.groups == expected.groups)
        #expect(test.subjectCounts == expected.n)
        #expect(test.degreesOfFreedom == expected.df)
        for k in expected.groups.indices {
            #expect(a.matches(test.observed[k], expected.observed[k], "observed"), "\(name): observed \(k)")
            #expect(a.matches(test.expected[k], expected.expected[k], "expected"), "\(name): expected \(k)")
            for l in expected.groups.indices {
                #expect(a.matches(test.variance[k, l], expected.variance[k][l], "variance"), "\(name): var[\(k), \(l)]")
            }
        }
        #expect(a.matches(test.chiSquare, expected.chisq, "chisq"), "\(name): chisq \(test.chiSquare) vs \(expected.chisq)")
        // p-values are compared relatively at every size (nwtco's is 4e-26).
        if let p = expected.pvalue.value {
            let relative = Swift.abs(test.pValue - p) / p
            #expect(relative <= SurvivalAgreement.tolerance, "\(name): p \(test.pValue) vs \(p)")
            _ = a.matches(relative, 0, "p-value (relative)")
        } else {
            #expect(test.pValue.isNaN, "\(name): p should be NaN")
        }
    }

    @Test("Real-versus-synthetic curve distance matches an independent R computation")
    func distance() throws {
        let fixture = try #require(SurvivalFixture.named("pbc real vs synthetic"))
        let expected = try #require(fixture.distance)
        let curves = KaplanMeier.fit(try Self.data(fixture))
        try #require(curves.map(\.group) == ["real", "synthetic"])
        let d = CurveDistance(curves[0], curves[1])
        let a = SurvivalAgreement()
        defer { a.report("distance") }
        #expect(d.horizon == expected.horizon)
        #expect(d.maximumGapTime == expected.max_gap_time)
        #expect(a.matches(d.maximumGap, expected.max_gap, "distance: max gap"))
        #expect(a.matches(d.integratedGap, expected.integrated_gap, "distance: integrated gap"))
        #expect(a.matches(d.meanGap, expected.mean_gap, "distance: mean gap"))
    }

    @Test("The fixture was made by the versions the README names")
    func provenance() {
        #expect(SurvivalFixture.shared.survival_version == "3.5.3")
        #expect(SurvivalFixture.shared.r_version.hasPrefix("R version 4.2.2"))
        #expect(SurvivalFixture.shared.cases.count == 20)
    }
}

import Foundation
import Testing
@testable import RareSynthEvaluate

/// The DiagnosticReport against SDMetrics 0.32 itself on the fixture cases. The required floor is
/// 0.005; the scores are ratios of counts, so they are checked to 1e-12.
@Suite struct DiagnosticFixtureTests {
    @Test(arguments: fidelityCases)
    func reportMatchesSDMetrics(_ name: String) throws {
        let input = try DiagnosticFixture.load(case: name)
        let expected = try FidelityExpected.load(case: name).diagnostic
        let report = DiagnosticReport.compute(real: input.real, synthetic: input.synthetic, metadata: input.metadata)
        var agreement = Agreement(tolerance: 1e-12)
        agreement.check("overall", report.overall, expected.overall, name)
        agreement.check("validity", report.dataValidity, expected.data_validity, name)
        agreement.check("structure", report.dataStructure, expected.data_structure, name)
        #expect(report.validityDetails.map(\.columns) == expected.details.map(\.columns))
        #expect(report.validityDetails.map(\.metric.rawValue) == expected.details.map(\.metric))
        for (d, e) in zip(report.validityDetails, expected.details) {
            agreement.check("detail", d.score, e.score, "\(d.columns) \(d.metric)")
            #expect((d.error == nil) == (e.error == nil), "\(d.columns) \(d.metric): error \(String(describing: d.error)) vs \(e.error ?? "none")")
        }
        print("diagnostic \(name): \(agreement.summary)")
    }

    /// The dtypes the fixture loader states are the ones pandas had (before SDMetrics converts
    /// the datetime columns).
    @Test(arguments: fidelityCases)
    func dtypesMatchPandas(_ name: String) throws {
        let input = try DiagnosticFixture.load(case: name)
        let expected = try FidelityExpected.load(case: name).diagnostic.dtypes_before_conversion
        for (table, side) in [(input.real, "real"), (input.synthetic, "synthetic")] {
            for column in table.storage {
                #expect(column.dtype.description == expected[side]?[column.name], "\(side) \(column.name)")
            }
        }
    }
}

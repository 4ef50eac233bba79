import Foundation
import Testing
@testable import RareSynthEvaluate

/// `GroupFairness` against fairlearn 0.15.0 (`Fixtures/fairness/make_fixtures.py`): lung's death
/// rate by sex and by ECOG in the real training rows and SDV's synthetic rows, and a fixed rule's
/// predictions on the holdout rows.
@Suite struct GroupFairnessTests {
    struct Fixture: Decodable {
        struct Rates: Decodable { var selection_rate: Double; var tpr: Double; var fpr: Double }
        struct Case: Decodable {
            var name: String
            var truth: [Bool]
            var predicted: [Bool]
            var groups: [String]
            var by_group: [String: Rates]
            var demographic_parity_difference: Double
            var demographic_parity_ratio: Double
            var equal_opportunity_difference: Double
            var equalized_odds_difference: Double
        }
        var fairlearn: String
        var cases: [Case]
    }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "fairness", withExtension: "json", subdirectory: "Fixtures/fairness")!
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    @Test(arguments: fixture.cases.map(\.name)) func equalsFairlearn(_ name: String) throws {
        let c = try #require(Self.fixture.cases.first { $0.name == name })
        let f = try #require(GroupFairness.compute(truth: c.truth, predicted: c.predicted, groups: c.groups))
        #expect(f.groups.map(\.group) == c.by_group.keys.sorted())
        for g in f.groups {
            let r = try #require(c.by_group[g.group])
            #expect(abs(g.selectionRate - r.selection_rate) < 1e-15)
            #expect(abs(g.truePositiveRate - r.tpr) < 1e-15)
            #expect(abs(g.falsePositiveRate - r.fpr) < 1e-15)
        }
        #expect(abs(f.demographicParityDifference - c.demographic_parity_difference) < 1e-15)
        #expect(abs(try #require(f.disparateImpactRatio) - c.demographic_parity_ratio) < 1e-15)
        #expect(abs(f.equalOpportunityDifference - c.equal_opportunity_difference) < 1e-15)
        #expect(abs(f.equalizedOddsDifference - c.equalized_odds_difference) < 1e-15)
    }

    @Test func aSingleGroupHasNothingToCompare() {
        #expect(GroupFairness.outcomes([true, false, nil], groups: ["a", "a", "b"]) == nil)
    }
}

import Foundation
import Testing
@testable import RareSynthEvaluate

/// `PropensityMSE` against statsmodels' maximum-likelihood `Logit` (`Fixtures/propensity`), on the
/// real training rows and SDV 2.0.0's synthetic rows of the `privacy/` fixture cases.
@Suite struct PropensityMSETests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            var `case`: String
            var rows: Int
            var parameters: Int
            var synthetic_share: Double
            var pmse: Double
            var null_expectation: Double
            var s_pmse: Double
            var converged: Bool
        }
        var cases: [Case]
    }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "propensity", withExtension: "json", subdirectory: "Fixtures/propensity")!
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    @Test func pbcEqualsTheMaximumLikelihoodFit() throws {
        let expected = try #require(Self.fixture.cases.first { $0.case == "pbc-sdv" })
        #expect(expected.converged)
        let c = PrivacyCase.named("pbc-sdv")
        let r = try PropensityMSE.compute(real: c.train, synthetic: c.synthetic)
        #expect(r.rows == expected.rows)
        #expect(r.parameters == expected.parameters)
        #expect(r.syntheticShare == expected.synthetic_share)
        #expect(abs(r.pMSE - expected.pmse) < 1e-7)
        #expect(abs(r.nullExpectation - expected.null_expectation) < 1e-15)
        #expect(abs(try #require(r.standardized) - expected.s_pmse) < 1e-4)
    }

    @Test func separatedCategoriesStillGiveTheLimitingFit() throws {
        // In lung a category occurs in one table only, so the MLE does not exist (statsmodels
        // stops unconverged): the fitted probabilities of those rows tend to 0 or 1 and pMSE to a
        // limit that both fits approach from below.
        let expected = try #require(Self.fixture.cases.first { $0.case == "lung-sdv" })
        let c = PrivacyCase.named("lung-sdv")
        let r = try PropensityMSE.compute(real: c.train, synthetic: c.synthetic)
        #expect(r.parameters == expected.parameters)
        #expect(abs(r.pMSE - expected.pmse) < 1e-3)
    }

    @Test func identicalTablesAreIndistinguishable() throws {
        let c = PrivacyCase.named("pbc-sdv")
        let r = try PropensityMSE.compute(real: c.train, synthetic: c.train)
        #expect(r.pMSE < 1e-12)
        #expect(r.syntheticShare == 0.5)
    }
}

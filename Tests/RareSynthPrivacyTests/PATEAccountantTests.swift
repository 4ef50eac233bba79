import Foundation
@testable import RareSynthPrivacy
import Testing

/// PATE's data-dependent moments against Fixtures/pate_moments.json (made by
/// Fixtures/make_pate_fixtures.py from Papernot et al. 2017's formulas, and checked there against
/// smartnoise-synth 1.0.8's `moments_acc` terms), and how the ledger composes them.
@Suite struct PATEAccountantTests {
    struct Fixture: Decodable {
        struct Case: Decodable { let teachers: Int, lambda: Double, votes: Int, q: Double, dataDependentValid: Bool, logMoments: [Double] }
        let orders: [Int]
        let cases: [Case]
    }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "pate_moments", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    @Test func queryMomentsMatchTheReference() throws {
        #expect(Self.fixture.orders == Array(1...100))
        #expect(Self.fixture.cases.contains { $0.dataDependentValid } && Self.fixture.cases.contains { !$0.dataDependentValid })
        for c in Self.fixture.cases {
            let accountant = try PATEAccountant(teachers: c.teachers, lambda: c.lambda)
            let ours = accountant.queryMoments(votes: c.votes)
            for (a, b) in zip(ours, c.logMoments) {
                #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "k \(c.teachers) λ \(c.lambda) votes \(c.votes): \(a) vs \(b)")
            }
        }
    }

    /// Unanimous teachers cost less than split ones, and never more than the data-independent
    /// bound 2λ²l(l+1); moments add over queries; the ledger's RDP at order a is α(⌈a⌉−1)/(⌈a⌉−1).
    @Test func momentsComposeIntoTheLedger() throws {
        var accountant = try PATEAccountant(teachers: 10, lambda: 0.5)
        let unanimous = accountant.queryMoments(votes: 10), split = accountant.queryMoments(votes: 5)
        for l in 1...100 {
            #expect(unanimous[l - 1] <= split[l - 1])
            #expect(split[l - 1] <= 2 * 0.25 * Double(l * (l + 1)) * (1 + 1e-15))
        }
        accountant.record(votes: [10, 0, 10, 5])
        #expect(accountant.queries == 4)
        for l in [1, 7, 63] {
            let expected = 3 * unanimous[l - 1] + split[l - 1]
            #expect(abs(accountant.logMoments[l - 1] - expected) <= 1e-12 * expected)
        }
        #expect(accountant.renyiDivergence(order: 8) == accountant.logMoments[6] / 7)
        #expect(accountant.renyiDivergence(order: 7.3) == accountant.logMoments[6] / 7)
        var ledger = RenyiAccountant()
        ledger.charge("PATE", .pate(accountant))
        #expect(ledger.renyiDivergences == ledger.orders.map { accountant.renyiDivergence(order: $0) })
        // The ledger's (Balle et al.) conversion is at least as tight as the moments accountant's own.
        #expect(ledger.epsilon(delta: 1e-5).epsilon <= accountant.momentsEpsilon(delta: 1e-5))
        #expect(throws: PrivacyError.self) { try PATEAccountant(teachers: 0, lambda: 0.5) }
        #expect(throws: PrivacyError.self) { try PATEAccountant(teachers: 5, lambda: 0) }
    }
}

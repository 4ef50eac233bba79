import Foundation
import RareSynthNumerics
import Testing
@testable import RareSynthSimulate

@Suite struct MortalityTests {
    /// Broomfield et al. 2021's DMD survival points, as in specs/duchenne-muscular-dystrophy.yaml.
    static let points: [(age: Double, survival: Double)] = [(10, 0.998), (20, 0.595), (30, 0.261), (40, 0.133)]

    @Test func aSurvivalCurveIsReproducedAtItsAges() throws {
        let m = try #require(Mortality(survival: Self.points))
        for (age, s) in Self.points { #expect(abs(m.survival(atAge: age) - s) < 1e-12) }
        // Between points the hazard is constant: S(25) = S(20)·(S(30)/S(20))^½.
        #expect(abs(m.survival(atAge: 25) - 0.595 * (0.261 / 0.595).squareRoot()) < 1e-12)
        // Past the last point, the last interval's hazard continues.
        #expect(abs(m.survival(atAge: 50) - 0.133 * 0.133 / 0.261) < 1e-12)
        #expect(Mortality(survival: [(10, 0.9), (20, 0.95)]) == nil)
        #expect(Mortality(survival: [(10, 0.9), (5, 0.8)]) == nil)
    }

    @Test func theCumulativeHazardInvertsExactly() {
        let m = Mortality(starts: [0, 5, 15, 40], hazards: [0.01, 0, 0.2, 0.05])
        for age in stride(from: 0.0, through: 80, by: 0.7) {
            let h = m.cumulativeHazard(atAge: age)
            let back = m.age(atCumulativeHazard: h)
            // Inside the flat band [5, 15) every age has the same H; the inverse gives its start.
            if age > 5 && age < 15 { #expect(back == 5) } else { #expect(abs(back - age) < 1e-9, "\(age) → \(back)") }
        }
        #expect(Mortality.none.deathAge(aliveAt: 3, uniform: 0.5) == .infinity)
    }

    /// Death ages drawn for people alive at 12 follow S(a)/S(12): the share still alive at each
    /// curve age is within 4 binomial standard errors of it.
    @Test func drawnDeathAgesFollowTheConditionalSurvival() throws {
        let m = try #require(Mortality(survival: Self.points))
        var rng = SeededRandom(seed: 11)
        let n = 40_000
        let ages = (0..<n).map { _ in m.deathAge(aliveAt: 12, uniform: rng.nextUniform()) }
        for age in [15.0, 20, 25, 30, 40, 55] {
            let expected = m.survival(atAge: age) / m.survival(atAge: 12)
            let observed = Double(ages.filter { $0 > age }.count) / Double(n)
            let se = (expected * (1 - expected) / Double(n)).squareRoot()
            #expect(abs(observed - expected) < 4 * se + 1e-9, "age \(age): \(observed) vs \(expected)")
        }
        #expect(ages.allSatisfy { $0 >= 12 })
    }
}

import Foundation
import RareSynthNumerics
import Testing

/// `SpecialFunctions.fastExp` against glibc's exp (correctly rounded to < 0.51 ulp since glibc
/// 2.28), so a difference of 2 ulp bounds our error by ~1.5 ulp.
@Suite("Branch-free exp")
struct FastExpTests {
    @Test func matchesLibmOverTheNormalRange() {
        var worst = (error: 0.0, x: 0.0)
        var generator = SeededRandom(seed: 17)
        let grid = stride(from: -708.39, through: 709.78, by: 0.0137).map { $0 }
            + (0..<20_000).map { _ in (generator.nextUniform() - 0.5) * 4 } // the reduction's seams near 0
        for x in grid {
            let expected = exp(x)
            let error = abs(SpecialFunctions.fastExp(x) - expected) / expected
            if error > worst.error { worst = (error, x) }
        }
        #expect(worst.error < 2 * Double.ulpOfOne, "max relative error \(worst.error) at x = \(worst.x)")
    }

    @Test func edgeCases() {
        #expect(SpecialFunctions.fastExp(0) == 1)
        #expect(SpecialFunctions.fastExp(.nan).isNaN)
        #expect(SpecialFunctions.fastExp(-.infinity) == 0)
        #expect(SpecialFunctions.fastExp(.infinity) == .infinity)
        #expect(SpecialFunctions.fastExp(710) == .infinity)
        // Just below the overflow threshold (n = 1024 in the reduction) the result is finite.
        let top = SpecialFunctions.fastExp(709.78)
        #expect(top.isFinite && abs(top - exp(709.78)) / exp(709.78) < 2 * Double.ulpOfOne)
        // Subnormal results are flushed to zero (documented).
        #expect(SpecialFunctions.fastExp(-708.4) == 0)
        #expect(SpecialFunctions.fastExp(-1000) == 0)
        #expect(SpecialFunctions.fastExp(-708.39) >= Double.leastNormalMagnitude)
    }
}

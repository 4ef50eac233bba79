import Testing
@testable import RareSynthEvaluate
import RareSynthNumerics

/// The detection score's orchestration: the per-fold learners and AUC equal scikit-learn's
/// (`RareSynthLearnTests`); here, that chance-level and separable tables land where the
/// definition puts them, and that the seed fixes the result.
@Suite struct DetectionScoreTests {
    static func normal(_ n: Int, shift: Double, seed: UInt64) -> [MetricColumn] {
        var random = SeededRandom(seed: seed)
        let x = (0..<n).map { _ in random.nextStandardNormal() + shift }
        let group = (0..<n).map { _ in random.nextUniform() < 0.3 ? "a" : "b" }
        return [.numerical("x", x), .categorical("g", group)]
    }

    @Test func tablesFromOneDistributionScoreNearOne() throws {
        let d = try DetectionScore.compute(real: Self.normal(400, shift: 0, seed: 1), synthetic: Self.normal(400, shift: 0, seed: 2))
        #expect(abs(d.auc - 0.5) < 0.07)
        #expect(d.score > 0.85)
        #expect(d.foldAUCs.count == 5)
    }

    @Test func separableTablesScoreNearZero() throws {
        let d = try DetectionScore.compute(real: Self.normal(300, shift: 0, seed: 1), synthetic: Self.normal(300, shift: 6, seed: 2))
        #expect(d.auc > 0.99)
        #expect(d.score < 0.02)
    }

    @Test func theSeedFixesTheResult() throws {
        let real = Self.normal(200, shift: 0, seed: 3), synthetic = Self.normal(200, shift: 0.5, seed: 4)
        let a = try DetectionScore.compute(real: real, synthetic: synthetic, model: .randomForest, seed: 7)
        let b = try DetectionScore.compute(real: real, synthetic: synthetic, model: .randomForest, seed: 7, threads: 1)
        #expect(a == b)
        // A half-SD shift: the best possible AUC is Φ(0.5/√2) ≈ 0.64, which a linear model reaches.
        let linear = try DetectionScore.compute(real: real, synthetic: synthetic, seed: 7)
        #expect(linear.auc > 0.55 && linear.auc < 0.75)
    }
}

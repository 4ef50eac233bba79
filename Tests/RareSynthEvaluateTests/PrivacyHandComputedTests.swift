import Foundation
@testable import RareSynthEvaluate
import RareSynthNumerics
import Testing

/// Small tables whose results can be worked out by hand, for the rules no fixture isolates.
@Suite struct HandComputedTests {
    /// Classes on (sex, stage): (f,1)×3, (f,nil)×2, (m,1)×1, (m,2)×2 — missing is a value.
    static let table: [MetricColumn] = [
        .categorical("sex", ["f", "f", "f", "f", "f", "m", "m", "m"]),
        .numerical("stage", [1, 1, 1, nil, nil, 1, 2, 2]),
        .categorical("diagnosis", ["a", "b", "a", "a", "a", "c", "b", nil]),
    ]

    @Test func kAnonymityAndLDiversity() throws {
        let result = try KAnonymity(table: Self.table, quasiIdentifiers: ["sex", "stage"], sensitive: "diagnosis", threshold: 3)
        #expect(result.k == 1)
        #expect(result.classCount == 4)
        #expect(result.rowsBelowThreshold == 5)       // (f,nil) 2 + (m,1) 1 + (m,2) 2
        #expect(result.shareBelowThreshold == 5.0 / 8)
        #expect(result.l == 1)                        // (f,nil) has only "a"; (m,2) has "b" and missing
        let coarse = try KAnonymity(table: Self.table, quasiIdentifiers: ["sex"], sensitive: "diagnosis")
        #expect(coarse.k == 3 && coarse.classCount == 2 && coarse.l == 2 && coarse.rowsBelowThreshold == 3)
        #expect(throws: PrivacyMetricError.noColumns("quasi-identifier")) {
            try KAnonymity(table: Self.table, quasiIdentifiers: [])
        }
    }

    /// Keys (sex, stage); target diagnosis. Original classes as above; synthetic:
    /// (f,1): a, a → disclosive "a"; (f,nil): b → disclosive "b"; (m,1): c → disclosive "c";
    /// (m,3): a. So: iS = rows with keys (f,1),(f,nil),(m,1) = 6; DiS = 6; DiSCO = (f,1) rows with
    /// "a" (2) + (f,nil) rows with "b" (0) + (m,1) rows with "c" (1) = 3; uniques in the original:
    /// (m,1) only, unique in the synthetic too ⇒ repU = 1 row.
    @Test func synthpopMeasures() throws {
        let synthetic: [MetricColumn] = [
            .categorical("sex", ["f", "f", "f", "m", "m"]),
            .numerical("stage", [1, 1, nil, 1, 3]),
            .categorical("diagnosis", ["a", "a", "b", "c", "a"]),
        ]
        let r = try SynthpopDisclosure(original: Self.table, synthetic: synthetic, keys: ["sex", "stage"], target: "diagnosis")
        #expect(r.uiO == 100.0 / 8)
        #expect(r.uiS == 300.0 / 5)                     // (f,nil), (m,1), (m,3)
        #expect(r.uiOiS == 100.0 / 8 && r.repU == 100.0 / 8)
        #expect(r.iS == 600.0 / 8 && r.diS == 600.0 / 8)
        #expect(r.diSCO == 300.0 / 8)
        // Original keys fixing the target: (f,nil) "a","a" and (m,1) "c" ⇒ 3 rows; of the DiSCO rows
        // only (m,1) is also fixed in the original.
        #expect(r.dOrig == 300.0 / 8)
        #expect(r.diSDiO == 100.0 / 8)
        #expect(r.tcap == 50)                           // DiSCO / iS
        #expect(throws: PrivacyMetricError.overlappingColumns("sex")) {
            try SynthpopDisclosure(original: Self.table, synthetic: synthetic, keys: ["sex"], target: "sex")
        }
    }

    /// Training rows copied into the synthetic data are at DCR 0; holdout rows are not.
    @Test func membershipInferenceDetectsCopies() throws {
        let training: [MetricColumn] = [.numerical("x", [0, 10, 20, 30])]
        let holdout: [MetricColumn] = [.numerical("x", [5, 15, 25])]
        let synthetic: [MetricColumn] = [.numerical("x", [0, 10, 20, 30, 0])]
        let attack = try DistanceMembershipInference(training: training, holdout: holdout, synthetic: synthetic)
        #expect(attack.auc == 1)
        let fair = try DistanceMembershipInference(training: training, holdout: training, synthetic: synthetic)
        #expect(fair.auc == 0.5)
    }

    /// The tolerance is relative to the synthetic value: 100 vs 101 matches (|Δ| = 1 ≤ 1.01),
    /// 0 needs 0, and missing must meet missing.
    @Test func newRowSynthesisTolerance() throws {
        let real: [MetricColumn] = [.numerical("x", [100, 0, nil]), .categorical("c", ["a", "a", "b"])]
        let synthetic: [MetricColumn] = [
            .numerical("x", [101, 99, 0.001, 0, nil, nil, 98.9]),
            .categorical("c", ["a", "a", "a", "a", "b", "a", "a"]),
        ]
        let r = try NewRowSynthesis(real: real, synthetic: synthetic)
        // 101 ✓ (1 ≤ 1.01), 99 ✓ (1 ≤ 0.99? no) — |100 − 99| = 1 > 0.99 ⇒ new; 0.001 ⇒ new;
        // 0 ✓ (real 0); (nil, b) ✓; (nil, a) ⇒ new; 98.9 ⇒ new (1.1 > 0.989).
        #expect(r.matchedRows == 3 && r.newRows == 4)
        #expect(r.score == 4.0 / 7)
    }

    /// pandas' `cut`: edges linspace(0, 10, 11) with the first lowered by 0.01; the synthetic
    /// column uses open outer bins.
    @Test func disclosureBinsFollowPandasCut() throws {
        let cut = try DisclosureProtection.binned(real: [0, 5, 10, nil], synthetic: [-3, 11, 5.5, 1, nil], bins: 10, name: "x")
        #expect(cut.real == ["0", "4", "9", nil])
        #expect(cut.synthetic == ["0", "9", "5", "0", nil])
        // A constant column is widened by 0.1 % first: edges linspace(1.998, 2.002, 11), whose
        // sixth edge rounds to 2.0 exactly, so 2 closes bin 4 (pandas 2.3.3 gives the same).
        let constant = try DisclosureProtection.binned(real: [2, 2], synthetic: [2.003, 1, 2, 1.9996], bins: 10, name: "x")
        #expect(constant.real == ["4", "4"])
        #expect(constant.synthetic == ["9", "0", "4", "4"])
    }

    /// Known sex; sensitive diagnosis. Real rows: f→a, f→b, m→c. Synthetic: f→a, f→a, m→b.
    /// CAP: f rows see a with 1.0 (row a) and 0.0 (row b); m row sees c with 0 ⇒ mean 1/3,
    /// protection 2/3; baseline 1 − 1/3 (3 diagnoses) ⇒ score 1.
    @Test func disclosureProtectionByHand() throws {
        let real: [MetricColumn] = [.categorical("sex", ["f", "f", "m"]), .categorical("diagnosis", ["a", "b", "c"])]
        let synthetic: [MetricColumn] = [.categorical("sex", ["f", "f", "m"]), .categorical("diagnosis", ["a", "a", "b"])]
        let r = try DisclosureProtection(real: real, synthetic: synthetic, knownColumns: ["sex"], sensitiveColumns: ["diagnosis"])
        #expect(r.capProtection == 1 - 1.0 / 3)
        #expect(r.baselineProtection == 1 - 1.0 / 3)
        #expect(r.score == 1)
        // A key the synthetic data lacks: CAP skips the row, zero-CAP counts it as 0.
        let other: [MetricColumn] = [.categorical("sex", ["f", "f", "x"]), .categorical("diagnosis", ["a", "a", "b"])]
        let cap = try DisclosureProtection(real: real, synthetic: other, knownColumns: ["sex"], sensitiveColumns: ["diagnosis"])
        #expect(cap.capProtection == 0.5)
        let zero = try DisclosureProtection(real: real, synthetic: other, knownColumns: ["sex"], sensitiveColumns: ["diagnosis"],
                                            method: .zeroCAP)
        #expect(zero.capProtection == 1 - 1.0 / 3)
        // Generalized CAP: "m" is one column away from both "f" and "x": all three synthetic rows.
        let general = try DisclosureProtection(real: real, synthetic: other, knownColumns: ["sex"], sensitiveColumns: ["diagnosis"],
                                               method: .generalizedCAP)
        #expect(general.capProtection == 1 - (1.0 + 0.0 + 0.0) / 3)
    }

    @Test func overfittingCountsTiesAsHoldout() throws {
        let training: [MetricColumn] = [.numerical("x", [0, 10])]
        let holdout: [MetricColumn] = [.numerical("x", [0, 10])]
        let synthetic: [MetricColumn] = [.numerical("x", [0, 4, 9])]
        let r = try DCROverfittingProtection(training: training, synthetic: synthetic, holdout: holdout)
        #expect(r.closerToTraining == 0)
        #expect(r.score == 1)
    }

    @Test func subsampledOverfittingOnEqualTablesIsTheFullScore() throws {
        // Each draw of all rows is a permutation: the DCRs, ranges and comparisons are unchanged.
        var random = SeededRandom(seed: 11)
        func table(_ n: Int) -> [MetricColumn] {
            [.numerical("x", (0..<n).map { _ in random.nextStandardNormal() }),
             .categorical("c", (0..<n).map { _ in ["a", "b", "c"][random.nextInt(below: 3)] })]
        }
        let (training, synthetic, holdout) = (table(60), table(60), table(60))
        let full = try DCROverfittingProtection(training: training, synthetic: synthetic, holdout: holdout)
        let draws = try DCROverfittingProtection.subsampled(training: training, synthetic: synthetic, holdout: holdout,
                                                            rows: 60, iterations: 3, seed: 5)
        #expect(draws.rows == 60 && draws.iterations == 3)
        #expect(abs(draws.score - full.score) < 1e-12)
        #expect(abs(draws.closerToTraining - full.closerToTraining) < 1e-12)
    }

    @Test func subsampledOverfittingCorrectsUnequalSizes() throws {
        // An honest generator (synthetic rows drawn like the real ones) with 4 training rows per
        // holdout row: on all rows ~80% sit closer to training (score ≈ 0.4); with every table cut
        // to the holdout's size ~50% do (score ≈ 1), as SDMetrics' subsampling mode expects.
        var random = SeededRandom(seed: 12)
        func table(_ n: Int) -> [MetricColumn] {
            [.numerical("x", (0..<n).map { _ in random.nextStandardNormal() }),
             .numerical("y", (0..<n).map { _ in random.nextStandardNormal() })]
        }
        let (training, synthetic, holdout) = (table(800), table(800), table(200))
        let full = try DCROverfittingProtection(training: training, synthetic: synthetic, holdout: holdout)
        #expect(full.closerToTraining > 0.7 && full.score < 0.6)
        let draws = try DCROverfittingProtection.subsampled(training: training, synthetic: synthetic, holdout: holdout,
                                                            rows: 200, iterations: 3, seed: 5)
        #expect(draws.rows == 200)
        #expect(abs(draws.closerToTraining - 0.5) < 0.1 && draws.score > 0.8, "\(draws)")
        let again = try DCROverfittingProtection.subsampled(training: training, synthetic: synthetic, holdout: holdout,
                                                            rows: 200, iterations: 3, seed: 5, threads: 1)
        #expect(again == draws)
    }

    @Test func randomBaselineFollowsColumnTypes() {
        let real: [MetricColumn] = [
            .numerical("count", [1, 5, 3]),
            .numerical("level", [0.5, 2.5, nil]),
            .categorical("grade", ["50", "70", "100"]),
            .categorical("site", ["north", "south", nil]),
            .datetime("visit", nanosecondsSinceEpoch: [0, 86_400e9]),
        ]
        let random = DCRBaselineProtection.randomBaseline(like: real, rows: 2_000, seed: 3)
        #expect(random == DCRBaselineProtection.randomBaseline(like: real, rows: 2_000, seed: 3))
        guard case .numerical(let counts) = random[0].data, case .numerical(let levels) = random[1].data,
              case .categorical(let grades) = random[2].data, case .categorical(let sites) = random[3].data,
              case .numerical(let visits) = random[4].data else {
            Issue.record("kinds changed")
            return
        }
        let countsInRange = counts.allSatisfy { (v: Double?) -> Bool in
            guard let v else { return false }
            return v >= 1 && v <= 5 && v == v.rounded()
        }
        #expect(countsInRange)
        #expect(Set(counts.compactMap { $0 }).count == 5)
        let presentLevels = levels.compactMap { $0 }
        #expect(presentLevels.allSatisfy { $0 >= 0.5 && $0 < 2.5 })
        let missingShare = Double(levels.count - presentLevels.count) / 2_000
        #expect(Swift.abs(missingShare - 1.0 / 3) < 0.05)
        // Numeric-coded categories draw any integer in [50, 100]; real categories keep their labels.
        let gradesInRange = grades.allSatisfy { (label: String?) -> Bool in
            guard let v = label.flatMap(Double.init) else { return false }
            return v >= 50 && v <= 100
        }
        #expect(gradesInRange)
        #expect(grades.contains("70") && grades.contains("51"))
        #expect(Set(sites.compactMap { $0 }) == ["north", "south"])
        let visitsInRange = visits.allSatisfy { (v: Double?) -> Bool in
            guard let v else { return false }
            return v >= 0 && v <= 86_400e9
        }
        #expect(visitsInRange)
    }
}

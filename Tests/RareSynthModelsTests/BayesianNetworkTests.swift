import Foundation
@testable import RareSynthModels
import RareSynthNumerics
import RareSynthPrivacy
import RareSynthTransform
import Testing

/// The Bayesian network synthesizer and PrivBayes: mutual information against scikit-learn,
/// the score's sensitivity bound, structure recovery, and the budget.
@Suite struct BayesianNetworkTests {
    /// `sklearn.metrics.mutual_info_score` (scikit-learn 1.9.1, natural log) on these arrays:
    ///     x  = [(i*7 + i//5) % 3 for i in range(60)]
    ///     p1 = [(i*5) % 4 for i in range(60)];  p2 = [(i//7) % 2 for i in range(60)]
    ///     joint = [a*2 + b for a, b in zip(p1, p2)]
    ///     x2 = [(a + b) % 3 if i % 4 else 0 for i, (a, b) in enumerate(zip(p1, p2))]
    /// mutual_info_score(x, p1) = 0.0, (x, joint) = 0.022800114960671393,
    /// (x2, joint) = 1.059559459715525.
    @Test func mutualInformationMatchesScikitLearn() {
        let x: [Int32] = (0..<60).map { (i: Int) -> Int32 in Int32((i * 7 + i / 5) % 3) }
        let p1: [Int32] = (0..<60).map { (i: Int) -> Int32 in Int32((i * 5) % 4) }
        let p2: [Int32] = (0..<60).map { (i: Int) -> Int32 in Int32((i / 7) % 2) }
        let x2: [Int32] = (0..<60).map { (i: Int) -> Int32 in
            let sum = Int(p1[i]) + Int(p2[i])
            return Int32(i % 4 == 0 ? 0 : sum % 3)
        }
        #expect(abs(BayesianNetwork.mutualInformation(x, 3, [p1], [4])) < 1e-12)
        #expect(abs(BayesianNetwork.mutualInformation(x, 3, [p1, p2], [4, 2]) - 0.022800114960671393) < 1e-12)
        #expect(abs(BayesianNetwork.mutualInformation(x2, 3, [p1, p2], [4, 2]) - 1.059559459715525) < 1e-12)
    }

    /// Adding one row to a table changes n·I(X; Π) by at most the stated sensitivity, on
    /// random tables of every shape tried, including adversarial ones (all rows in one cell,
    /// one row per cell). Removing is the same change read backwards.
    @Test func scoreChangesByAtMostItsSensitivity() {
        var rng = SeededRandom(seed: 17)
        var worst = 0.0
        for trial in 0..<400 {
            let n = 1 + rng.nextInt(below: trial < 200 ? 30 : 300)
            let xs = 2 + rng.nextInt(below: 4), ps = 2 + rng.nextInt(below: 5)
            let skew = rng.nextInt(below: 3)
            func draw(_ size: Int) -> Int32 { skew == 0 ? 0 : Int32(skew == 1 ? rng.nextInt(below: size) : Swift.min(size - 1, rng.nextInt(below: 2))) }
            var x = (0..<n).map { _ in draw(xs) }, p = (0..<n).map { _ in draw(ps) }
            let before = Double(n) * BayesianNetwork.mutualInformation(x, xs, [p], [ps])
            x.append(Int32(rng.nextInt(below: xs)))
            p.append(Int32(rng.nextInt(below: ps)))
            let after = Double(n + 1) * BayesianNetwork.mutualInformation(x, xs, [p], [ps])
            let change = abs(after - before)
            // The bound for datasets of up to n + 1 rows is scoreSensitivity(rows: n).
            #expect(change <= BayesianNetwork.scoreSensitivity(rows: n) + 1e-9, "n = \(n): change \(change)")
            worst = max(worst, change / BayesianNetwork.scoreSensitivity(rows: n))
        }
        // The bound is not loose by orders of magnitude: some change comes within half of it.
        #expect(worst > 0.5)
    }

    /// Three columns where b copies a (90 %) and c is independent noise, plus a continuous
    /// column that follows b: the plain network finds b–a and the continuous column's parent,
    /// and its samples reproduce P(b | a) within sampling error.
    @Test func plainNetworkRecoversDependencies() throws {
        var rng = SeededRandom(seed: 5)
        let n = 3000
        let a = (0..<n).map { _ in Int32(rng.nextInt(below: 3)) }
        let b = a.map { rng.nextUniform() < 0.9 ? $0 : Int32(rng.nextInt(below: 3)) }
        let c = (0..<n).map { _ in Int32(rng.nextInt(below: 2)) }
        let v = b.map { Double($0) * 10 + rng.nextUniform() }
        let table = EncodedTable(columns: [
            EncodedColumn(name: "a", values: .discrete(codes: a, levelCount: 3)),
            EncodedColumn(name: "b", values: .discrete(codes: b, levelCount: 3)),
            EncodedColumn(name: "c", values: .discrete(codes: c, levelCount: 2)),
            EncodedColumn(name: "v", values: .continuous(v)),
        ])
        let model = try BayesianNetwork.fit(table, seed: 1)
        #expect(model.privacy == nil)
        // a and b are linked (one is the other's parent, directly or through v), c stands alone.
        func linked(_ i: Int, _ j: Int) -> Bool { model.parents[i].contains(j) || model.parents[j].contains(i) }
        #expect(linked(0, 1) || (linked(0, 3) && linked(1, 3)))
        #expect(!model.parents[2].contains(0) && !model.parents[2].contains(1) || model.parents[2].isEmpty)
        #expect(linked(1, 3) || linked(0, 3))
        let sample = try model.sample([SampleRequest(count: 20_000)], seed: 2)
        guard case let .discrete(sa, _) = sample.columns[0].values, case let .discrete(sb, _) = sample.columns[1].values,
              case let .continuous(sv) = sample.columns[3].values else { Issue.record("column kinds"); return }
        let same = zip(sa, sb).filter { $0 == $1 }.count
        // P(b = a) = 0.9 + 0.1/3 ≈ 0.933; 20,000 rows: sd 0.0018.
        #expect(abs(Double(same) / 20_000 - 0.9333) < 0.015)
        #expect(sv.allSatisfy { $0 >= v.min()! && $0 <= v.max()! })
        // Deterministic for a seed.
        #expect(try BayesianNetwork.fit(table, seed: 1) == model)
        let again = try model.sample([SampleRequest(count: 20_000)], seed: 2)
        func bits(_ t: EncodedTable) -> [[UInt64]] {
            t.columns.map { c in
                switch c.values {
                case let .continuous(v): v.map(\.bitPattern)
                case let .discrete(codes, _): codes.map { UInt64(bitPattern: Int64($0)) }
                }
            }
        }
        #expect(bits(again) == bits(sample))
    }

    /// PrivBayes spends its budget to the last digit the ledger allows, its charges add up to
    /// the statement, and a continuous column without declared bounds is refused.
    @Test func privBayesSpendsItsBudget() throws {
        var rng = SeededRandom(seed: 9)
        let n = 500
        let table = EncodedTable(columns: [
            EncodedColumn(name: "a", values: .discrete(codes: (0..<n).map { _ in Int32(rng.nextInt(below: 2)) }, levelCount: 2)),
            EncodedColumn(name: "b", values: .discrete(codes: (0..<n).map { _ in Int32(rng.nextInt(below: 3)) }, levelCount: 3)),
            EncodedColumn(name: "v", values: .continuous((0..<n).map { _ in rng.nextUniform() * 50 })),
        ])
        var options = BayesianNetworkOptions(budget: try PrivacyBudget(epsilon: 1, delta: 1e-5))
        options.bins = 5
        let model = try BayesianNetwork.fit(table, options: options, seed: 3, declaredBounds: [2: 0...50])
        let privacy = try #require(model.privacy)
        #expect(privacy.epsilon <= 1 && privacy.epsilon > 1 - 1e-6)
        #expect(privacy.charges.count == 2)
        var ledger = RenyiAccountant()
        for charge in privacy.charges { ledger.charge(charge.label, charge.mechanism) }
        // Three charges compose better by adding pure ε's than through the Rényi conversion.
        #expect(min(ledger.epsilon(delta: 1e-5).epsilon, ledger.pureEpsilon!) == privacy.epsilon)
        #expect(privacy.order == nil)
        // β = 0.3 of the scaled budget went to the 2 selections, 0.7 to the 3 tables.
        guard case let .exponential(selection, uses) = privacy.charges[0].mechanism,
              case let .laplace(tables, tableUses) = privacy.charges[1].mechanism else { Issue.record("charges"); return }
        #expect(uses == 2 && tableUses == 3)
        #expect(abs(selection.epsilon * 2 / (tables.epsilon * 3) - 0.3 / 0.7) < 1e-9)
        #expect(selection.sensitivity == BayesianNetwork.scoreSensitivity(rows: n))
        // The bins are the declared range's, and every sampled value lies in it.
        #expect(model.nodes[2].edges == [0, 10, 20, 30, 40, 50] && model.nodes[2].hasMissing)
        #expect(throws: NeuralModelError.self) { try BayesianNetwork.fit(table, options: options, seed: 3) }
    }

    /// Maximal parent sets under the θ-usefulness cell limit.
    @Test func parentSetsAreTheLargestThatFit() {
        let nodes = [2, 3, 4, 2].enumerated().map { BayesianNetwork.Node(name: "n\($0.offset)", edges: nil, hasMissing: false, size: $0.element) }
        // Node 3 (2 states) with at most 24 cells: parent products ≤ 12: {0,1} (6), {0,2} (8), {1,2} (12).
        let sets = BayesianNetwork.parentSets(of: 3, among: [0, 1, 2], nodes: nodes, maximumCells: 24, maximumParents: 3)
        #expect(Set(sets.map(Set.init)) == [[0, 1], [0, 2], [1, 2]])
        #expect(BayesianNetwork.parentSets(of: 3, among: [0, 1, 2], nodes: nodes, maximumCells: 3, maximumParents: 3) == [[]])
        #expect(BayesianNetwork.parentSets(of: 3, among: [0, 1, 2], nodes: nodes, maximumCells: 1000, maximumParents: 2).count == 3)
    }
}

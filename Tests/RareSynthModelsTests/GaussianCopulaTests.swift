import Foundation
import Testing
import RareSynthNumerics
import RareSynthTransform
@testable import RareSynthModels

/// Reference values here are analytic facts about the bivariate normal the data is drawn from
/// (its correlation ρ, Φ, φ), not outputs of this code.
@Suite struct GaussianCopulaTests {
    /// `n` draws of (X, Y) standard bivariate normal with correlation `rho`.
    static func bivariate(_ n: Int, rho: Double, seed: UInt64 = 7) -> ([Double], [Double]) {
        var rng = SeededRandom(seed: seed)
        var x = [Double](), y = [Double]()
        for _ in 0..<n {
            let a = rng.nextStandardNormal(), b = rng.nextStandardNormal()
            x.append(a)
            y.append(rho * a + (1 - rho * rho).squareRoot() * b)
        }
        return (x, y)
    }

    static func continuous(_ x: [Double], _ y: [Double]) -> EncodedTable {
        EncodedTable(columns: [EncodedColumn(name: "x", values: .continuous(x)), EncodedColumn(name: "y", values: .continuous(y))])
    }

    @Test func recoversTheLatentCorrelationOfContinuousData() throws {
        let (x, y) = Self.bivariate(20_000, rho: 0.7)
        // A monotone transform of a margin leaves the copula unchanged.
        let model = try GaussianCopula.fit(Self.continuous(x.map { exp($0) }, y))
        #expect(abs(model.correlation[1] - 0.7) < 0.02)
    }

    @Test func correctsTheAttenuationOfBinaryColumns() throws {
        // Dichotomised at 0, ρ = 0.6 gives a phi coefficient of (2/π)·asin(0.6) ≈ 0.41; the latent
        // correlation the copula must recover is 0.6 (the tetrachoric correlation).
        let (x, y) = Self.bivariate(40_000, rho: 0.6)
        let table = EncodedTable(columns: [
            EncodedColumn(name: "a", values: .discrete(codes: x.map { $0 > 0 ? 1 : 0 }, levelCount: 2)),
            EncodedColumn(name: "b", values: .discrete(codes: y.map { $0 > 0 ? 1 : 0 }, levelCount: 2)),
        ])
        let model = try GaussianCopula.fit(table)
        #expect(abs(abs(model.correlation[1]) - 0.6) < 0.06)
        let sample = try model.sample([SampleRequest(count: 40_000)], seed: 1)
        guard case let .discrete(a, _) = sample.columns[0].values, case let .discrete(b, _) = sample.columns[1].values else {
            Issue.record("discrete columns expected"); return
        }
        let agree = Double(zip(a, b).filter { $0 == $1 }.count) / 40_000
        // P(both on the same side) = 1/2 + asin(ρ)/π for the latent normal.
        #expect(abs(agree - (0.5 + asin(0.6) / .pi)) < 0.02)
    }

    @Test func ordersCategoriesAlongTheirAssociation() throws {
        // Category k of a five-level column shifts Y by (k − 2)², a non-monotone link in code order
        // whose optimal order is by the size of the shift.
        var rng = SeededRandom(seed: 3)
        var codes: [Int32] = [], y: [Double] = []
        for _ in 0..<5_000 {
            let k = Int32(rng.nextInt(below: 5))
            codes.append(k)
            y.append(Double((k - 2) * (k - 2)) + rng.nextStandardNormal())
        }
        let table = EncodedTable(columns: [EncodedColumn(name: "c", values: .discrete(codes: codes, levelCount: 5)),
                                           EncodedColumn(name: "y", values: .continuous(y))])
        let model = try GaussianCopula.fit(table)
        guard case let .discrete(d) = model.margins[0] else { Issue.record("discrete margin expected"); return }
        let position = d.order.map(Int.init)
        // Level 2 (shift 0) at one end, levels 0 and 4 (shift 4) at the other.
        #expect(position.first == 2 || position.last == 2)
        #expect(Set(position.suffix(2)) == [0, 4] || Set(position.prefix(2)) == [0, 4])
        // In code order the link is symmetric and the latent correlation would be ≈ 0; the best
        // any single axis can do is the correlation ratio η = √(2.8 / 3.8) ≈ 0.86.
        #expect(abs(model.correlation[1]) > 0.7)
    }


    @Test func chosenCategoryOrdersDoNotInventAssociations() throws {
        // 13 levels independent of three normal columns, 157 rows (the shape of cgd's centres).
        // Whatever order is chosen, the population correlation is 0; without the correction the
        // best order correlates like the correlation ratio, E[η²] = 12/156 (η ≈ 0.28).
        var total = 0.0, pairs = 0.0
        for seed in UInt64(1)...20 {
            var rng = SeededRandom(seed: seed)
            let n = 157
            let codes = (0..<n).map { _ in Int32(rng.nextInt(below: 13)) }
            var columns = [EncodedColumn(name: "centre", values: .discrete(codes: codes, levelCount: 13))]
            for k in 0..<3 {
                columns.append(EncodedColumn(name: "x\(k)", values: .continuous((0..<n).map { _ in rng.nextStandardNormal() })))
            }
            let model = try GaussianCopula.fit(EncodedTable(columns: columns))
            for j in 1...3 {
                total += model.correlation[j] * model.correlation[j]
                pairs += 1
            }
        }
        // The corrected r² is unbiased up to its floor at 0; the uncorrected mean is ≈ 0.077.
        #expect(total / pairs < 0.03)
    }

    @Test func realAssociationsOfChosenOrdersSurviveTheCorrection() throws {
        // Y shifted by the level: η² = var(shift)/(var(shift) + 1) = (14/9)/(23/9) ≈ 0.61 for
        // shifts (−6…6)/3, so η ≈ 0.78; the correction may only take off its bias, b = 12/156.
        var rng = SeededRandom(seed: 5)
        var codes: [Int32] = [], y: [Double] = []
        for _ in 0..<157 {
            let k = Int32(rng.nextInt(below: 13))
            codes.append((k * 7) % 13)  // code order unrelated to the shift
            y.append(Double(k - 6) / 3 + rng.nextStandardNormal())
        }
        let model = try GaussianCopula.fit(EncodedTable(columns: [
            EncodedColumn(name: "c", values: .discrete(codes: codes, levelCount: 13)),
            EncodedColumn(name: "y", values: .continuous(y)),
        ]))
        #expect(abs(model.correlation[1]) > 0.6)
    }
    @Test func conditionalSamplingMatchesTheTruncatedBivariateNormal() throws {
        let (x, y) = Self.bivariate(30_000, rho: 0.7)
        let model = try GaussianCopula.fit(Self.continuous(x, y), options: .init(marginals: .empirical))
        let sample = try model.sample([SampleRequest(count: 20_000, conditions: [
            EncodedCondition(column: 0, condition: .range(lower: 1, upper: .infinity)),
        ])], seed: 11)
        guard case let .continuous(sx) = sample.columns[0].values, case let .continuous(sy) = sample.columns[1].values else {
            Issue.record("continuous columns expected"); return
        }
        #expect(sx.allSatisfy { $0 >= 1 })
        // E[X | X ≥ 1] = φ(1)/(1 − Φ(1)) ≈ 1.525 and E[Y | X ≥ 1] = ρ · 1.525.
        let mx = sx.reduce(0, +) / Double(sx.count), my = sy.reduce(0, +) / Double(sy.count)
        #expect(abs(mx - 1.525) < 0.03)
        #expect(abs(my - 0.7 * 1.525) < 0.04)
    }

    @Test func severalIntervalConditionsHoldTogether() throws {
        let (x, y) = Self.bivariate(10_000, rho: -0.5)
        let model = try GaussianCopula.fit(Self.continuous(x, y))
        let sample = try model.sample([SampleRequest(count: 2_000, conditions: [
            EncodedCondition(column: 0, condition: .range(lower: 0.5, upper: 2)),
            EncodedCondition(column: 1, condition: .range(lower: 0, upper: .infinity)),
        ])], seed: 2)
        guard case let .continuous(sx) = sample.columns[0].values, case let .continuous(sy) = sample.columns[1].values else {
            Issue.record("continuous columns expected"); return
        }
        #expect(sx.allSatisfy { $0 >= 0.5 && $0 <= 2 })
        #expect(sy.allSatisfy { $0 >= 0 })
    }

    @Test func missingRateAndItsLinkSurvive() throws {
        // Y is missing exactly when X > 0.5 (31% of rows): the indicator must follow X.
        let (x, y) = Self.bivariate(10_000, rho: 0.3)
        let yMissing = zip(x, y).map { $0 > 0.5 ? Double.nan : $1 }
        let model = try GaussianCopula.fit(Self.continuous(x, yMissing))
        let sample = try model.sample([SampleRequest(count: 20_000)], seed: 5)
        guard case let .continuous(sx) = sample.columns[0].values, case let .continuous(sy) = sample.columns[1].values else {
            Issue.record("continuous columns expected"); return
        }
        let missing = sy.filter(\.isNaN).count
        #expect(abs(Double(missing) / 20_000 - 0.3085) < 0.015)
        let missingWhenLow = zip(sx, sy).filter { $0.0 < 0 && $0.1.isNaN }.count
        #expect(Double(missingWhenLow) / 20_000 < 0.02)
    }

    @Test func impossibleConditionsAreErrors() throws {
        let (x, y) = Self.bivariate(500, rho: 0.2)
        let model = try GaussianCopula.fit(Self.continuous(x, y), options: .init(marginals: .empirical))
        #expect(throws: ModelError.self) {
            try model.sample([SampleRequest(count: 5, conditions: [EncodedCondition(column: 0, condition: .range(lower: 100, upper: .infinity))])], seed: 0)
        }
        #expect(throws: ModelError.self) {
            try model.sample([SampleRequest(count: 5, conditions: [EncodedCondition(column: 1, condition: .missing)])], seed: 0)
        }
    }

    @Test func sameSeedSameRowsWhateverTheThreadCount() throws {
        let (x, y) = Self.bivariate(2_000, rho: 0.4)
        let model = try GaussianCopula.fit(Self.continuous(x, y))
        let before = Parallel.threadCount
        defer { Parallel.threadCount = before }
        Parallel.threadCount = 1
        let one = try model.sample([SampleRequest(count: 10_000)], seed: 42)
        Parallel.threadCount = 2
        let two = try model.sample([SampleRequest(count: 10_000)], seed: 42)
        let other = try model.sample([SampleRequest(count: 10_000)], seed: 43)
        guard case let .continuous(a) = one.columns[1].values, case let .continuous(b) = two.columns[1].values,
              case let .continuous(c) = other.columns[1].values else { Issue.record("continuous expected"); return }
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
        #expect(a != c)
    }

    @Test func empiricalMarginalInvertsItsDistributionFunction() {
        let m = EmpiricalMarginal.fit([5, 1, 3, 2, 4, 6, 7, 9, 8, 10])!
        #expect(m.interpolated)
        for u in stride(from: 0.06, through: 0.94, by: 0.04) { #expect(abs(m.cdf(m.quantile(u)) - u) < 1e-12) }
        let stepped = EmpiricalMarginal.fit([1, 1, 1, 2, 2, 3, 3, 3, 3, 3])!
        #expect(!stepped.interpolated)
        #expect(stepped.quantile(0.3) == 1 && stepped.quantile(0.31) == 2 && stepped.quantile(0.99) == 3)
        #expect(stepped.probabilityInterval(lower: 2, upper: 2)! == (0.3, 0.5))
    }

    @Test func modelsSurviveAJSONRoundTrip() throws {
        let (x, y) = Self.bivariate(300, rho: 0.5)
        let model = try GaussianCopula.fit(Self.continuous(x, y))
        let decoded = try JSONDecoder().decode(GaussianCopula.self, from: JSONEncoder().encode(model))
        #expect(decoded == model)
    }
}

@Suite struct EmpiricalMarginalCompressionTests {
    @Test func manyDistinctValuesAreKeptAsBoundedQuantileKnots() {
        var rng = SeededRandom(seed: 1)
        let data = (0..<50_000).map { _ in exp(rng.nextStandardNormal()) }
        let full = EmpiricalMarginal.fit(data)!
        #expect(full.values.count == EmpiricalMarginal.maxKnots)
        #expect(full.values.first == data.min() && full.values.last == data.max())
        // The sample's own distribution function at every 97th point stays within 1/maxKnots.
        let sorted = data.sorted()
        for i in stride(from: 0, to: sorted.count, by: 97) {
            let empirical = (Double(i) + 0.5) / Double(sorted.count)
            #expect(abs(full.cdf(sorted[i]) - empirical) < 1.0 / Double(EmpiricalMarginal.maxKnots))
        }
        for u in stride(from: 0.01, through: 0.99, by: 0.01) { #expect(abs(full.cdf(full.quantile(u)) - u) < 1e-9) }
    }
}

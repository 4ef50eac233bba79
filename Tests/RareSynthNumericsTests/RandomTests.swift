import Foundation
import RareSynthNumerics
import Testing

/// The seeded generator against an independent Python implementation of SplitMix64 and
/// xoshiro256** (reference.json), plus distributional checks with fixed seeds. Statistical
/// bounds are set at ≥ 4.5 standard errors, so with fixed seeds they are deterministic and
/// would only fail if the sampler were wrong.
@Suite("Random numbers")
struct RandomTests {
    let section = reference["random"]

    @Test func generatorsMatchTheReferenceImplementation() {
        var splitMix = SplitMix64(seed: 0)
        let first = (0..<3).map { _ in splitMix.next() }
        #expect(first == section["splitmix64_seed0"].unsigned)
        #expect(first[0] == 0xE220_A839_7B1D_CDAF) // the published first output for seed 0
        var generator = SeededRandom(seed: 42)
        #expect((0..<8).map { _ in generator.next() } == section["xoshiro_seed42"].unsigned)
        var again = SeededRandom(seed: 42)
        #expect((0..<8).map { _ in again.nextUniform() } == section["xoshiro_seed42_uniform"].doubles)
        var stream = SeededRandom(seed: 42, stream: 7)
        #expect((0..<4).map { _ in stream.next() } == section["xoshiro_seed42_stream7"].unsigned)
    }

    @Test func streamsAreReproducibleAndDistinct() {
        func prefix(_ seed: UInt64, _ stream: UInt64) -> [UInt64] {
            var g = SeededRandom(seed: seed, stream: stream)
            return (0..<4).map { _ in g.next() }
        }
        #expect(prefix(1, 5) == prefix(1, 5))
        var seen = Set<[UInt64]>()
        for seed in 0..<20 as Range<UInt64> {
            for stream in 0..<50 as Range<UInt64> { seen.insert(prefix(seed, stream)) }
        }
        #expect(seen.count == 1000)
        var plain = SeededRandom(seed: 3)
        #expect(prefix(3, 0) != (0..<4).map { _ in plain.next() })
        // Neighbouring streams are unrelated: no shared 64-bit words in their first outputs.
        let words = Set(prefix(9, 100) + prefix(9, 101) + prefix(9, 102))
        #expect(words.count == 12)
    }

    @Test func uniformStaysInsideTheOpenInterval() {
        var g = SeededRandom(seed: 11)
        var low = 1.0
        var high = 0.0
        for _ in 0..<100_000 {
            let u = g.nextUniform()
            low = min(low, u)
            high = max(high, u)
        }
        #expect(low > 0 && high < 1)
        // The extremes of the construction itself.
        #expect((Double(UInt64(0) >> 12) + 0.5) * 0x1p-52 > 0)
        #expect((Double(UInt64.max >> 12) + 0.5) * 0x1p-52 < 1)
    }

    @Test func normalSamplerHasUnitMoments() {
        var g = SeededRandom(seed: 2024)
        let n = 100_000
        let draws = (0..<n).map { _ in g.nextStandardNormal() }
        let (mean, variance) = Statistics.meanAndVariance(draws)
        // SE(mean) = 1/√n = 0.0032, SE(variance) = √(2/n) = 0.0045.
        #expect(abs(mean) < 4.5 * 0.0032, "mean \(mean)")
        #expect(abs(variance - 1) < 4.5 * 0.0045, "variance \(variance)")
        let sorted = draws.sorted()
        let ks = Statistics.kolmogorovSmirnovStatistic(sorted: sorted, cdf: SpecialFunctions.normalCDF)
        // The KS 0.1% critical value is 1.95/√n.
        #expect(ks < 1.95 / Double(n).squareRoot(), "KS \(ks)")
    }

    @Test func truncatedNormalSamplesStayInsideAndFollowTheCDF() {
        var g = SeededRandom(seed: 5)
        for (lower, upper) in [(-0.3, 0.4), (2.0, 2.5), (6.0, 40.0), (-50.0, -8.0), (-1e-9, 1e-9), (-.infinity, -1.0)] {
            let draws = (0..<4000).map { _ in g.nextTruncatedStandardNormal(lower: lower, upper: upper) }
            #expect(draws.allSatisfy { $0 >= lower && $0 <= upper }, "[\(lower), \(upper)]")
            let ks = Statistics.kolmogorovSmirnovStatistic(sorted: draws.sorted()) {
                TruncatedNormal.standardCDF($0, lower: lower, upper: upper)
            }
            #expect(ks < 1.95 / 4000.0.squareRoot(), "[\(lower), \(upper)] KS \(ks)")
        }
    }

    @Test func categoricalSamplingFollowsTheWeights() throws {
        let weights = [0.0, 2.0, 5.0, 0.0, 3.0]
        var g = SeededRandom(seed: 8)
        let sampler = try #require(CategoricalSampler(weights: weights))
        var counts = [Int](repeating: 0, count: weights.count)
        var direct = [Int](repeating: 0, count: weights.count)
        let n = 50_000
        for _ in 0..<n {
            counts[sampler.sample(using: &g)] += 1
            direct[g.nextCategorical(weights: weights)] += 1
        }
        #expect(counts[0] == 0 && counts[3] == 0 && direct[0] == 0 && direct[3] == 0)
        for (i, w) in weights.enumerated() where w > 0 {
            let p = w / 10
            let se = (p * (1 - p) / Double(n)).squareRoot()
            #expect(abs(Double(counts[i]) / Double(n) - p) < 4.5 * se)
            #expect(abs(Double(direct[i]) / Double(n) - p) < 4.5 * se)
        }
        // The two samplers agree draw for draw given the same uniform.
        for u in [1e-9, 0.2, 0.2000001, 0.7, 0.9999999] {
            var cumulative = 0.0
            let expected = weights.firstIndex { cumulative += $0 / 10; return u < cumulative }
            #expect(sampler.index(forUniform: u) == expected)
        }
        #expect(CategoricalSampler(weights: [0, 0]) == nil)
        #expect(CategoricalSampler(weights: [1, -1]) == nil)
        #expect(sampler.probabilities.enumerated().allSatisfy { abs($1 - weights[$0] / 10) < 1e-15 })
    }

    @Test func shuffleAndSamplingWithoutReplacement() {
        var g = SeededRandom(seed: 13)
        var array = Array(0..<100)
        g.shuffle(&array)
        #expect(array.sorted() == Array(0..<100) && array != Array(0..<100))
        var h = SeededRandom(seed: 13)
        var same = Array(0..<100)
        h.shuffle(&same)
        #expect(same == array)
        // Each position is uniform over values: the mean of position 0 over many shuffles ≈ 4.5.
        var total = 0
        for _ in 0..<20_000 {
            var small = Array(0..<10)
            g.shuffle(&small)
            total += small[0]
        }
        #expect(abs(Double(total) / 20_000 - 4.5) < 4.5 * (8.25 / 20_000).squareRoot())

        let sample = g.sampleWithoutReplacement(count: 50, from: 1_000_000_000)
        #expect(Set(sample).count == 50 && sample.allSatisfy { $0 < 1_000_000_000 })
        let everything = g.sampleWithoutReplacement(count: 30, from: 30)
        #expect(everything.sorted() == Array(0..<30))
        #expect(g.sampleWithoutReplacement(count: 0, from: 5).isEmpty)
        var bounded = [Int](repeating: 0, count: 3)
        for _ in 0..<30_000 { bounded[g.nextInt(below: 3)] += 1 }
        #expect(bounded.allSatisfy { abs(Double($0) / 30_000 - 1.0 / 3) < 4.5 * (2.0 / 9 / 30_000).squareRoot() })
    }
}

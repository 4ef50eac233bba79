import Foundation
import RareSynthNumerics
import RareSynthTransform
import Testing

/// Mode-specific normalisation against the rules of RDT 2.0's ClusterBasedNormalizer (the
/// mixture itself is checked against sklearn in RareSynthNumericsTests).
@Suite("Mode-specific normaliser")
struct ModeSpecificNormalizerTests {
    /// 700 values around −3 and 300 around 4: two clear modes.
    static let bimodal: [Double] = {
        var generator = SeededRandom(seed: 2024)
        return (0..<700).map { _ in generator.nextNormal(mean: -3, standardDeviation: 0.6) }
            + (0..<300).map { _ in generator.nextNormal(mean: 4, standardDeviation: 1.2) }
    }()

    static let normalizer: ModeSpecificNormalizer = {
        do { return try ModeSpecificNormalizer.fit(bimodal, seed: 1) } catch { fatalError("fit failed: \(error)") }
    }()

    /// The point between the clusters where the most likely mode is closest to probability ½.
    static let crossover: Double = stride(from: -3.0, through: 4.0, by: 0.01).min { a, b in
        abs(normalizer.modeProbabilities(a).max()! - 0.5) < abs(normalizer.modeProbabilities(b).max()! - 0.5)
    }!

    @Test func roundTripIsExactWithinTheClippingRange() {
        let normalizer = Self.normalizer
        let (alphas, components) = normalizer.encode(Self.bimodal, seed: 9)
        #expect(alphas.allSatisfy { abs($0) <= ModeSpecificNormalizer.alphaLimit })
        #expect(components.allSatisfy { (0..<normalizer.modeCount).contains($0) })
        var checked = 0
        for (i, x) in Self.bimodal.enumerated() {
            let k = components[i]
            let reach = ModeSpecificNormalizer.alphaLimit * ModeSpecificNormalizer.standardDeviationMultiplier
                * normalizer.standardDeviation(ofMode: k)
            let decoded = normalizer.decode(alpha: alphas[i], component: k)
            if abs(x - normalizer.mean(ofMode: k)) < reach {
                #expect(abs(decoded - x) <= 1e-12 * max(1, abs(x)), "x = \(x), mode \(k): decoded \(decoded)")
                checked += 1
            } else {
                // Outside ±0.99·4σ the value is clipped to the edge of the mode's range.
                #expect(abs(abs(decoded - normalizer.mean(ofMode: k)) - reach) <= 1e-12 * max(1, abs(x)))
            }
        }
        #expect(checked > 990)
        #expect(normalizer.decode(alphas: alphas, components: components).count == alphas.count)
        // decode clips α to [−1, 1] and the mode into range, as RDT does.
        #expect(normalizer.decode(alpha: 5, component: 0) == normalizer.decode(alpha: 1, component: 0))
        #expect(normalizer.decode(alpha: 0, component: 99) == normalizer.mean(ofMode: normalizer.modeCount - 1))
        #expect(normalizer.decode(alpha: .nan, component: 0).isNaN)
    }

    @Test func modesAreTheComponentsAboveTheWeightThreshold() throws {
        let normalizer = Self.normalizer
        let weights = normalizer.mixture.weights
        #expect(normalizer.mixture.componentCount == 10)
        #expect(normalizer.modes == weights.indices.filter { weights[$0] > 0.005 })
        #expect(normalizer.modeCount >= 2 && normalizer.modeCount < 10, "weights \(weights)")
        // Lower and raise the threshold on the same mixture.
        let everything = ModeSpecificNormalizer(mixture: normalizer.mixture, weightThreshold: 0)
        #expect(everything.modes == weights.indices.filter { weights[$0] > 0 })
        let strict = ModeSpecificNormalizer(mixture: normalizer.mixture, weightThreshold: 0.99)
        #expect(strict.modes == [weights.indices.max { weights[$0] < weights[$1] }!])
        // Component indices are among the modes: mode j is mixture component modes[j].
        for j in 0..<normalizer.modeCount {
            #expect(normalizer.mean(ofMode: j) == normalizer.mixture.components[normalizer.modes[j]].mean)
        }
    }

    @Test func encodingIsDeterministicForASeed() {
        let normalizer = Self.normalizer
        let values = Self.bimodal + Self.bimodal + Self.bimodal.prefix(500) // 2,500 values: 3 parallel chunks
        let first = normalizer.encode(values, seed: 42)
        let second = normalizer.encode(values, seed: 42)
        #expect(first.alphas == second.alphas && first.components == second.components)
        // Row i uses stream i of the seed.
        for i in [0, 1, 1500, 2499] {
            var generator = SeededRandom(seed: 42, stream: UInt64(i))
            let single = normalizer.encode(values[i], using: &generator)
            #expect(single.alpha == first.alphas[i] && single.component == first.components[i])
        }
        // Nearly every value here belongs to one mode for sure; at the crossover the seed matters.
        let between = [Double](repeating: Self.crossover, count: 100)
        #expect(normalizer.encode(between, seed: 42).components != normalizer.encode(between, seed: 43).components)
    }

    @Test func constantAndSingleValueColumnsHaveOneMode() throws {
        let constant = try ModeSpecificNormalizer.fit([Double](repeating: 12.5, count: 40), seed: 3)
        #expect(constant.modeCount == 1)
        let encoded = constant.encode([12.5, 12.5], seed: 1)
        #expect(encoded.components == [0, 0] && encoded.alphas.allSatisfy { abs($0) < 1e-9 })
        #expect(abs(constant.decode(alpha: encoded.alphas[0], component: 0) - 12.5) < 1e-12)

        let single = try ModeSpecificNormalizer.fit([-4.75], seed: 3)
        #expect(single.mixture.componentCount == 1 && single.modeCount == 1)
        var generator = SeededRandom(seed: 5)
        let (alpha, component) = single.encode(-4.75, using: &generator)
        #expect(component == 0 && abs(alpha) < 1e-9)
        #expect(abs(single.decode(alpha: alpha, component: component) + 4.75) < 1e-12)
        // The single mode is narrow (σ from reg_covar alone), so a far value clips to ±0.99.
        #expect(single.encode(100, using: &generator).alpha == 0.99)
    }

    /// The drawn modes of a value between the two clusters follow `modeProbabilities`, which is
    /// the mixture's posterior over the modes plus 1e−6, renormalised.
    @Test func drawnModesFollowThePosterior() {
        let normalizer = Self.normalizer
        let x = Self.crossover
        let probabilities = normalizer.modeProbabilities(x)
        let posterior = normalizer.mixture.predictProbabilities(x)
        let floored = normalizer.modes.map { posterior[$0] + 1e-6 }
        let total = floored.reduce(0, +)
        for j in probabilities.indices { #expect(abs(probabilities[j] - floored[j] / total) < 1e-15) }
        #expect(probabilities.filter { $0 > 0.2 }.count >= 2, "x = \(x): \(probabilities)")

        let draws = 20_000
        let components = normalizer.encode([Double](repeating: x, count: draws), seed: 77).components
        var counts = [Int](repeating: 0, count: normalizer.modeCount)
        for k in components { counts[k] += 1 }
        // Pearson's χ² over the modes expected at least 5 times; the rest must be (almost) never drawn.
        var chiSquare = 0.0
        var cells = 0
        for j in counts.indices {
            let expected = probabilities[j] * Double(draws)
            if expected >= 5 {
                chiSquare += (Double(counts[j]) - expected) * (Double(counts[j]) - expected) / expected
                cells += 1
            } else {
                #expect(counts[j] <= 15, "mode \(j): \(counts[j]) draws, expected \(expected)")
            }
        }
        // χ² with ≤ 9 degrees of freedom exceeds 30 with probability < 5e−4 (fixed seed: no flakiness).
        #expect(cells >= 2 && chiSquare < 30, "χ² = \(chiSquare) over \(cells) cells: \(counts) vs \(probabilities)")
    }

    @Test func codableRoundTrip() throws {
        let normalizer = Self.normalizer
        let data = try JSONEncoder().encode(normalizer)
        let decoded = try JSONDecoder().decode(ModeSpecificNormalizer.self, from: data)
        #expect(decoded == normalizer)
        #expect(decoded.modes == normalizer.modes)
    }

    @Test func rejectsColumnsItCannotFit() {
        #expect(throws: MixtureError.noValues) { try ModeSpecificNormalizer.fit([], seed: 0) }
        #expect(throws: MixtureError.nonFiniteValue(index: 0)) { try ModeSpecificNormalizer.fit([.nan, 1], seed: 0) }
    }
}

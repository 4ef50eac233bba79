import Foundation
import RareSynthNumerics

/// Mode-specific normalisation of a continuous column (Xu et al. 2019, "Modeling Tabular Data
/// using Conditional GAN"), the encoding CTGAN and TVAE learn continuous columns in: a value is
/// stored as the mode it was drawn from (one-hot in the model) and its offset α within that mode.
///
/// Semantics of RDT 2.0's `ClusterBasedNormalizer` (`rdt/transformers/numerical.py`) as ctgan
/// 0.12.1's `DataTransformer` uses it:
/// - fit a `BayesianGaussianMixture` with K = min(n, 10) components (Dirichlet-process prior,
///   concentration 0.001); the modes are the components whose weight exceeds 0.005, kept in
///   mixture order, and "component" below always means an index among these modes;
/// - encode x: draw the mode k from the posterior probabilities of the modes (sklearn
///   `predict_proba` restricted to the modes, plus 1e−6 each, renormalised, as RDT does) and
///   take α = clip((x − μₖ) / (4σₖ), −0.99, 0.99) with σₖ = √(sklearn `covariances_`);
/// - decode (α, k): clip(α, −1, 1) · 4σₖ + μₖ, with k clamped to the modes as RDT does.
///
/// Drawing the mode rather than taking the most probable one is what makes the encoding
/// stochastic: a value between two modes is sometimes stored in either, so the model sees the
/// overlap. Draws use our `SeededRandom`, so they are reproducible but not numpy's.
///
/// Missing values are not handled here: `fit` and `encode` take present values only (NaN is a
/// programming error). The caller keeps missingness apart, as ctgan does with
/// `missing_value_generation='from_column'`; unlike RDT, which fills missing cells with the
/// column mean before fitting the mixture, the mixture here sees only the observed values.
public struct ModeSpecificNormalizer: Sendable, Equatable {
    /// RDT's `STD_MULTIPLIER`: α = ±1 is four standard deviations from the mode's mean, so
    /// nearly every value of the mode is inside (−1, 1).
    public static let standardDeviationMultiplier = 4.0
    /// RDT's limit on α when encoding (decoding accepts [−1, 1]).
    public static let alphaLimit = 0.99
    /// The 1e−6 RDT adds to each mode's probability before drawing.
    public static let probabilityFloor = 1e-6
    public static let defaultMaxComponents = 10
    public static let defaultWeightThreshold = 0.005

    /// The fitted mixture, all of its components (the modes are a subset).
    public let mixture: BayesianGaussianMixture
    /// Components with a weight at or below this are not modes (RDT `weight_threshold`).
    public let weightThreshold: Double
    /// The mixture indices of the modes, ascending (RDT `valid_component_indicator`).
    public let modes: [Int]

    /// The normaliser of a fitted mixture.
    ///
    /// The modes are the components with weight > `weightThreshold`. A threshold at or above
    /// every weight would leave none (RDT would then fail on the first value); the heaviest
    /// component is kept instead, so there is always at least one mode.
    public init(mixture: BayesianGaussianMixture, weightThreshold: Double = Self.defaultWeightThreshold) {
        precondition(weightThreshold.isFinite && weightThreshold >= 0, "the weight threshold must be finite and ≥ 0")
        self.mixture = mixture
        self.weightThreshold = weightThreshold
        let valid = mixture.weights.indices.filter { mixture.weights[$0] > weightThreshold }
        modes = valid.isEmpty ? [mixture.weights.indices.max { mixture.weights[$0] < mixture.weights[$1] }!] : valid
    }

    /// Fits the mixture to the present values of a column: min(count, `maxComponents`)
    /// components (ctgan's `min(len(data), 10)`, where len counts missing rows too), k-means
    /// initialised from `seed`. Throws `MixtureError` for no values, a
    /// non-finite value or `maxComponents` < 1.
    public static func fit(_ values: [Double], maxComponents: Int = defaultMaxComponents,
                           weightThreshold: Double = defaultWeightThreshold, seed: UInt64,
                           options: BayesianGaussianMixture.Options = BayesianGaussianMixture.Options()) throws -> ModeSpecificNormalizer {
        let mixture = try BayesianGaussianMixture.fit(values: values, components: min(values.count, maxComponents),
                                                      seed: seed, options: options)
        return ModeSpecificNormalizer(mixture: mixture, weightThreshold: weightThreshold)
    }

    /// The number of modes, the width of the one-hot part of the encoding.
    public var modeCount: Int { modes.count }

    /// The mean of mode k (k among the modes).
    public func mean(ofMode k: Int) -> Double { mixture.components[modes[k]].mean }

    /// σ of mode k, √ of sklearn's `covariances_`.
    public func standardDeviation(ofMode k: Int) -> Double { mixture.components[modes[k]].standardDeviation }

    /// The probabilities the mode of x is drawn with: the mixture's posterior over the modes
    /// plus 1e−6 each, renormalised (RDT `_transform`).
    public func modeProbabilities(_ value: Double) -> [Double] {
        var posterior = [Double](repeating: 0, count: mixture.componentCount)
        var weights = [Double](repeating: 0, count: modes.count)
        fillModeWeights(value, posterior: &posterior, weights: &weights)
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Encodes one present value: a mode drawn from `modeProbabilities(value)` with one uniform
    /// from `generator`, and α, the value's offset from that mode's mean in units of 4σ,
    /// clipped to ±0.99.
    ///
    /// - Precondition: `value` is finite (missing values are handled by the caller).
    public func encode<G: RandomNumberGenerator>(_ value: Double, using generator: inout G) -> (alpha: Double, component: Int) {
        var posterior = [Double](repeating: 0, count: mixture.componentCount)
        var weights = [Double](repeating: 0, count: modes.count)
        return encode(value, using: &generator, posterior: &posterior, weights: &weights)
    }

    /// The value of (α, mode): clip(α, −1, 1) · 4σ + μ. A mode outside 0..<modeCount is clamped
    /// into it (RDT does the same to a rounded model output); a NaN α decodes to NaN.
    public func decode(alpha: Double, component: Int) -> Double {
        guard !alpha.isNaN else { return .nan }
        let k = min(max(component, 0), modes.count - 1)
        let clipped = min(max(alpha, -1), 1)
        return clipped * Self.standardDeviationMultiplier * standardDeviation(ofMode: k) + mean(ofMode: k)
    }

    // MARK: - Columns

    /// Encodes a column of present values; value i draws its mode from
    /// `SeededRandom(seed: seed, stream: UInt64(i))`, so the result depends only on the seed and
    /// the values, never on the thread count (the work is split into parallel chunks).
    public func encode(_ values: [Double], seed: UInt64) -> (alphas: [Double], components: [Int]) {
        let chunks = Parallel.mapChunks(count: values.count, chunkSize: 1024) { range in
            var posterior = [Double](repeating: 0, count: mixture.componentCount)
            var weights = [Double](repeating: 0, count: modes.count)
            return range.map { i in
                var generator = SeededRandom(seed: seed, stream: UInt64(i))
                return encode(values[i], using: &generator, posterior: &posterior, weights: &weights)
            }
        }
        var alphas = [Double]()
        var components = [Int]()
        alphas.reserveCapacity(values.count)
        components.reserveCapacity(values.count)
        for chunk in chunks {
            for (alpha, component) in chunk {
                alphas.append(alpha)
                components.append(component)
            }
        }
        return (alphas, components)
    }

    /// Decodes a column: `decode(alpha:component:)` for each pair.
    public func decode(alphas: [Double], components: [Int]) -> [Double] {
        precondition(alphas.count == components.count, "one mode per α is needed")
        return zip(alphas, components).map { decode(alpha: $0, component: $1) }
    }

    // MARK: - Kernel

    /// `encode` with caller-owned scratch space (one posterior per component, one weight per
    /// mode), so a column is encoded without an allocation per value.
    func encode<G: RandomNumberGenerator>(_ value: Double, using generator: inout G,
                                          posterior: inout [Double], weights: inout [Double]) -> (alpha: Double, component: Int) {
        precondition(value.isFinite, "ModeSpecificNormalizer encodes present, finite values only (got \(value))")
        fillModeWeights(value, posterior: &posterior, weights: &weights)
        let k = generator.nextCategorical(weights: weights)
        let normalized = (value - mean(ofMode: k)) / (Self.standardDeviationMultiplier * standardDeviation(ofMode: k))
        return (min(max(normalized, -Self.alphaLimit), Self.alphaLimit), k)
    }

    /// weights[j] = P(mode j | value) + 1e−6 (unnormalised: the draw normalises).
    private func fillModeWeights(_ value: Double, posterior: inout [Double], weights: inout [Double]) {
        mixture.predictProbabilities(value, into: &posterior)
        for (j, component) in modes.enumerated() { weights[j] = posterior[component] + Self.probabilityFloor }
    }
}

// MARK: - Codable

/// `{"mixture": {…}, "weightThreshold": 0.005}`: the modes are derived again on decoding.
extension ModeSpecificNormalizer: Codable {
    private enum CodingKeys: String, CodingKey {
        case mixture, weightThreshold
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mixture, forKey: .mixture)
        try container.encode(weightThreshold, forKey: .weightThreshold)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let threshold = try container.decode(Double.self, forKey: .weightThreshold)
        guard threshold.isFinite, threshold >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .weightThreshold, in: container,
                                                   debugDescription: "the weight threshold must be finite and ≥ 0")
        }
        self.init(mixture: try container.decode(BayesianGaussianMixture.self, forKey: .mixture), weightThreshold: threshold)
    }
}

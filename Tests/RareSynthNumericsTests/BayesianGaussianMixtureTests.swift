import Foundation
@testable import RareSynthNumerics
import Testing

/// One reference fit written by `Fixtures/make_bgm_fixtures.py`: sklearn 1.9.1's
/// BayesianGaussianMixture with RDT ClusterBasedNormalizer's settings, from the k-means labels
/// sklearn itself produced (stored, since numpy's draws cannot be reproduced here).
struct MixtureReferenceCase: Decodable, Sendable {
    let name: String
    let source: String
    let x: [Double]
    let components: Int
    let initialLabels: [Int]
    let lowerBounds: [Double]
    let nIter: Int
    let converged: Bool
    let meanPrior: Double
    let covariancePrior: Double
    let weightConcentrationA: [Double]
    let weightConcentrationB: [Double]
    let meanPrecision: [Double]
    let degreesOfFreedom: [Double]
    let means: [Double]
    let covariances: [Double]
    let weights: [Double]
    let grid: [Double]
    let predictProba: [[Double]]
}

let mixtureReference: [String: MixtureReferenceCase] = {
    struct Document: Decodable { let cases: [MixtureReferenceCase] }
    guard let url = Bundle.module.url(forResource: "bgm_reference", withExtension: "json", subdirectory: "Fixtures"),
          let data = try? Data(contentsOf: url)
    else { fatalError("Fixtures/bgm_reference.json is missing; run Fixtures/make_bgm_fixtures.py") }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    guard let document = try? decoder.decode(Document.self, from: data) else { fatalError("bgm_reference.json is unreadable") }
    return Dictionary(uniqueKeysWithValues: document.cases.map { ($0.name, $0) })
}()

@Suite("Bayesian Gaussian mixture")
struct BayesianGaussianMixtureTests {
    /// Real columns (pbc bili/chol, lung age, nwtco edrel), a synthetic bimodal sample and five
    /// values with K = 5; three of them run the full 100 iterations without converging.
    static let cases = ["pbc_bili", "pbc_chol", "lung_age", "nwtco_edrel", "bimodal", "five_values"]

    /// From sklearn's own initial responsibilities, the fit follows sklearn iteration by
    /// iteration. Measured worst relative deviations (printed by the test): lower bounds 6e−15,
    /// parameters 5e−13 after 100 iterations, predict_proba 5e−12; 1e−9 leaves room for other
    /// libm versions without hiding a wrong formula (which shows as 1e−3 or worse).
    @Test(arguments: cases)
    func followsSklearnFromTheSameInitialisation(name: String) throws {
        let reference = try #require(mixtureReference[name])
        let mixture = try BayesianGaussianMixture.fit(values: reference.x, labels: reference.initialLabels,
                                                      components: reference.components)
        #expect(mixture.convergence.iterations == reference.nIter)
        #expect(mixture.convergence.converged == reference.converged)
        #expect(relativeError(mixture.prior.mean, reference.meanPrior) < 1e-13)
        #expect(relativeError(mixture.prior.variance, reference.covariancePrior) < 1e-13)

        let bounds = maxRelativeError(mixture.convergence.lowerBounds, reference.lowerBounds)
        let c = mixture.components
        let parameters = [
            ("stickA", maxRelativeError(c.map(\.stickA), reference.weightConcentrationA)),
            ("stickB", maxRelativeError(c.map(\.stickB), reference.weightConcentrationB)),
            ("meanPrecision", maxRelativeError(c.map(\.meanPrecision), reference.meanPrecision)),
            ("degreesOfFreedom", maxRelativeError(c.map(\.degreesOfFreedom), reference.degreesOfFreedom)),
            ("means", maxRelativeError(mixture.means, reference.means)),
            ("variances", maxRelativeError(mixture.variances, reference.covariances)),
            ("weights", maxRelativeError(mixture.weights, reference.weights)),
        ]
        #expect(bounds.error < 1e-9, "\(name): lower bound at iteration \(bounds.index + 1) off by \(bounds.error)")
        for (parameter, worst) in parameters {
            #expect(worst.error < 1e-9, "\(name): \(parameter)[\(worst.index)] off by \(worst.error)")
        }

        // predict_proba: relative for probabilities that matter, absolute below 1e−12 where
        // sklearn's own exp(log ρ − log Σρ) carries |log p|·ε relative error.
        var probabilityError = 0.0
        for (x, expected) in zip(reference.grid, reference.predictProba) {
            let actual = mixture.predictProbabilities(x)
            #expect(abs(actual.reduce(0, +) - 1) < 1e-14)
            for (a, b) in zip(actual, expected) {
                probabilityError = max(probabilityError, abs(a - b) / max(b, 1e-12))
            }
        }
        #expect(probabilityError < 1e-9, "\(name): predict_proba off by \(probabilityError)")
        let worstParameter = parameters.map(\.1.error).max() ?? 0
        print("BGM vs sklearn \(name): n_iter \(mixture.convergence.iterations), lower bound \(bounds.error), "
              + "parameters \(worstParameter), predict_proba \(probabilityError)")
    }

    @Test func kMeansInitialisedFitFindsBothModes() throws {
        var generator = SeededRandom(seed: 7)
        let values = (0..<700).map { _ in generator.nextNormal(mean: -3, standardDeviation: 0.6) }
            + (0..<300).map { _ in generator.nextNormal(mean: 4, standardDeviation: 1.2) }
        let mixture = try BayesianGaussianMixture.fit(values: values, components: 10, seed: 11)
        let heavy = mixture.components.indices.filter { mixture.weights[$0] > 0.05 }
        func mode(near center: Double, within tolerance: Double) -> (weight: Double, sd: Double)? {
            let near = heavy.filter { abs(mixture.components[$0].mean - center) < tolerance }
            guard !near.isEmpty else { return nil }
            return (near.map { mixture.weights[$0] }.reduce(0, +), near.map { mixture.components[$0].standardDeviation }.max()!)
        }
        let low = try #require(mode(near: -3, within: 0.3), "no mode near −3: \(mixture.means) \(mixture.weights)")
        let high = try #require(mode(near: 4, within: 0.5), "no mode near 4: \(mixture.means) \(mixture.weights)")
        #expect(abs(low.weight - 0.7) < 0.05 && abs(high.weight - 0.3) < 0.05)
        #expect(low.sd < 1 && high.sd < 2)
        #expect(abs(mixture.weights.reduce(0, +) - 1) < 1e-12)
        // A point at a mode belongs to that mode's components.
        let atLow = mixture.predictProbabilities(-3)
        #expect(mixture.components.indices.filter { mixture.components[$0].mean > 0 }.allSatisfy { atLow[$0] < 1e-6 })
    }

    @Test func fitIsDeterministicForASeed() throws {
        var generator = SeededRandom(seed: 3)
        // More values than one parallel chunk, so the chunked sums are exercised.
        let values = (0..<5_000).map { i in generator.nextNormal(mean: i % 3 == 0 ? 10 : 0, standardDeviation: 1) }
        let options = BayesianGaussianMixture.Options(maxIterations: 10)
        let a = try BayesianGaussianMixture.fit(values: values, components: 4, seed: 5, options: options)
        let b = try BayesianGaussianMixture.fit(values: values, components: 4, seed: 5, options: options)
        #expect(a == b)
        #expect(a.convergence.lowerBounds.count == a.convergence.iterations)
    }

    @Test func kMeansSeparatesClustersAndNumbersThemInSeedingOrder() {
        let values = [0.0, 0.1, 0.2, 10, 10.1, 20, 20.2, 20.1]
        let result = KMeans1D.cluster(values, clusters: 3, seed: 1)
        #expect(result.centers.count == 3)
        #expect(Set(result.labels[0..<3]).count == 1 && Set(result.labels[3..<5]).count == 1
                && Set(result.labels[5...]).count == 1)
        #expect(Set(result.labels).count == 3)
        for (x, label) in zip(values, result.labels) {
            #expect(abs(result.centers[label] - x) < 0.2)
        }
        // Constant data: one distinct value, one cluster.
        let constant = KMeans1D.cluster([Double](repeating: 2.5, count: 20), clusters: 10, seed: 1)
        #expect(constant.centers == [2.5] && constant.labels.allSatisfy { $0 == 0 })
    }

    @Test func degenerateColumnsFitWithoutNaN() throws {
        let constant = try BayesianGaussianMixture.fit(values: [Double](repeating: 7, count: 50), components: 10, seed: 1)
        #expect(constant.weights[0] > 0.99)
        #expect(abs(constant.components[0].mean - 7) < 1e-13)
        #expect(constant.variances.allSatisfy { $0 > 0 && $0.isFinite })
        let single = try BayesianGaussianMixture.fit(values: [3.25], components: 1, seed: 1)
        #expect(single.weights == [1])
        // Nₖ = 1 + 10ε (sklearn's guard against empty components) moves the mean by ~ε.
        #expect(abs(single.components[0].mean - 3.25) < 1e-14)
        #expect(single.components[0].standardDeviation > 0 && single.components[0].standardDeviation < 1e-3)
        #expect(single.predictProbabilities(100) == [1])
        #expect(constant.predictProbabilities(.nan).allSatisfy { $0.isNaN })
        #expect(constant.predictProbabilities(.infinity).allSatisfy { $0.isNaN })
        // Without reg_covar a constant column has no variance at all: an error, as in sklearn.
        #expect(throws: MixtureError.illDefinedVariance(component: 0)) {
            try BayesianGaussianMixture.fit(values: [Double](repeating: 7, count: 50), components: 3, seed: 1,
                                            options: BayesianGaussianMixture.Options(varianceRegularization: 0))
        }
    }

    @Test func rejectsBadInput() {
        #expect(throws: MixtureError.noValues) { try BayesianGaussianMixture.fit(values: [], components: 1, seed: 0) }
        #expect(throws: MixtureError.nonFiniteValue(index: 1)) {
            try BayesianGaussianMixture.fit(values: [1, .nan, 2], components: 1, seed: 0)
        }
        #expect(throws: MixtureError.invalidComponentCount(components: 3, values: 2)) {
            try BayesianGaussianMixture.fit(values: [1, 2], components: 3, seed: 0)
        }
        #expect(throws: MixtureError.self) {
            try BayesianGaussianMixture.fit(values: [1, 2], labels: [0, 2], components: 2)
        }
    }

    @Test func codableRoundTripKeepsTheModelAndRejectsBadParameters() throws {
        let reference = try #require(mixtureReference["pbc_chol"])
        let mixture = try BayesianGaussianMixture.fit(values: reference.x, labels: reference.initialLabels,
                                                      components: reference.components)
        let data = try JSONEncoder().encode(mixture)
        let decoded = try JSONDecoder().decode(BayesianGaussianMixture.self, from: data)
        #expect(decoded == mixture)
        let text = try #require(String(data: data, encoding: .utf8))
        let corrupted = text.replacingOccurrences(of: "\"variance\":", with: "\"variance\":-")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BayesianGaussianMixture.self, from: Data(corrupted.utf8))
        }
    }

    /// Not a timed assertion: prints the time of a 100,000 × 10 fit. Off unless RARESYNTH_TIMING
    /// is set (seconds in a debug build; run `RARESYNTH_TIMING=1 swift test -c release
    /// -Xswiftc -enable-testing --filter printsFitTime` for figures).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RARESYNTH_TIMING"] != nil))
    func printsFitTimeFor100kValues() throws {
        var generator = SeededRandom(seed: 99)
        let values = (0..<100_000).map { i in
            generator.nextNormal(mean: [0.0, 5, 12][i % 3], standardDeviation: [1.0, 0.5, 2][i % 3])
        }
        let start = ContinuousClock.now
        let mixture = try BayesianGaussianMixture.fit(values: values, components: 10, seed: 1)
        let elapsed = ContinuousClock.now - start
        print("BGM fit of 100,000 values × 10 components: \(elapsed), \(mixture.convergence.iterations) iterations, "
              + "converged \(mixture.convergence.converged), threads \(Parallel.threadCount)")
        #expect(mixture.weights.filter { $0 > 0.005 }.count >= 3)
    }
}

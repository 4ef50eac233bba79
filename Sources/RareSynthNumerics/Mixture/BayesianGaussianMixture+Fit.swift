import Foundation

extension BayesianGaussianMixture {
    /// The settings of a fit; the defaults are those RDT's `ClusterBasedNormalizer` passes to
    /// sklearn (`weight_concentration_prior=0.001`) on top of sklearn 1.9.1's own defaults.
    public struct Options: Codable, Sendable, Equatable {
        /// The most E/M iterations (`max_iter`).
        public var maxIterations: Int
        /// Convergence when the lower bound changes by less than this (`tol`, absolute: the
        /// bound is a sum over rows, so large data rarely converges at the default).
        public var tolerance: Double
        /// Added to every component's empirical variance (`reg_covar`).
        public var varianceRegularization: Double
        /// γ, the Dirichlet-process concentration (`weight_concentration_prior`).
        public var weightConcentrationPrior: Double
        /// β₀ (`mean_precision_prior`).
        public var meanPrecisionPrior: Double
        /// ν₀ (`degrees_of_freedom_prior`; must exceed 0 for one feature).
        public var degreesOfFreedomPrior: Double

        public init(maxIterations: Int = 100, tolerance: Double = 1e-3, varianceRegularization: Double = 1e-6,
                    weightConcentrationPrior: Double = 0.001, meanPrecisionPrior: Double = 1,
                    degreesOfFreedomPrior: Double = 1) {
            self.maxIterations = maxIterations
            self.tolerance = tolerance
            self.varianceRegularization = varianceRegularization
            self.weightConcentrationPrior = weightConcentrationPrior
            self.meanPrecisionPrior = meanPrecisionPrior
            self.degreesOfFreedomPrior = degreesOfFreedomPrior
        }

        /// The prior sklearn builds from the data (`_check_parameters`): m₀ = the mean, v₀ = the
        /// variance with divisor n − 1 (`np.cov`). With a single value sklearn refuses to fit;
        /// we take v₀ = 0, so the component's variance comes from `varianceRegularization` alone.
        public func prior(for values: [Double]) -> Prior {
            let n = Double(values.count)
            var sum = 0.0
            for x in values { sum += x }
            let mean = sum / n
            var squares = 0.0
            for x in values { squares += (x - mean) * (x - mean) }
            let variance = values.count > 1 ? squares / (n - 1) : 0
            return Prior(weightConcentration: weightConcentrationPrior, meanPrecision: meanPrecisionPrior,
                         mean: mean, degreesOfFreedom: degreesOfFreedomPrior, variance: variance)
        }
    }

    /// Fits `components` components, initialised by a seeded k-means (k-means++ seeding, then
    /// Lloyd's iterations) as sklearn's `init_params='kmeans'` does.
    ///
    /// The k-means draws come from `SeededRandom(seed:)`, not numpy's generator, so the modes can
    /// differ from sklearn's on data where k-means itself has several solutions; from the same
    /// initial responsibilities (`fit(values:responsibilities:components:options:)`) the fit is
    /// sklearn's to rounding.
    public static func fit(values: [Double], components: Int, seed: UInt64,
                           options: Options = Options()) throws -> BayesianGaussianMixture {
        try validate(values: values, components: components, options: options)
        let labels = KMeans1D.cluster(values, clusters: components, seed: seed).labels
        return try fit(values: values, labels: labels, components: components, options: options)
    }

    /// Fits from a hard assignment of every value to a component (one-hot responsibilities).
    public static func fit(values: [Double], labels: [Int], components: Int,
                           options: Options = Options()) throws -> BayesianGaussianMixture {
        try validate(values: values, components: components, options: options)
        guard labels.count == values.count else {
            throw MixtureError.invalidResponsibilities("\(labels.count) labels for \(values.count) values")
        }
        if let bad = labels.first(where: { $0 < 0 || $0 >= components }) {
            throw MixtureError.invalidResponsibilities("label \(bad) is not one of the components 0..<\(components)")
        }
        var responsibilities = [Double](repeating: 0, count: values.count * components)
        for (i, label) in labels.enumerated() { responsibilities[i * components + label] = 1 }
        return try fit(values: values, responsibilities: responsibilities, components: components, options: options)
    }

    /// Fits from initial responsibilities, row-major `values.count × components` (sklearn
    /// `_initialize(X, resp)` followed by `fit_predict`'s E/M loop), so that a test can start
    /// from the exact responsibilities sklearn's k-means produced.
    public static func fit(values: [Double], responsibilities: [Double], components: Int,
                           options: Options = Options()) throws -> BayesianGaussianMixture {
        try validate(values: values, components: components, options: options)
        guard responsibilities.count == values.count * components else {
            throw MixtureError.invalidResponsibilities(
                "\(responsibilities.count) responsibilities for \(values.count) values × \(components) components")
        }
        guard responsibilities.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw MixtureError.invalidResponsibilities("responsibilities must be non-negative and finite")
        }
        let prior = options.prior(for: values)
        var resp = responsibilities
        return try resp.withUnsafeMutableBufferPointer { buffer in
            try iterate(values: values, responsibilities: buffer, components: components, prior: prior, options: options)
        }
    }

    static func validate(values: [Double], components: Int, options: Options) throws {
        guard !values.isEmpty else { throw MixtureError.noValues }
        if let i = values.firstIndex(where: { !$0.isFinite }) { throw MixtureError.nonFiniteValue(index: i) }
        guard components >= 1, components <= values.count else {
            throw MixtureError.invalidComponentCount(components: components, values: values.count)
        }
        guard options.maxIterations >= 0, options.tolerance >= 0, options.varianceRegularization >= 0,
              options.weightConcentrationPrior > 0, options.meanPrecisionPrior > 0, options.degreesOfFreedomPrior > 0,
              [options.tolerance, options.varianceRegularization, options.weightConcentrationPrior,
               options.meanPrecisionPrior, options.degreesOfFreedomPrior].allSatisfy(\.isFinite)
        else { throw MixtureError.invalidOptions(options) }
    }

    /// sklearn `fit_predict` for one initialisation: the M-step from the initial
    /// responsibilities, then E-step, M-step and lower bound until the bound changes by less
    /// than the tolerance or `maxIterations` is reached. `resp` is the only n × K buffer and is
    /// overwritten in place by every E-step.
    ///
    /// Throws `MixtureError.illDefinedVariance` where sklearn raises "ill-defined empirical
    /// covariance": a component variance of 0 (possible only with `varianceRegularization` 0
    /// and a degenerate column) or not finite.
    static func iterate(values: [Double], responsibilities resp: UnsafeMutableBufferPointer<Double>,
                        components k: Int, prior: Prior, options: Options) throws -> BayesianGaussianMixture {
        func mStep() throws -> [Component] {
            let components = posterior(SufficientStatistics(values: values, responsibilities: resp, components: k,
                                                            varianceRegularization: options.varianceRegularization),
                                       prior: prior)
            if let bad = components.firstIndex(where: { !($0.variance > 0 && $0.variance.isFinite) }) {
                throw MixtureError.illDefinedVariance(component: bad)
            }
            return components
        }
        var parameters = try mStep()
        var lowerBounds = [Double]()
        var converged = false
        var lowerBound = -Double.infinity
        for _ in 0..<options.maxIterations {
            let entropy = eStep(values: values, scoring: ScoringTerms(parameters), into: resp)
            parameters = try mStep()
            let previous = lowerBound
            lowerBound = Self.lowerBound(entropy: entropy, components: parameters)
            lowerBounds.append(lowerBound)
            if abs(lowerBound - previous) < options.tolerance {
                converged = true
                break
            }
        }
        return BayesianGaussianMixture(
            prior: prior, components: parameters,
            convergence: Convergence(iterations: lowerBounds.count, converged: converged, lowerBounds: lowerBounds))
    }

    /// Overwrites `resp` with the responsibilities under `scoring` and returns −Σ r log r.
    static func eStep(values: [Double], scoring: ScoringTerms, into resp: UnsafeMutableBufferPointer<Double>) -> Double {
        let k = scoring.count
        let output = UnsafeSendableBuffer(resp)
        return chunkedSums(count: values.count, width: 1) { range, entropy in
            let block = ScoringTerms.blockRows
            withUnsafeTemporaryAllocation(of: Double.self, capacity: ScoringTerms.scratchCount(rows: block, components: k)) { scratch in
                values.withUnsafeBufferPointer { x in
                    scoring.withTerms { terms in
                        var sum = 0.0
                        for start in stride(from: range.lowerBound, to: range.upperBound, by: block) {
                            sum += ScoringTerms.responsibilities(x.baseAddress! + start, rows: min(block, range.upperBound - start),
                                                                 terms: terms, into: output.base + start * k,
                                                                 scratch: scratch.baseAddress!)
                        }
                        entropy[0] = sum
                    }
                }
            }
        }[0]
    }
}

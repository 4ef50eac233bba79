import Foundation

/// A one-dimensional variational Bayesian Gaussian mixture with a Dirichlet-process
/// (stick-breaking) prior on the weights: scikit-learn's `BayesianGaussianMixture` with
/// `covariance_type='full'` on one feature and `weight_concentration_prior_type='dirichlet_process'`.
///
/// CTGAN and TVAE normalise each continuous column by its modes ("mode-specific normalisation",
/// Xu et al. 2019), and the reference implementation finds the modes with this model through
/// RDT's `ClusterBasedNormalizer`. The point of reproducing it step for step rather than fitting
/// any mixture is that the same data, started from the same responsibilities, gives the same
/// modes as ctgan 0.12.1 does, so models and results can be compared with the reference.
///
/// The fitted value holds the variational posterior of every component (`Component`) and the
/// weights sklearn reports (`weights_`); `predictProbabilities` is sklearn's `predict_proba`,
/// the E-step responsibilities. Formulas: scikit-learn 1.9.1, `sklearn/mixture/_bayesian_mixture.py`
/// (`_estimate_weights`, `_estimate_means`, `_estimate_wishart_full`, `_estimate_log_weights`,
/// `_estimate_log_prob`, `_compute_lower_bound`, `_set_parameters`), `_gaussian_mixture.py`
/// (`_estimate_gaussian_parameters`, `_estimate_log_gaussian_prob`, `_compute_precision_cholesky`)
/// and `_base.py` (`fit_predict`), after Bishop (2006) §10.2 and Blei & Jordan (2006).
/// Fitting is in `BayesianGaussianMixture+Fit.swift`.
public struct BayesianGaussianMixture: Sendable, Equatable {
    /// The prior of the model, in sklearn's terms (the fitted `*_prior_` attributes).
    public struct Prior: Codable, Sendable, Equatable {
        /// γ, the concentration of the Dirichlet process (`weight_concentration_prior`): small
        /// values let the data switch off components it does not need (RDT uses 0.001).
        public var weightConcentration: Double
        /// β₀, the precision of the prior on the means relative to the component precision
        /// (`mean_precision_prior`, sklearn's default 1).
        public var meanPrecision: Double
        /// m₀, the prior mean of every component (`mean_prior`, default the data mean).
        public var mean: Double
        /// ν₀, the degrees of freedom of the Wishart (here gamma) prior on the precisions
        /// (`degrees_of_freedom_prior`, default the number of features, 1).
        public var degreesOfFreedom: Double
        /// The prior variance (`covariance_prior`, default the data variance with divisor n − 1).
        public var variance: Double

        public init(weightConcentration: Double, meanPrecision: Double, mean: Double,
                    degreesOfFreedom: Double, variance: Double) {
            self.weightConcentration = weightConcentration
            self.meanPrecision = meanPrecision
            self.mean = mean
            self.degreesOfFreedom = degreesOfFreedom
            self.variance = variance
        }
    }

    /// The variational posterior of one component: a Beta(`stickA`, `stickB`) stick-breaking
    /// fraction, and a Normal–Gamma posterior on its mean and precision.
    public struct Component: Codable, Sendable, Equatable {
        /// The two parameters of the Beta posterior of the component's stick-breaking fraction
        /// (`weight_concentration_[0][k]` and `[1][k]`): 1 + Nₖ and γ + Σ_{j>k} Nⱼ.
        public var stickA: Double
        public var stickB: Double
        /// βₖ = β₀ + Nₖ (`mean_precision_`).
        public var meanPrecision: Double
        /// mₖ, the posterior mean (`means_`).
        public var mean: Double
        /// νₖ = ν₀ + Nₖ (`degrees_of_freedom_`).
        public var degreesOfFreedom: Double
        /// The component variance as sklearn reports it (`covariances_`: the Wishart scale
        /// normalised by νₖ). RDT takes its square root as the mode's standard deviation.
        public var variance: Double

        public init(stickA: Double, stickB: Double, meanPrecision: Double, mean: Double,
                    degreesOfFreedom: Double, variance: Double) {
            self.stickA = stickA
            self.stickB = stickB
            self.meanPrecision = meanPrecision
            self.mean = mean
            self.degreesOfFreedom = degreesOfFreedom
            self.variance = variance
        }

        /// √variance, the scale RDT normalises by.
        public var standardDeviation: Double { variance.squareRoot() }
    }

    /// How the variational iterations ended (sklearn's `n_iter_`, `converged_`, `lower_bound_`,
    /// `lower_bounds_`).
    public struct Convergence: Codable, Sendable, Equatable {
        /// The number of E/M iterations run (0 when `maxIterations` was 0).
        public var iterations: Int
        /// Whether the lower bound changed by less than the tolerance before `maxIterations`.
        /// sklearn only warns when it did not; we report it and let the caller decide.
        public var converged: Bool
        /// The evidence lower bound after each iteration, without sklearn's dropped constants.
        public var lowerBounds: [Double]

        public init(iterations: Int, converged: Bool, lowerBounds: [Double]) {
            self.iterations = iterations
            self.converged = converged
            self.lowerBounds = lowerBounds
        }

        /// The final lower bound (−∞ when no iteration ran).
        public var lowerBound: Double { lowerBounds.last ?? -.infinity }
    }

    public let prior: Prior
    public let components: [Component]
    public let convergence: Convergence
    /// The expected mixing weights (sklearn's `weights_`): E[πₖ] under the stick-breaking
    /// posterior, renormalised to sum to 1.
    public let weights: [Double]
    /// The per-component constants of the E-step, derived from `components`.
    let scoring: ScoringTerms

    /// A mixture from fitted (or stored) parameters.
    ///
    /// - Precondition: at least one component; every parameter finite, `variance`,
    ///   `meanPrecision`, `degreesOfFreedom` and `stickA`, `stickB` positive (use
    ///   `validationFailure(components:)` to check untrusted input first).
    public init(prior: Prior, components: [Component], convergence: Convergence) {
        if let failure = Self.validationFailure(components: components) { preconditionFailure(failure) }
        self.prior = prior
        self.components = components
        self.convergence = convergence
        weights = Self.expectedWeights(components)
        scoring = ScoringTerms(components)
    }

    public var componentCount: Int { components.count }
    public var means: [Double] { components.map(\.mean) }
    public var variances: [Double] { components.map(\.variance) }
    public var standardDeviations: [Double] { components.map(\.standardDeviation) }

    /// The posterior probability of each component given x (sklearn `predict_proba`): the
    /// normalised exp(E[log πₖ] + E[log N(x | μₖ, Λₖ⁻¹)]). Sums to 1; all NaN for a NaN or infinite x.
    public func predictProbabilities(_ x: Double) -> [Double] {
        var probabilities = [Double](repeating: 0, count: components.count)
        predictProbabilities(x, into: &probabilities)
        return probabilities
    }

    /// `predictProbabilities(x)` written into `probabilities` (count `componentCount`), for loops
    /// over many values that should not allocate per value.
    public func predictProbabilities(_ x: Double, into probabilities: inout [Double]) {
        precondition(probabilities.count == components.count, "probabilities must have one entry per component")
        withUnsafeTemporaryAllocation(of: Double.self,
                                      capacity: ScoringTerms.scratchCount(rows: 1, components: components.count)) { scratch in
            probabilities.withUnsafeMutableBufferPointer { row in
                withUnsafePointer(to: x) { value in
                    scoring.withTerms { terms in
                        _ = ScoringTerms.responsibilities(value, rows: 1, terms: terms, into: row.baseAddress!,
                                                          scratch: scratch.baseAddress!)
                    }
                }
            }
        }
    }

    /// Why `components` cannot make a mixture, or nil when they can.
    public static func validationFailure(components: [Component]) -> String? {
        guard !components.isEmpty else { return "a mixture needs at least one component" }
        for (k, c) in components.enumerated() {
            let values = [c.stickA, c.stickB, c.meanPrecision, c.mean, c.degreesOfFreedom, c.variance]
            guard values.allSatisfy(\.isFinite) else { return "component \(k) has a non-finite parameter" }
            guard c.variance > 0, c.meanPrecision > 0, c.degreesOfFreedom > 0, c.stickA > 0, c.stickB > 0 else {
                return "component \(k) has a non-positive variance, precision, degrees of freedom or stick parameter"
            }
        }
        return nil
    }

    /// sklearn `_set_parameters` (dirichlet_process): wₖ = aₖ/(aₖ+bₖ) · Π_{j<k} bⱼ/(aⱼ+bⱼ),
    /// renormalised.
    static func expectedWeights(_ components: [Component]) -> [Double] {
        var weights = [Double]()
        weights.reserveCapacity(components.count)
        var remaining = 1.0
        for c in components {
            let sum = c.stickA + c.stickB
            weights.append(c.stickA / sum * remaining)
            remaining *= c.stickB / sum
        }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }
}

import Foundation

// The pieces of one variational iteration of `BayesianGaussianMixture`, each transcribing the
// scikit-learn 1.9.1 function named in its comment for one feature and covariance_type 'full'
// (where every "matrix" is 1 × 1). Kept apart from the fitting loop so that the arithmetic can be
// read against sklearn line by line.

// MARK: - E-step

/// The per-component constants of the E-step, so that the weighted log-probability of x in
/// component k is one multiply-add: log ρₖ(x) = cₖ − ½ (x·pₖ − mₖ·pₖ)².
///
/// sklearn `_estimate_weighted_log_prob` = `_estimate_log_prob` + `_estimate_log_weights`:
/// - `_estimate_log_gaussian_prob`: −½ (log 2π + (x pₖ − mₖ pₖ)²) + log pₖ, with the precision
///   Cholesky factor pₖ = 1/√vₖ (`_compute_precision_cholesky`);
/// - minus ½ log νₖ (the precisions are normalised by νₖ), plus ½ (log Λ̃ₖ − 1/βₖ) with
///   log Λ̃ₖ = log 2 + ψ(νₖ/2) (Bishop 10.65, one feature);
/// - plus E[log πₖ] = ψ(aₖ) − ψ(aₖ+bₖ) + Σⱼ₍<ₖ₎ [ψ(bⱼ) − ψ(aⱼ+bⱼ)] (the stick-breaking weights).
struct ScoringTerms: Sendable, Equatable {
    /// (cₖ, pₖ, mₖ·pₖ) for each component, interleaved so the hot loop reads one buffer.
    let terms: [Double]
    var count: Int { terms.count / 3 }

    init(_ components: [BayesianGaussianMixture.Component]) {
        var terms = [Double]()
        terms.reserveCapacity(3 * components.count)
        var stickRemainder = 0.0 // Σⱼ₍<ₖ₎ ψ(bⱼ) − ψ(aⱼ+bⱼ), numpy's cumsum order
        for c in components {
            let digammaSum = SpecialFunctions.digamma(c.stickA + c.stickB)
            let logWeight = SpecialFunctions.digamma(c.stickA) - digammaSum + stickRemainder
            stickRemainder += SpecialFunctions.digamma(c.stickB) - digammaSum
            let precisionCholesky = 1 / c.variance.squareRoot()
            let logLambda = log(2.0) + SpecialFunctions.digamma(0.5 * c.degreesOfFreedom)
            let constant = -0.5 * log(2 * Double.pi) + log(precisionCholesky) - 0.5 * log(c.degreesOfFreedom)
                + 0.5 * (logLambda - 1 / c.meanPrecision) + logWeight
            terms.append(constant)
            terms.append(precisionCholesky)
            terms.append(c.mean * precisionCholesky)
        }
        self.terms = terms
    }

    /// Writes the responsibilities of x into `r` (count components) and returns the row's
    /// entropy −Σₖ rₖ log rₖ (sklearn `_estimate_log_prob_resp`, computed as
    /// rₖ = eₖ/s with eₖ = exp(log ρₖ − max), s = Σ eₖ, so one exp per component, four at a
    /// time with `SpecialFunctions.vectorExp`).
    @inline(__always)
    func responsibilities(_ x: Double, into r: UnsafeMutablePointer<Double>) -> Double {
        terms.withUnsafeBufferPointer { Self.responsibilities(x, terms: $0.baseAddress!, count: count, into: r) }
    }

    @inline(__always)
    static func responsibilities(_ x: Double, terms t: UnsafePointer<Double>, count: Int,
                                 into r: UnsafeMutablePointer<Double>) -> Double {
        var largest = -Double.infinity
        for k in 0..<count {
            let y = x * t[3 * k + 1] - t[3 * k + 2]
            let logRho = t[3 * k] - 0.5 * (y * y)
            r[k] = logRho
            largest = max(largest, logRho)
        }
        // dₖ = log ρₖ − max ≤ 0 and eₖ = exp(dₖ), four components at a time; padding lanes and
        // dₖ < −1000 (e = 0 either way) are set to −1000 so that eₖ·dₖ is 0, not 0·∞.
        var sums = SIMD4<Double>()
        var weightedLogs = SIMD4<Double>() // Σ eₖ dₖ
        var k = 0
        while k < count {
            var d = SIMD4<Double>(repeating: -1000)
            if k + 4 <= count {
                d = UnsafeRawPointer(r + k).loadUnaligned(as: SIMD4<Double>.self) - largest
            } else {
                for lane in 0..<(count - k) { d[lane] = r[k + lane] - largest }
            }
            d.replace(with: -1000, where: d .< -1000)
            let e = SpecialFunctions.vectorExp(d)
            sums += e
            weightedLogs = weightedLogs.addingProduct(e, d)
            for lane in 0..<min(4, count - k) { r[k + lane] = e[lane] }
            k += 4
        }
        let sum = sums.sum()
        let inverse = 1 / sum
        for k in 0..<count { r[k] *= inverse }
        // −Σ rₖ (dₖ − log s) = log s − Σ eₖ dₖ / s, since Σ rₖ = 1.
        return log(sum) - weightedLogs.sum() * inverse
    }
}

// MARK: - M-step

/// Nₖ, x̄ₖ and Sₖ from data and responsibilities (sklearn `_estimate_gaussian_parameters` with
/// `_estimate_gaussian_covariances_full`): Nₖ = Σᵢ rᵢₖ + 10ε, x̄ₖ = Σᵢ rᵢₖ xᵢ / Nₖ,
/// Sₖ = Σᵢ rᵢₖ (xᵢ − x̄ₖ)² / Nₖ + reg_covar (two passes, as sklearn, so a narrow mode far from 0
/// keeps its precision).
struct SufficientStatistics: Sendable {
    var counts: [Double]
    var means: [Double]
    var variances: [Double]

    /// Rows per parallel chunk; fixed, so sums do not depend on the thread count.
    static let chunkSize = 4096

    init(values: [Double], responsibilities: UnsafeMutableBufferPointer<Double>, components: Int,
         varianceRegularization: Double) {
        let n = values.count
        let resp = UnsafeSendableBuffer(responsibilities)
        let firstMoments = chunkedSums(count: n, width: 2 * components) { range, partial in
            for i in range {
                let row = resp.base + i * components
                let x = values[i]
                for k in 0..<components {
                    partial[k] += row[k]
                    partial[components + k] += row[k] * x
                }
            }
        }
        let counts = (0..<components).map { firstMoments[$0] + 10 * Double.ulpOfOne }
        let means = (0..<components).map { firstMoments[components + $0] / counts[$0] }
        let spreads = chunkedSums(count: n, width: components) { range, partial in
            for i in range {
                let row = resp.base + i * components
                let x = values[i]
                for k in 0..<components {
                    let d = x - means[k]
                    partial[k] += row[k] * d * d
                }
            }
        }
        self.counts = counts
        self.means = means
        variances = (0..<components).map { spreads[$0] / counts[$0] + varianceRegularization }
    }
}

extension BayesianGaussianMixture {
    /// The variational posterior given the statistics (sklearn `_estimate_weights`,
    /// `_estimate_means`, `_estimate_wishart_full`):
    /// aₖ = 1 + Nₖ, bₖ = γ + Σⱼ₍>ₖ₎ Nⱼ; βₖ = β₀ + Nₖ; mₖ = (β₀ m₀ + Nₖ x̄ₖ)/βₖ; νₖ = ν₀ + Nₖ;
    /// vₖ = (v₀ + Nₖ Sₖ + Nₖ β₀/βₖ (x̄ₖ − m₀)²) / νₖ.
    static func posterior(_ statistics: SufficientStatistics, prior: Prior) -> [Component] {
        let counts = statistics.counts
        let k = counts.count
        var tail = [Double](repeating: 0, count: k) // Σⱼ₍>ₖ₎ Nⱼ, summed from the end as numpy's cumsum
        var running = 0.0
        for j in stride(from: k - 1, to: 0, by: -1) {
            running += counts[j]
            tail[j - 1] = running
        }
        return (0..<k).map { j in
            let n = counts[j]
            let meanPrecision = prior.meanPrecision + n
            let mean = (prior.meanPrecision * prior.mean + n * statistics.means[j]) / meanPrecision
            let degreesOfFreedom = prior.degreesOfFreedom + n
            let diff = statistics.means[j] - prior.mean
            let scatter = prior.variance + n * statistics.variances[j] + n * prior.meanPrecision / meanPrecision * (diff * diff)
            return Component(stickA: 1 + n, stickB: prior.weightConcentration + tail[j],
                             meanPrecision: meanPrecision, mean: mean,
                             degreesOfFreedom: degreesOfFreedom, variance: scatter / degreesOfFreedom)
        }
    }

    /// The lower bound without sklearn's constant terms (`_compute_lower_bound`, dirichlet_process,
    /// one feature): −Σ r log r − Σₖ log B(νₖ) + Σₖ log Beta(aₖ, bₖ) − ½ Σₖ log βₖ, where the Wishart
    /// normaliser is log B(νₖ) = −(νₖ (log pₖ − ½ log νₖ) + νₖ ½ log 2 + log Γ(νₖ/2)).
    static func lowerBound(entropy: Double, components: [Component]) -> Double {
        var logWishart = 0.0
        var logBetaSum = 0.0
        var logMeanPrecision = 0.0
        for c in components {
            let logDetCholesky = log(1 / c.variance.squareRoot()) - 0.5 * log(c.degreesOfFreedom)
            logWishart += -(c.degreesOfFreedom * logDetCholesky + c.degreesOfFreedom * 0.5 * log(2.0)
                + SpecialFunctions.logGamma(0.5 * c.degreesOfFreedom))
            logBetaSum += SpecialFunctions.logBeta(c.stickA, c.stickB)
            logMeanPrecision += log(c.meanPrecision)
        }
        return entropy - logWishart + logBetaSum - 0.5 * logMeanPrecision
    }
}

// MARK: - Deterministic parallel sums

/// Σ over chunks of `body`'s per-chunk partial sums (`width` of them, zeroed before each chunk),
/// reduced in chunk order so the result does not depend on the thread count.
func chunkedSums(count: Int, width: Int, chunkSize: Int = SufficientStatistics.chunkSize,
                 _ body: @Sendable (Range<Int>, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
    let chunks = max(1, (count + chunkSize - 1) / chunkSize)
    var partials = [Double](repeating: 0, count: chunks * width)
    partials.withUnsafeMutableBufferPointer { buffer in
        let shared = UnsafeSendableBuffer(buffer)
        Parallel.forEachChunk(count: count, chunkSize: chunkSize) { range in
            body(range, shared.base + (range.lowerBound / chunkSize) * width)
        }
    }
    var totals = [Double](repeating: 0, count: width)
    for c in 0..<chunks {
        for j in 0..<width { totals[j] += partials[c * width + j] }
    }
    return totals
}

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
/// - plus E[log πₖ] = ψ(aₖ) − ψ(aₖ+bₖ) + Σ_{j<k} [ψ(bⱼ) − ψ(aⱼ+bⱼ)] (the stick-breaking weights).
struct ScoringTerms: Sendable, Equatable {
    /// cₖ, everything in log ρₖ(x) that does not depend on x.
    let constants: [Double]
    /// pₖ = 1/√vₖ.
    let precisions: [Double]
    /// mₖ·pₖ.
    let scaledMeans: [Double]
    var count: Int { constants.count }

    init(_ components: [BayesianGaussianMixture.Component]) {
        var constants = [Double](), precisions = [Double](), scaledMeans = [Double]()
        var stickRemainder = 0.0 // Σ_{j<k} ψ(bⱼ) − ψ(aⱼ+bⱼ), numpy's cumsum order
        for c in components {
            let digammaSum = SpecialFunctions.digamma(c.stickA + c.stickB)
            let logWeight = SpecialFunctions.digamma(c.stickA) - digammaSum + stickRemainder
            stickRemainder += SpecialFunctions.digamma(c.stickB) - digammaSum
            let precisionCholesky = 1 / c.variance.squareRoot()
            let logLambda = log(2.0) + SpecialFunctions.digamma(0.5 * c.degreesOfFreedom)
            constants.append(-0.5 * log(2 * Double.pi) + log(precisionCholesky) - 0.5 * log(c.degreesOfFreedom)
                + 0.5 * (logLambda - 1 / c.meanPrecision) + logWeight)
            precisions.append(precisionCholesky)
            scaledMeans.append(c.mean * precisionCholesky)
        }
        self.constants = constants
        self.precisions = precisions
        self.scaledMeans = scaledMeans
    }

    /// Calls `body` with the three arrays' base addresses, for loops over many values.
    func withTerms<R>(_ body: (Terms) -> R) -> R {
        constants.withUnsafeBufferPointer { c in
            precisions.withUnsafeBufferPointer { p in
                scaledMeans.withUnsafeBufferPointer { m in
                    body(Terms(constants: c.baseAddress!, precisions: p.baseAddress!, scaledMeans: m.baseAddress!, count: count))
                }
            }
        }
    }

    struct Terms {
        let constants: UnsafePointer<Double>
        let precisions: UnsafePointer<Double>
        let scaledMeans: UnsafePointer<Double>
        let count: Int
    }

    /// The most rows `responsibilities` takes at once, so its scratch space stays small.
    static let blockRows = 256

    /// The Doubles of scratch space `responsibilities` needs for `rows` rows.
    static func scratchCount(rows: Int, components: Int) -> Int { rows * (2 * components + 3) }

    /// Writes the responsibilities of `values[0..<rows]` into `r` (row-major, `rows × count`) and
    /// returns the sum of the rows' entropies −Σₖ rₖ log rₖ (sklearn `_estimate_log_prob_resp`,
    /// computed as rₖ = eₖ/s with eₖ = exp(dₖ), dₖ = log ρₖ − maxⱼ log ρⱼ and s = Σₖ eₖ: one exp
    /// per component).
    ///
    /// The work runs component-major in `scratch` (`scratchCount(rows:components:)` Doubles):
    /// log ρ, the max, d and exp go along the rows of one component, long loops of independent
    /// elements that the compiler vectorises; each row's max and sums still run over the
    /// components in order. A NaN or infinite value gives NaN throughout its row.
    static func responsibilities(_ values: UnsafePointer<Double>, rows: Int, terms t: Terms,
                                 into r: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) -> Double {
        let k = t.count
        let d = scratch                      // dₖ for component k at d[k·rows + i]
        let e = scratch + rows * k           // eₖ, same layout
        let largest = scratch + 2 * rows * k // per row
        let sums = largest + rows            // s per row
        let weightedLogs = sums + rows       // Σₖ eₖ dₖ per row
        for i in 0..<rows { largest[i] = -.infinity }
        for j in 0..<k {
            let logRhos = d + j * rows
            for i in 0..<rows {
                let value = logRho(values[i], t, j)
                logRhos[i] = value
                largest[i] = value > largest[i] ? value : largest[i]
            }
        }
        // dₖ ≤ 0, clamped at −1000 (where e is 0 either way) so that eₖ·dₖ is 0, not 0·∞.
        for j in 0..<k {
            let column = d + j * rows
            for i in 0..<rows {
                let difference = column[i] - largest[i]
                column[i] = difference < -1000 ? -1000 : difference
            }
        }
        for m in 0..<(rows * k) { e[m] = SpecialFunctions.fastExp(d[m]) }
        for i in 0..<rows {
            sums[i] = 0
            weightedLogs[i] = 0
        }
        for j in 0..<k {
            let ej = e + j * rows, dj = d + j * rows
            for i in 0..<rows {
                sums[i] += ej[i]
                weightedLogs[i] += ej[i] * dj[i]
            }
        }
        var entropy = 0.0
        for i in 0..<rows {
            let inverse = 1 / sums[i]
            let row = r + i * k
            for j in 0..<k { row[j] = e[j &* rows &+ i] * inverse }
            // −Σ rₖ (dₖ − log s) = log s − Σ eₖ dₖ / s, since Σ rₖ = 1.
            entropy += log(sums[i]) - weightedLogs[i] * inverse
        }
        return entropy
    }

    /// log ρₖ(x) = cₖ − ½ (x·pₖ − mₖ·pₖ)².
    @inline(__always)
    static func logRho(_ x: Double, _ t: Terms, _ k: Int) -> Double {
        let y = x * t.precisions[k] - t.scaledMeans[k]
        return t.constants[k] - 0.5 * (y * y)
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

    /// `responsibilities` is row-major, values.count × components.
    init(values: [Double], responsibilities: UnsafeMutableBufferPointer<Double>, components: Int,
         varianceRegularization: Double) {
        let n = values.count
        let resp = UnsafeSendableBuffer(responsibilities)
        let firstMoments = chunkedSums(count: n, width: 2 * components) { range, partial in
            values.withUnsafeBufferPointer { x in
                sumByComponentGroups(range, resp.base, components) { i, _, r in (r, r * x[i]) } store: { k, count, weighted in
                    partial[k] = count
                    partial[components + k] = weighted
                }
            }
        }
        let counts = (0..<components).map { firstMoments[$0] + 10 * Double.ulpOfOne }
        let means = (0..<components).map { firstMoments[components + $0] / counts[$0] }
        let spreads = chunkedSums(count: n, width: components) { range, partial in
            values.withUnsafeBufferPointer { x in
                means.withUnsafeBufferPointer { mean in
                    sumByComponentGroups(range, resp.base, components) { i, k, r in
                        let d = x[i] - mean[k]
                        return (r * d * d, 0)
                    } store: { k, spread, _ in partial[k] = spread }
                }
            }
        }
        self.counts = counts
        self.means = means
        variances = (0..<components).map { spreads[$0] / counts[$0] + varianceRegularization }
    }
}

/// Two sums per component over the rows in `range` of a row-major responsibility buffer,
/// Σᵢ term(i, k, rᵢₖ).0 and Σᵢ term(i, k, rᵢₖ).1, each in row order. Components are taken four
/// at a time with their eight sums in registers (a loop that adds into an array in memory is
/// limited by store-to-load forwarding, and transposing the loop by single components by the
/// latency of one chain of additions).
@inline(__always)
private func sumByComponentGroups(_ range: Range<Int>, _ resp: UnsafeMutablePointer<Double>, _ components: Int,
                                  term: (Int, Int, Double) -> (Double, Double),
                                  store: (Int, Double, Double) -> Void) {
    var g = 0
    while g < components {
        let lanes = min(4, components - g)
        var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
        var b0 = 0.0, b1 = 0.0, b2 = 0.0, b3 = 0.0
        for i in range {
            let row = resp + i * components + g
            let t0 = term(i, g, row[0])
            a0 += t0.0
            b0 += t0.1
            if lanes > 1 {
                let t1 = term(i, g + 1, row[1])
                a1 += t1.0
                b1 += t1.1
            }
            if lanes > 2 {
                let t2 = term(i, g + 2, row[2])
                a2 += t2.0
                b2 += t2.1
            }
            if lanes > 3 {
                let t3 = term(i, g + 3, row[3])
                a3 += t3.0
                b3 += t3.1
            }
        }
        store(g, a0, b0)
        if lanes > 1 { store(g + 1, a1, b1) }
        if lanes > 2 { store(g + 2, a2, b2) }
        if lanes > 3 { store(g + 3, a3, b3) }
        g += 4
    }
}

extension BayesianGaussianMixture {
    /// The variational posterior given the statistics (sklearn `_estimate_weights`,
    /// `_estimate_means`, `_estimate_wishart_full`):
    /// aₖ = 1 + Nₖ, bₖ = γ + Σ_{j>k} Nⱼ; βₖ = β₀ + Nₖ; mₖ = (β₀ m₀ + Nₖ x̄ₖ)/βₖ; νₖ = ν₀ + Nₖ;
    /// vₖ = (v₀ + Nₖ Sₖ + Nₖ β₀/βₖ (x̄ₖ − m₀)²) / νₖ.
    static func posterior(_ statistics: SufficientStatistics, prior: Prior) -> [Component] {
        let counts = statistics.counts
        let k = counts.count
        var tail = [Double](repeating: 0, count: k) // Σ_{j>k} Nⱼ, summed from the end as numpy's cumsum
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

/// Σ over chunks of `body`'s partial sums: each chunk adds into its own `width` slots (zero at
/// the start), and the slots are reduced in chunk order, so the result does not depend on the
/// thread count.
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

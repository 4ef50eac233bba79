/// Deterministic sampling primitives on any generator. With `SeededRandom` they give the same
/// values on every platform and Swift version, because each is a fixed algorithm written here
/// (the standard library's `random(in:)` and `shuffle()` make no such promise).
extension RandomNumberGenerator {
    /// A uniform Double in the open interval (0, 1): (k + ½)·2⁻⁵² for the top 52 bits k of one
    /// 64-bit output. Never exactly 0 or 1, so Φ⁻¹(u) and log(u) are always finite.
    @inline(__always)
    public mutating func nextUniform() -> Double {
        (Double(next() >> 12) + 0.5) * 0x1p-52
    }

    /// A standard normal draw by inversion, Φ⁻¹(u) with AS241, from exactly one uniform.
    ///
    /// Inversion rather than Box–Muller or Marsaglia's polar method: every normal consumes
    /// exactly one 64-bit output and no state is cached between calls, so the k-th normal of a
    /// stream is a fixed function of the k-th output, and the draw is monotone in u (the same
    /// inversion samples truncated normals). The price: |z| ≤ 8.21, the quantile of the smallest
    /// uniform 2⁻⁵³ (a normal exceeds that with probability ≈ 2e−16).
    @inline(__always)
    public mutating func nextStandardNormal() -> Double {
        SpecialFunctions.normalQuantile(nextUniform())
    }

    /// A draw from N(mean, standardDeviation²).
    public mutating func nextNormal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * nextStandardNormal()
    }

    /// A standard normal draw conditioned on lower ≤ Z ≤ upper, by inversion of the truncated cdf
    /// (one uniform, accurate far in the tails); used to sample a latent normal inside a
    /// category's interval.
    public mutating func nextTruncatedStandardNormal(lower: Double, upper: Double) -> Double {
        precondition(lower < upper, "the interval [\(lower), \(upper)] is empty")
        return TruncatedNormal.standardQuantile(nextUniform(), lower: lower, upper: upper)
    }

    /// A uniform integer in 0..<bound by Lemire's multiply-shift with rejection (unbiased).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// An index drawn with probability proportional to `weights` (non-negative, positive sum),
    /// by one uniform and a linear scan. For many draws from the same weights use
    /// `CategoricalSampler`.
    public mutating func nextCategorical(weights: [Double]) -> Int {
        var total = 0.0
        for w in weights {
            precondition(w >= 0 && w.isFinite, "weights must be non-negative and finite")
            total += w
        }
        precondition(total > 0, "weights must not all be zero")
        let target = nextUniform() * total
        var cumulative = 0.0
        var lastPositive = 0
        for (i, w) in weights.enumerated() where w > 0 {
            cumulative += w
            lastPositive = i
            if target < cumulative { return i }
        }
        return lastPositive // rounding left target ≥ the computed total
    }

    /// Shuffles `array` in place by Fisher–Yates (Durstenfeld's variant, from the end).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            if i != j { array.swapAt(i, j) }
        }
    }

    /// `count` distinct indices from 0..<population, in the order drawn (a uniformly random
    /// ordered sample), by a partial Fisher–Yates over a sparse map: O(count) time and memory
    /// however large the population.
    public mutating func sampleWithoutReplacement(count: Int, from population: Int) -> [Int] {
        precondition(count >= 0 && count <= population, "cannot draw \(count) of \(population) without replacement")
        var displaced: [Int: Int] = [:]
        var result = [Int]()
        result.reserveCapacity(count)
        for i in 0..<count {
            let j = i + nextInt(below: population - i)
            let valueAtJ = displaced[j] ?? j
            let valueAtI = displaced[i] ?? i
            displaced[j] = valueAtI
            result.append(valueAtJ)
        }
        return result
    }
}

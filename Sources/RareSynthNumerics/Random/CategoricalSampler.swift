/// Repeated draws from one categorical distribution: the cumulative weights are built once and
/// each draw is one uniform and a binary search (O(log k)), with the same result as
/// `nextCategorical(weights:)` for the same uniform.
public struct CategoricalSampler: Sendable, Equatable {
    /// Normalised cumulative probabilities; the last is exactly 1.
    public let cumulative: [Double]

    /// nil when a weight is negative or not finite, or all are zero.
    public init?(weights: [Double]) {
        var running = 0.0
        var cumulative = [Double]()
        cumulative.reserveCapacity(weights.count)
        for w in weights {
            guard w >= 0, w.isFinite else { return nil }
            running += w
            cumulative.append(running)
        }
        guard running > 0 else { return nil }
        self.cumulative = cumulative.map { $0 / running }
    }

    /// The probability of each category.
    public var probabilities: [Double] {
        cumulative.enumerated().map { i, c in i == 0 ? c : c - cumulative[i - 1] }
    }

    /// The smallest index whose cumulative probability exceeds u, for u in (0, 1).
    public func index(forUniform u: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if u < cumulative[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        index(forUniform: generator.nextUniform())
    }
}

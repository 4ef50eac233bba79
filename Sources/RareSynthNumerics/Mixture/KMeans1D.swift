import Foundation

/// Seeded k-means on one dimension, the initialiser of `BayesianGaussianMixture.fit` (sklearn's
/// `init_params='kmeans'` runs `KMeans(n_clusters=K, n_init=1)` and uses its labels as one-hot
/// responsibilities).
///
/// Seeding is sklearn's greedy k-means++ (`sklearn/cluster/_kmeans.py`, `_kmeans_plusplus`
/// in 1.9.1): the first centre uniformly, each next one the best of 2 + ⌊log K⌋ candidates drawn
/// with probability ∝ D², where best means the smallest resulting potential. Lloyd's iterations
/// then run on the sorted values, where every cluster is a contiguous run between the midpoints
/// of neighbouring centres, until the assignment stops changing or the centres move by less
/// than sklearn's tolerance (Σ shift² ≤ 1e−4 · variance), at most 300 times.
///
/// The draws come from `SeededRandom`, so the result is deterministic for a seed but not
/// numpy's. Clusters are numbered in the order their centres were seeded, as sklearn's are (the
/// Dirichlet-process prior of the mixture is order-dependent, so this keeps its behaviour
/// comparable). With fewer distinct values than K, only as many clusters as distinct values
/// are seeded and the others stay empty.
enum KMeans1D {
    struct Result: Equatable {
        /// The centres, in seeding order (fewer than K when there are fewer distinct values).
        var centers: [Double]
        /// The cluster of each value, in the input's order.
        var labels: [Int]
        var iterations: Int
    }

    static func cluster(_ values: [Double], clusters k: Int, seed: UInt64,
                        maxIterations: Int = 300, tolerance: Double = 1e-4) -> Result {
        precondition(k >= 1 && !values.isEmpty, "k-means needs at least one cluster and one value")
        let sorted = values.sorted()
        var generator = SeededRandom(seed: seed)
        var centers = seedCenters(sorted, k: k, using: &generator)

        // Lloyd on the sorted values; `order` maps sorted-centre position to seeding index.
        let order = centers.indices.sorted { centers[$0] < centers[$1] }
        var ascending = order.map { centers[$0] }
        let moments = Statistics.meanAndVariance(sorted)
        let shiftTolerance = tolerance * moments.variance
        var previousStarts = [Int]()
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            let starts = runStarts(sorted, centers: ascending)
            if starts == previousStarts { break }
            var shift = 0.0
            for j in ascending.indices {
                let end = j + 1 < starts.count ? starts[j + 1] : sorted.count
                guard end > starts[j] else { continue } // an empty cluster keeps its centre
                var sum = 0.0
                for i in starts[j]..<end { sum += sorted[i] }
                let center = sum / Double(end - starts[j])
                shift += (center - ascending[j]) * (center - ascending[j])
                ascending[j] = center
            }
            previousStarts = starts
            if shift <= shiftTolerance { break }
        }
        for (position, index) in order.enumerated() { centers[index] = ascending[position] }

        // Label every value by the final centres (nearest, ties to the lower centre).
        let midpoints = (0..<max(0, ascending.count - 1)).map { 0.5 * (ascending[$0] + ascending[$0 + 1]) }
        let labels = values.map { x in order[upperBound(of: x, in: midpoints, orEqual: false)] }
        return Result(centers: centers, labels: labels, iterations: iterations)
    }

    /// Greedy k-means++ on sorted values; returns at most k distinct centres.
    static func seedCenters<G: RandomNumberGenerator>(_ sorted: [Double], k: Int, using generator: inout G) -> [Double] {
        let n = sorted.count
        var centers = [sorted[generator.nextInt(below: n)]]
        var closest = sorted.map { ($0 - centers[0]) * ($0 - centers[0]) }
        var potential = closest.reduce(0, +)
        let trials = 2 + Int(log(Double(k)))
        var cumulative = [Double](repeating: 0, count: n)
        var candidateDistances = [Double](repeating: 0, count: n)
        var bestDistances = [Double](repeating: 0, count: n)
        while centers.count < k && potential > 0 {
            var running = 0.0
            for i in 0..<n {
                running += closest[i]
                cumulative[i] = running
            }
            var best: (center: Double, potential: Double)? = nil
            for _ in 0..<trials {
                let target = generator.nextUniform() * running
                let index = min(n - 1, upperBound(of: target, in: cumulative, orEqual: true))
                let candidate = sorted[index]
                var candidatePotential = 0.0
                for i in 0..<n {
                    let d = (sorted[i] - candidate) * (sorted[i] - candidate)
                    candidateDistances[i] = min(closest[i], d)
                    candidatePotential += candidateDistances[i]
                }
                if best == nil || candidatePotential < best!.potential {
                    best = (candidate, candidatePotential)
                    swap(&bestDistances, &candidateDistances)
                }
            }
            guard let chosen = best, !centers.contains(chosen.center) else { break }
            centers.append(chosen.center)
            swap(&closest, &bestDistances)
            potential = chosen.potential
        }
        return centers
    }

    /// The first sorted index of each cluster's run, for centres in ascending order.
    static func runStarts(_ sorted: [Double], centers: [Double]) -> [Int] {
        var starts = [0]
        for j in 1..<max(1, centers.count) {
            let midpoint = 0.5 * (centers[j - 1] + centers[j])
            starts.append(upperBound(of: midpoint, in: sorted, orEqual: true))
        }
        return starts
    }

    /// The number of elements of the ascending `array` below `value` (or ≤ it with `orEqual`).
    static func upperBound(of value: Double, in array: [Double], orEqual: Bool) -> Int {
        var low = 0
        var high = array.count
        while low < high {
            let middle = (low + high) / 2
            if array[middle] < value || (orEqual && array[middle] == value) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

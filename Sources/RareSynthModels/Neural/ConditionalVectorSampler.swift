import Foundation
import RareSynthNumerics

/// CTGAN's training-by-sampling (Xu et al. 2019, §4.3): each training row is conditioned on one
/// category of one discrete column, so the generator sees rare categories often enough to learn
/// them, and the critic compares it with real rows that have that category.
///
/// As ctgan 0.12.1's `DataSampler`: the column is uniform over the discrete columns, the category
/// follows the column's log-frequencies `log(1 + count)` (normalised), and the real row is drawn
/// uniformly among the training rows with that category. Where RareSynth departs: at generation
/// time ctgan draws conditions from those log-frequencies pooled over all columns, which
/// over-represents rare categories in the output; ``generationCondition(using:)`` draws the
/// column uniformly and the category by its real frequency, so the output keeps the training
/// marginals.
public struct ConditionalVectorSampler: Codable, Sendable, Equatable {
    public struct DiscreteColumn: Codable, Sendable, Equatable {
        /// Where the column's one-hot block sits in the encoded row.
        public var dataStart: Int
        /// Where its block sits in the condition vector.
        public var conditionStart: Int
        public var categoryCount: Int
        /// Cumulative log-frequency probabilities (training).
        public var logFrequencyCumulative: [Double]
        /// Cumulative relative frequencies (generation).
        public var frequencyCumulative: [Double]
    }

    public var columns: [DiscreteColumn]
    /// Total width of the condition vector (all categories of all discrete columns).
    public var width: Int
    /// Training rows by (column, category), for drawing a real row that matches a condition.
    /// Not saved with a model: only training needs it.
    var rowsByCategory: [[[Int32]]] = []

    enum CodingKeys: String, CodingKey { case columns, width }

    /// - Parameters:
    ///   - categories: per discrete column, where its one-hot block starts in the encoded row and
    ///     each training row's category.
    public init(categories: [(dataStart: Int, categoryCount: Int, codes: [Int32])]) {
        var columns: [DiscreteColumn] = []
        var rows: [[[Int32]]] = []
        var start = 0
        for c in categories {
            var byCategory = [[Int32]](repeating: [], count: c.categoryCount)
            for (r, code) in c.codes.enumerated() { byCategory[Int(code)].append(Int32(r)) }
            let counts = byCategory.map { Double($0.count) }
            let logs = counts.map { Foundation.log($0 + 1) }
            columns.append(DiscreteColumn(dataStart: c.dataStart, conditionStart: start, categoryCount: c.categoryCount,
                                          logFrequencyCumulative: Self.cumulative(logs),
                                          frequencyCumulative: Self.cumulative(counts)))
            rows.append(byCategory)
            start += c.categoryCount
        }
        self.columns = columns
        self.width = start
        self.rowsByCategory = rows
    }

    /// A sampler from category counts alone (no rows): for differentially private training,
    /// where the counts are noisy and no real row is drawn to match a condition.
    public init(counts: [(dataStart: Int, counts: [Double])]) {
        var start = 0
        columns = counts.map { c in
            let column = DiscreteColumn(dataStart: c.dataStart, conditionStart: start, categoryCount: c.counts.count,
                                        logFrequencyCumulative: Self.cumulative(c.counts.map { Foundation.log(Swift.max(0, $0) + 1) }),
                                        frequencyCumulative: Self.cumulative(c.counts.map { Swift.max(0, $0) }))
            start += c.counts.count
            return column
        }
        width = start
    }

    /// A condition for a generated training row without a real row to match: a uniform column,
    /// a category by log-frequency (a category whose count is 0 is never picked unless all are).
    func fakeTrainingCondition(using rng: inout SeededRandom) -> (column: Int, category: Int) {
        let column = rng.nextInt(below: columns.count)
        let cumulative = columns[column].logFrequencyCumulative
        let u = rng.nextUniform()
        return (column, cumulative.last! > 0 ? Self.pick(cumulative, u) : Swift.min(columns[column].categoryCount - 1, Int(u * Double(columns[column].categoryCount))))
    }

    static func cumulative(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        var running = 0.0
        return weights.map { w in
            running += w
            return total > 0 ? running / total : 0
        }
    }

    /// Index of the first cumulative probability above `u` (numpy's `(cumsum > r).argmax()`).
    static func pick(_ cumulative: [Double], _ u: Double) -> Int {
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// One training condition: (discrete column, category, a training row with that category).
    public func trainingCondition(using rng: inout SeededRandom) -> (column: Int, category: Int, row: Int) {
        let column = rng.nextInt(below: columns.count)
        var category = Self.pick(columns[column].logFrequencyCumulative, rng.nextUniform())
        // A category without rows has log-frequency 0 and is never picked; guard rounding anyway.
        while rowsByCategory[column][category].isEmpty { category = (category + 1) % columns[column].categoryCount }
        let rows = rowsByCategory[column][category]
        return (column, category, Int(rows[rng.nextInt(below: rows.count)]))
    }

    /// One generation condition: a uniform column, a category by its training frequency.
    public func generationCondition(using rng: inout SeededRandom) -> (column: Int, category: Int) {
        let column = rng.nextInt(below: columns.count)
        return (column, Self.pick(columns[column].frequencyCumulative, rng.nextUniform()))
    }

    /// Position of (column, category) in the condition vector.
    public func conditionIndex(column: Int, category: Int) -> Int { columns[column].conditionStart + category }
}

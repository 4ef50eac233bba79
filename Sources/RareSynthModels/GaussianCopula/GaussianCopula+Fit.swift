import RareSynthNumerics
import RareSynthTransform

extension GaussianCopula {
    /// Fits the copula to encoded data. Deterministic: no randomness is used.
    public static func fit(_ data: EncodedTable, options: GaussianCopulaOptions = .init()) throws -> GaussianCopula {
        let n = data.rowCount
        guard n > 0 else { throw ModelError("cannot fit a model to a table with no rows") }
        var margins: [CopulaMargin] = []
        var scores: [[Double]] = []
        var discrete: [(latent: Int, codes: [Int32], counts: [Int])] = []
        var notes: [String] = []
        var levelCounts: [Int] = []
        for column in data.columns {
            switch column.values {
            case let .continuous(values):
                levelCounts.append(0)
                let present = values.filter { !$0.isNaN }
                let missingRate = 1 - Double(present.count) / Double(n)
                let (marginal, note) = MarginalSelection.choose(present, choice: options.marginals)
                let latent = scores.count
                scores.append(LatentScores.continuous(values))
                var missingLatent: Int?
                if missingRate > 0 && !present.isEmpty {
                    missingLatent = scores.count
                    let presentShare = 1 - missingRate
                    let (low, high) = (LatentScores.intervalMean(0, presentShare), LatentScores.intervalMean(presentShare, 1))
                    scores.append(values.map { $0.isNaN ? high : low })
                }
                if present.isEmpty { notes.append("\(column.name): every value is missing; it stays missing") }
                margins.append(.continuous(ContinuousMargin(marginal: marginal, latent: latent, missingLatent: missingLatent,
                                                            missingRate: missingRate, fitNote: note)))
            case let .discrete(codes, levelCount):
                levelCounts.append(levelCount)
                var counts = [Int](repeating: 0, count: levelCount)
                for c in codes { counts[Int(c)] += 1 }
                let order = (0..<levelCount).map(Int32.init)
                let latent = scores.count
                scores.append(LatentScores.discrete(codes, order: order, counts: counts))
                discrete.append((latent, codes, counts))
                margins.append(.discrete(DiscreteMargin(latent: latent, order: order,
                                                        cumulative: LatentScores.cumulative(order: order, counts: counts))))
                if counts.filter({ $0 > 0 }).count == 1 { notes.append("\(column.name): a single category") }
            }
        }
        // Optimal scaling: re-order each category set against the other columns' latent scores.
        for _ in 0..<options.orderingRounds {
            for item in discrete where item.counts.filter({ $0 > 0 }).count > 2 {
                let order = CategoryOrdering.order(codes: item.codes, counts: item.counts, latent: item.latent, scores: scores)
                scores[item.latent] = LatentScores.discrete(item.codes, order: order, counts: item.counts)
            }
        }
        for (k, margin) in margins.enumerated() {
            guard case var .discrete(d) = margin, let item = discrete.first(where: { $0.latent == d.latent }) else { continue }
            d.order = CategoryOrdering.orderFromScores(scores[d.latent], codes: item.codes, levelCount: item.counts.count)
            d.cumulative = LatentScores.cumulative(order: d.order, counts: item.counts)
            margins[k] = .discrete(d)
        }
        // Columns whose category order was chosen from the data: their correlations carry the
        // optimism of that choice, which the estimate removes.
        var chosenLevels = [Int](repeating: 0, count: scores.count)
        if options.orderingRounds > 0 {
            for item in discrete {
                let levels = item.counts.filter { $0 > 0 }.count
                if levels > 2 { chosenLevels[item.latent] = levels }
            }
        }
        let (correlation, repairNote) = LatentCorrelation.estimate(scores, chosenLevels: chosenLevels)
        if let repairNote { notes.append(repairNote) }
        return GaussianCopula(margins: margins, columnNames: data.columns.map(\.name), levelCounts: levelCounts,
                              dimension: scores.count, correlation: correlation, notes: notes)
    }
}

/// An error from fitting or sampling a model that is not tied to a cell of the data.
public struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

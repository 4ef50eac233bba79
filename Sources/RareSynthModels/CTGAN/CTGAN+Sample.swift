import Foundation
import RareSynthNeural
import RareSynthNumerics
import RareSynthTransform

extension CTGAN {
    /// Encoded rows for `requests`. Row `r` of the whole output uses its own random stream
    /// `(seed, r)` (noise, condition, Gumbel draws) and the generator runs in evaluation mode
    /// (batch-norm running statistics), so a row does not depend on the rows around it or on the
    /// thread count.
    ///
    /// Conditions: a condition on a discrete column is put into the generator's condition vector
    /// (the category drawn among the allowed ones by training frequency), which is what CTGAN was
    /// trained for; every condition is then checked on the decoded row and failing rows are
    /// redrawn from new streams. When too few rows pass, it fails with the condition named
    /// instead of returning fewer rows (SDV's rejection sampling can silently fall short).
    public func sample(_ requests: [SampleRequest], seed: UInt64) throws -> EncodedTable {
        let generator = try generator()
        return try ConditionedSampling.sample(requests, layout: layout) { streams, request in
            generate(generator, streams: streams, steer: steering(for: request.conditions), seed: seed)
        }
    }

    /// The condition-vector entry a request pins, when it restricts a discrete column the
    /// generator was trained to condition on.
    func steering(for conditions: [EncodedCondition]) -> (column: Int, categories: [Int], cumulative: [Double])? {
        for condition in conditions {
            guard case let .levels(levels) = condition.condition,
                  case let .discrete(start, _) = layout.columns[condition.column],
                  let k = self.conditions.columns.firstIndex(where: { $0.dataStart == start }) else { continue }
            let c = self.conditions.columns[k]
            let allowed = levels.filter { $0 >= 0 && $0 < c.categoryCount }
            guard !allowed.isEmpty else { continue }
            let weights = allowed.map { c.frequencyCumulative[$0] - ($0 > 0 ? c.frequencyCumulative[$0 - 1] : 0) }
            let cumulative = ConditionalVectorSampler.cumulative(weights.allSatisfy { $0 == 0 } ? weights.map { _ in 1 } : weights)
            return (k, allowed, cumulative)
        }
        return nil
    }

    /// Generates one row per stream, in chunks of the training batch size.
    func generate(_ generator: CTGANGenerator, streams: Range<UInt64>, steer: (column: Int, categories: [Int], cumulative: [Double])?,
                  seed: UInt64) -> EncodedTable {
        let ids = Array(streams)
        let chunk = Swift.max(1, options.batchSize)
        var blocks: [EncodedTable] = []
        let embedding = options.embeddingDimension, condWidth = conditions.width, width = layout.width
        for start in stride(from: 0, to: ids.count, by: chunk) {
            let part = ids[start..<Swift.min(ids.count, start + chunk)]
            let m = part.count
            var z = [Float](repeating: 0, count: m * (embedding + condWidth))
            var gumbel = [Float](repeating: 0, count: m * width)
            for (r, id) in part.enumerated() {
                var rng = SeededRandom(seed: seed, stream: id)
                let base = r * (embedding + condWidth)
                for j in 0..<embedding { z[base + j] = Float(rng.nextStandardNormal()) }
                if condWidth > 0 {
                    let (column, category): (Int, Int)
                    if let steer {
                        column = steer.column
                        category = steer.categories[ConditionalVectorSampler.pick(steer.cumulative, rng.nextUniform())]
                    } else {
                        (column, category) = conditions.generationCondition(using: &rng)
                    }
                    z[base + embedding + conditions.conditionIndex(column: column, category: category)] = 1
                }
                for j in 0..<width {
                    let u = Swift.max(rng.nextUniform(), 1e-300)
                    gumbel[r * width + j] = Float(-Foundation.log(-Foundation.log(u)))
                }
            }
            let tape = Tape()
            let rows = tape.withoutRecording {
                generator(tape.constant(Tensor(shape: [m, embedding + condWidth], scalars: z)), training: false)
                    .activated(layout.spans, inverseTau: 1 / 0.2, gumbel: gumbel).value
            }
            blocks.append(layout.decode(rows))
        }
        return EncodedTable.concatenating(blocks, like: layout)
    }
}

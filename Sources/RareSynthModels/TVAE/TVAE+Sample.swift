import RareSynthNeural
import RareSynthNumerics
import RareSynthTransform

extension TVAE {
    /// Encoded rows for `requests`, as ctgan samples TVAE: latent codes from N(0, I), the decoder,
    /// tanh on every output, then each α blurred by N(0, σ²) with its learned scale before
    /// decoding (arg-max for one-hot blocks). Row `r` uses the stream `(seed, r)` only.
    /// Conditions are met by redrawing rows that fail them (TVAE has no condition input).
    public func sample(_ requests: [SampleRequest], seed: UInt64) throws -> EncodedTable {
        let decoder = try decoder()
        let sigma = decoder.sigma.value.scalars
        let alphaColumns = layout.spans.filter { $0.activation == .tanh }.map(\.start)
        let embedding = options.embeddingDimension, width = layout.width
        return try ConditionedSampling.sample(requests, layout: layout) { streams, _ in
            let ids = Array(streams)
            var blocks: [EncodedTable] = []
            for start in stride(from: 0, to: ids.count, by: Swift.max(1, options.batchSize)) {
                let part = ids[start..<Swift.min(ids.count, start + options.batchSize)]
                var z = [Float](repeating: 0, count: part.count * embedding)
                var blur = [Float](repeating: 0, count: part.count * width)
                for (r, id) in part.enumerated() {
                    var rng = SeededRandom(seed: seed, stream: id)
                    for j in 0..<embedding { z[r * embedding + j] = Float(rng.nextStandardNormal()) }
                    for c in alphaColumns { blur[r * width + c] = sigma[c] * Float(rng.nextStandardNormal()) }
                }
                let tape = Tape()
                var rows = tape.withoutRecording {
                    decoder(tape.constant(Tensor(shape: [part.count, embedding], scalars: z))).tanh().value
                }
                for i in rows.scalars.indices { rows.scalars[i] += blur[i] }
                blocks.append(layout.decode(rows))
            }
            return EncodedTable.concatenating(blocks, like: layout)
        }
    }
}

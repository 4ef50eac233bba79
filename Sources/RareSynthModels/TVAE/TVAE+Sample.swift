import RareSynthNeural
import RareSynthNumerics
import RareSynthTransform

extension TVAE {
    /// Encoded rows for `requests`: latent codes from N(0, I), the decoder, then each output
    /// drawn from the decoder's distribution p(x | z): α from N(tanh(out), σ²) with its learned
    /// scale (as ctgan), and each one-hot block from the softmax of its logits where ctgan takes
    /// the arg-max (``TVAEOptions/discreteOutputs``). Row `r` uses the stream `(seed, r)` only.
    /// Conditions are met by redrawing rows that fail them (TVAE has no condition input).
    public func sample(_ requests: [SampleRequest], seed: UInt64) throws -> EncodedTable {
        let decoder = try decoder()
        let sigma = decoder.sigma.value.scalars
        let embedding = options.embeddingDimension, width = layout.width
        return try ConditionedSampling.sample(requests, layout: layout) { streams, _ in
            let ids = Array(streams)
            var blocks: [EncodedTable] = []
            for start in stride(from: 0, to: ids.count, by: Swift.max(1, options.batchSize)) {
                let part = ids[start..<Swift.min(ids.count, start + options.batchSize)]
                var z = [Float](repeating: 0, count: part.count * embedding)
                var streams: [SeededRandom] = []
                streams.reserveCapacity(part.count)
                for (r, id) in part.enumerated() {
                    var rng = SeededRandom(seed: seed, stream: id)
                    for j in 0..<embedding { z[r * embedding + j] = Float(rng.nextStandardNormal()) }
                    streams.append(rng)
                }
                let tape = Tape()
                var rows = tape.withoutRecording {
                    decoder(tape.constant(Tensor(shape: [part.count, embedding], scalars: z))).value
                }
                rows.scalars.withUnsafeMutableBufferPointer { out in
                    for r in 0..<part.count {
                        let row = UnsafeMutableBufferPointer(rebasing: out[(r * width)..<((r + 1) * width)])
                        layout.drawOutputs(row, sigma: sigma, discrete: options.discreteOutputs, using: &streams[r])
                    }
                }
                blocks.append(layout.decode(rows))
            }
            return EncodedTable.concatenating(blocks, like: layout)
        }
    }
}

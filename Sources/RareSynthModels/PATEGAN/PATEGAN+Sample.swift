import RareSynthNeural
import RareSynthNumerics
import RareSynthTransform

extension PATEGAN {
    /// Encoded rows for `requests`: noise through the generator, each block activated (one-hot
    /// blocks by their arg-max), decoded; row `r` from the stream `(seed, r)`. Conditions are met
    /// by redrawing rows that fail them.
    public func sample(_ requests: [SampleRequest], seed: UInt64) throws -> EncodedTable {
        let generator = try generator()
        let latent = options.latentDimension
        return try ConditionedSampling.sample(requests, layout: layout) { streams, _ in
            var blocks: [EncodedTable] = []
            let ids = Array(streams)
            for start in stride(from: 0, to: ids.count, by: 500) {
                let part = ids[start..<Swift.min(ids.count, start + 500)]
                var z = [Float](repeating: 0, count: part.count * latent)
                for (r, id) in part.enumerated() {
                    var rng = SeededRandom(seed: seed, stream: id)
                    for j in 0..<latent { z[r * latent + j] = Float(rng.nextStandardNormal()) }
                }
                let tape = Tape()
                let rows = tape.withoutRecording {
                    generator(tape.constant(Tensor(shape: [part.count, latent], scalars: z)), training: false).activated(layout.spans).value
                }
                blocks.append(layout.decode(rows))
            }
            return EncodedTable.concatenating(blocks, like: layout)
        }
    }
}

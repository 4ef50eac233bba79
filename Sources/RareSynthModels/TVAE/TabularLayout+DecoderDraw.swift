import Foundation
import RareSynthNeural
import RareSynthNumerics

extension TabularLayout {
    /// Turns one row of TVAE decoder outputs into an encoded row drawn from p(x | z), in place:
    /// each α becomes tanh(out) + σ·N(0, 1); each one-hot block becomes the one-hot of a category
    /// drawn from the softmax of its logits (`.sample`, one `nextCategorical` draw) or of its largest logit (`.argmax`, where
    /// the block is left as logits: decoding takes the arg-max, and no random number is used).
    /// Spans are visited in order, so the draws of a row depend on its stream only.
    func drawOutputs(_ row: UnsafeMutableBufferPointer<Float>, sigma: [Float],
                     discrete: TVAEOptions.DiscreteOutputs, using rng: inout SeededRandom) {
        for span in spans {
            switch span.activation {
            case .tanh:
                for c in span.start..<(span.start + span.width) {
                    row[c] = FastMath.tanh(row[c]) + sigma[c] * Float(rng.nextStandardNormal())
                }
            case .softmax:
                guard discrete == .sample else { continue }
                let end = span.start + span.width
                var top = -Float.infinity
                for j in span.start..<end { top = Swift.max(top, row[j]) }
                let weights = (span.start..<end).map { Foundation.exp(Double(row[$0] - top)) }
                let chosen = span.start + rng.nextCategorical(weights: weights)
                for j in span.start..<end { row[j] = j == chosen ? 1 : 0 }
            }
        }
    }
}

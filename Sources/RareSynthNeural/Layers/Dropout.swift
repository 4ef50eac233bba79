import RareSynthNumerics

/// Inverted dropout: in training each element is kept with probability 1 − p and scaled by
/// 1/(1 − p), so evaluation needs no rescaling. The mask is a constant on the tape, drawn from
/// the caller's seeded generator (the same seed gives the same masks).
public struct Dropout {
    public let probability: Float

    public init(_ probability: Float) {
        precondition(probability >= 0 && probability < 1, "dropout probability must be in [0, 1)")
        self.probability = probability
    }

    public func callAsFunction(_ x: Variable, training: Bool, rng: inout SeededRandom) -> Variable {
        guard training, probability > 0 else { return x }
        let scale = 1 / (1 - probability)
        // Four 16-bit uniforms per 64-bit draw: keep when u < (1 − p)·2¹⁶ (p is resolved to
        // 1/65536, far finer than any dropout rate in use).
        let threshold = UInt64(((1 - Double(probability)) * 65_536).rounded())
        let count = x.value.count
        let mask = Elementwise.filled(count) { z in
            var i = 0
            while i < count {
                var bits = rng.next()
                for _ in 0..<Swift.min(4, count - i) {
                    z[i] = (bits & 0xFFFF) < threshold ? scale : 0
                    bits >>= 16
                    i += 1
                }
            }
        }
        return x * x.constant(Tensor(shape: x.shape, scalars: mask))
    }

    /// The same with a given 0/1 keep-mask (reference comparisons).
    public func callAsFunction(_ x: Variable, keepMask: Tensor) -> Variable {
        let scale = 1 / (1 - probability)
        return x * x.constant(Tensor(shape: keepMask.shape, scalars: keepMask.scalars.map { $0 * scale }))
    }
}

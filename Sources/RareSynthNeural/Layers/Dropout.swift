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
            // Sixteen at a time from four words, in the order the scalar tail below reads them:
            // the 32-bit halves' low 16 bits are lanes 0, 2, 4, …, their high 16 bits lanes 1, 3, 5, ….
            let limit = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: threshold))
            let zero = SIMD8<Float>(repeating: 0)
            while i + 16 <= count {
                let words = SIMD4<UInt64>(rng.next(), rng.next(), rng.next(), rng.next())
                let halves = unsafeBitCast(words, to: SIMD8<UInt32>.self)
                let even = zero.replacing(with: scale, where: (halves & 0xFFFF) .< limit)
                let odd = zero.replacing(with: scale, where: (halves &>> 16) .< limit)
                let kept = SIMD16<Float>(even[0], odd[0], even[1], odd[1], even[2], odd[2], even[3], odd[3],
                                         even[4], odd[4], even[5], odd[5], even[6], odd[6], even[7], odd[7])
                UnsafeMutableRawPointer(z.baseAddress! + i).storeBytes(of: kept, as: SIMD16<Float>.self)
                i += 16
            }
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

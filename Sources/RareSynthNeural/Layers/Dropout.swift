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
        let keep = 1 - Double(probability), scale = 1 / Float(keep)
        let mask = Tensor(shape: x.shape, scalars: (0..<x.value.count).map { _ in rng.nextUniform() < keep ? scale : 0 })
        return x * x.constant(mask)
    }

    /// The same with a given 0/1 keep-mask (reference comparisons).
    public func callAsFunction(_ x: Variable, keepMask: Tensor) -> Variable {
        let scale = 1 / (1 - probability)
        return x * x.constant(Tensor(shape: keepMask.shape, scalars: keepMask.scalars.map { $0 * scale }))
    }
}

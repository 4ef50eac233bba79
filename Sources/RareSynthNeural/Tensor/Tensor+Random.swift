import RareSynthNumerics

extension Tensor {
    /// Independent uniform draws on [lower, upper).
    public static func uniform(_ shape: [Int], lower: Float, upper: Float, using rng: inout SeededRandom) -> Tensor {
        let n = shape.reduce(1, *)
        let width = Double(upper - lower)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in lower + Float(rng.nextUniform() * width) })
    }

    /// Independent standard normal draws, times `standardDeviation`.
    public static func normal(_ shape: [Int], standardDeviation: Float = 1, using rng: inout SeededRandom) -> Tensor {
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in Float(rng.nextStandardNormal()) * standardDeviation })
    }
}

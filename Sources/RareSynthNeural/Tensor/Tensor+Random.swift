import Foundation
import RareSynthNumerics

extension Tensor {
    /// Independent uniform draws on [lower, upper).
    public static func uniform(_ shape: [Int], lower: Float, upper: Float, using rng: inout SeededRandom) -> Tensor {
        let n = shape.reduce(1, *)
        let width = Double(upper - lower)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in lower + Float(rng.nextUniform() * width) })
    }

    /// Independent standard normal draws, times `standardDeviation`, by vectorised inversion
    /// in Float (``FastMath/fillNormals(_:scale:using:)``): network noise needs speed, not the
    /// double-precision tails that `SeededRandom.nextStandardNormal` gives.
    public static func gaussian(_ shape: [Int], standardDeviation: Float = 1, using rng: inout SeededRandom) -> Tensor {
        let n = shape.reduce(1, *)
        let out = Elementwise.filled(n) { FastMath.fillNormals($0, scale: standardDeviation, using: &rng) }
        return Tensor(shape: shape, scalars: out)
    }

    /// Independent standard normal draws, times `standardDeviation`.
    public static func normal(_ shape: [Int], standardDeviation: Float = 1, using rng: inout SeededRandom) -> Tensor {
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in Float(rng.nextStandardNormal()) * standardDeviation })
    }
}

import Foundation
import RareSynthNumerics

extension Tensor {
    /// Independent uniform draws on [lower, upper).
    public static func uniform(_ shape: [Int], lower: Float, upper: Float, using rng: inout SeededRandom) -> Tensor {
        let n = shape.reduce(1, *)
        let width = Double(upper - lower)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in lower + Float(rng.nextUniform() * width) })
    }

    /// Independent standard normal draws, times `standardDeviation`, by the Box–Muller transform
    /// in Float (two draws per pair of uniforms): network noise needs speed, not the last bits of
    /// tail accuracy that `SeededRandom.nextStandardNormal` (an inverse-CDF draw) gives.
    public static func gaussian(_ shape: [Int], standardDeviation: Float = 1, using rng: inout SeededRandom) -> Tensor {
        let n = shape.reduce(1, *)
        var out = [Float](repeating: 0, count: n)
        var i = 0
        while i < n {
            let u1 = Float(Swift.max(rng.nextUniform(), 1e-12)), u2 = Float(rng.nextUniform())
            let r = (-2 * Foundation.log(u1)).squareRoot() * standardDeviation
            let angle = 2 * Float.pi * u2
            out[i] = r * Foundation.cos(angle)
            if i + 1 < n { out[i + 1] = r * Foundation.sin(angle) }
            i += 2
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// Independent standard normal draws, times `standardDeviation`.
    public static func normal(_ shape: [Int], standardDeviation: Float = 1, using rng: inout SeededRandom) -> Tensor {
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in Float(rng.nextStandardNormal()) * standardDeviation })
    }
}

import RareSynthNumerics

/// The noise step of DP-SGD: Gaussian noise of standard deviation σ·C added to every coordinate
/// of the summed clipped gradients, then the division that turns the sum into a mean.
///
/// The noise is drawn in Double by inversion of the normal cdf (`nextStandardNormal`, accurate in
/// the tails), not by the engine's fast single-precision sampler: the privacy guarantee rests on
/// its distribution. Parameters are visited in order and each coordinate takes one draw, so a
/// seed gives the same noise on any thread count.
public enum GradientNoise {
    /// - Parameters:
    ///   - standardDeviation: σ·C, the noise multiplier times the clip norm.
    ///   - divisor: what the noisy sum is divided by: Opacus' expected batch size (sample rate ×
    ///     rows) for Poisson sampling, so the divisor does not reveal the batch's actual size.
    public static func add(to parameters: [Parameter], standardDeviation: Double, divisor: Float,
                           using rng: inout SeededRandom) {
        precondition(standardDeviation >= 0 && standardDeviation.isFinite, "noise standard deviation must be finite and ≥ 0")
        precondition(divisor > 0, "divisor must be positive")
        for p in parameters {
            var g = p.gradient ?? Tensor(shape: p.value.shape)
            for i in 0..<g.count {
                let noisy = Double(g.scalars[i]) + standardDeviation * rng.nextStandardNormal()
                g.scalars[i] = Float(noisy) / divisor
            }
            p.gradient = g
        }
    }
}

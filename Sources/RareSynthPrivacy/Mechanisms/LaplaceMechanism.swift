import Foundation
import RareSynthNumerics

/// Laplace noise of scale Δ/ε on a query of L1 sensitivity Δ: ε-differentially private
/// (Dwork, McSherry, Nissim & Smith 2006). The count-based models (PrivBayes' noisy marginals,
/// DP bounds and category counts) spend their budget through it.
public struct LaplaceMechanism: Sendable, Equatable, Codable {
    public var epsilon: Double
    public var sensitivity: Double

    public init(epsilon: Double, sensitivity: Double = 1) throws {
        guard epsilon.isFinite, epsilon > 0 else { throw PrivacyError("the Laplace mechanism needs ε > 0 (got \(epsilon))") }
        guard sensitivity.isFinite, sensitivity > 0 else { throw PrivacyError("sensitivity must be a positive number (got \(sensitivity))") }
        self.epsilon = epsilon
        self.sensitivity = sensitivity
    }

    /// b = Δ/ε.
    public var scale: Double { sensitivity / epsilon }

    /// Lap(0, b) by inversion of one uniform: b·sign·(−log(1 − 2|u − ½|)).
    public func noise<R: RandomNumberGenerator>(using rng: inout R) -> Double {
        let u = rng.nextUniform() - 0.5
        let magnitude = -Foundation.log1p(-2 * Swift.abs(u))
        return u < 0 ? -scale * magnitude : scale * magnitude
    }

    /// Its Rényi DP at order α > 1, exactly (Mironov 2017, Table II): with ε = Δ/b,
    ///
    ///     ε(α) = log( α/(2α − 1)·e^((α − 1)ε) + (α − 1)/(2α − 1)·e^(−αε) ) / (α − 1)
    ///
    /// which tends to ε as α grows, and is far smaller for moderate α.
    public func renyiDivergence(order alpha: Double) -> Double {
        precondition(alpha > 1, "Rényi orders must exceed 1 (got \(alpha))")
        let a = LogSpace.add(Foundation.log(alpha / (2 * alpha - 1)) + (alpha - 1) * epsilon,
                             Foundation.log((alpha - 1) / (2 * alpha - 1)) - alpha * epsilon)
        return Swift.min(epsilon, a / (alpha - 1))
    }
}

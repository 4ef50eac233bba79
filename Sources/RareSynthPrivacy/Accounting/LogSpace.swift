import Foundation
import RareSynthNumerics

/// Arithmetic on logarithms, for the Rényi moments of the subsampled Gaussian mechanism: their
/// terms span hundreds of orders of magnitude, so they are added as log-sum-exp.
enum LogSpace {
    /// log(eˣ + eʸ).
    static func add(_ x: Double, _ y: Double) -> Double {
        let (a, b) = (Swift.min(x, y), Swift.max(x, y))
        if a == -.infinity { return b }
        return Foundation.log1p(Foundation.exp(a - b)) + b
    }

    /// log(eˣ − eʸ) for x ≥ y; −∞ when they are equal.
    static func subtract(_ x: Double, _ y: Double) -> Double {
        precondition(x >= y, "log-space subtraction needs x ≥ y (got \(x) < \(y))")
        if y == -.infinity { return x }
        if x == y { return -.infinity }
        // log(eˣ − eʸ) = x + log(1 − e^(y−x)), with expm1 for the small difference.
        return x + Foundation.log(-Foundation.expm1(y - x))
    }

    /// log erfc(x), accurate where erfc underflows: beyond x = 25 the asymptotic series
    /// erfc(x) = e^(−x²)/(x√π) · (1 − 1/(2x²) + 3/(2x²)² − 15/(2x²)³ + 105/(2x²)⁴), whose first
    /// omitted term, 945/(2x²)⁵, is below 4e-13 there.
    static func logErfc(_ x: Double) -> Double {
        guard x > 25 else { return Foundation.log(SpecialFunctions.erfc(x)) }
        let u = 1 / (2 * x * x)
        let series = 1 - u + 3 * u * u - 15 * u * u * u + 105 * u * u * u * u
        return -x * x - Foundation.log(x) - 0.5 * Foundation.log(Double.pi) + Foundation.log(series)
    }
}

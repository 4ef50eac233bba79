import Foundation

extension SpecialFunctions {
    /// BGRAT (DiDonato & Morris 1992, eqs. 9–9.6; the form used by Boost.Math): I_x(a, b) for
    /// large a and small b as Σₙ pₙ·Jₙ around the gamma limit Q(b, u), u = −(a + (b−1)/2)·log x.
    /// nil if the 30-term table does not converge or the leading factor underflows.
    static func betaLargeA(_ a: Double, _ b: Double, x: Double, y: Double) -> Double? {
        let t = a + (b - 1) / 2
        let logX = y < 0.35 ? log1p(-y) : log(x)
        let u = -t * logX
        let h = b * poissonTerm(b, u) // uᵇe⁻ᵘ/Γ(b)
        guard h > 0, h.isFinite else { return nil }
        // Γ(a+b)/(Γ(a)·tᵇ) from Stirling's form, every term of natural size.
        let logRatio = (a - 0.5) * log1p(b / a) - b + b * log1p((b + 1) / (2 * t))
            + stirlingCorrection(a + b) - stirlingCorrection(a)
        let prefix = h * exp(logRatio)
        var p = [Double](repeating: 0, count: 30)
        p[0] = 1
        var j = incompleteGamma(b, u).upper / h
        var sum = prefix * j
        let halfLogSquared = (logX / 2) * (logX / 2)
        var logPower = 1.0
        let t4 = 4 * t * t
        var b2n = b
        for n in 1..<30 {
            var accumulated = 0.0
            for m in 1..<n {
                accumulated += (Double(m) * b - Double(n)) * p[n - m] * inverseOddFactorials[m]
            }
            p[n] = accumulated / Double(n) + (b - 1) * inverseOddFactorials[n]
            j = (b2n * (b2n + 1) * j + (u + b2n + 1) * logPower) / t4
            logPower *= halfLogSquared
            b2n += 2
            let term = prefix * p[n] * j
            sum += term
            if abs(term) <= 1e-17 * abs(sum) { return sum }
        }
        return nil
    }

    /// 1/(2k + 1)! for k = 0…29.
    private static let inverseOddFactorials: [Double] = {
        var values = [Double]()
        var factorial = 1.0 // (2k+1)!
        for k in 0..<30 {
            if k > 0 { factorial *= Double(2 * k) * Double(2 * k + 1) }
            values.append(1 / factorial)
        }
        return values
    }()
}

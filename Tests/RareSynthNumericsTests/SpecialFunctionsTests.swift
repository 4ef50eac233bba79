import Foundation
import RareSynthNumerics
import Testing

/// Special functions against mpmath at 50 digits ("exact") and scipy 1.17.
///
/// Tolerances: a few ulp (≤ 1e−15 relative) for functions computed by one short formula
/// (erf/erfc from libm, Φ, Φ⁻¹); 1e−14 for series/continued fractions and their inverses, whose
/// prefactors are exponentials of O(a) arguments; looser only where noted and justified by the
/// problem's condition number.
@Suite("Special functions")
struct SpecialFunctionsTests {
    @Test func errorFunctionMatchesMpmath() {
        let section = reference["erf"]
        let x = section["x"].doubles
        let erf = maxRelativeError(x.map(SpecialFunctions.erf), section["erf_exact"].doubles)
        let erfc = maxRelativeError(x.map(SpecialFunctions.erfc), section["erfc_exact"].doubles)
        // glibc documents ≤ 1–2 ulp for erf and up to 5 ulp for erfc.
        #expect(erf.error < 5e-16, "erf max rel error \(erf.error) at x = \(x[max(erf.index, 0)])")
        #expect(erfc.error < 2e-15, "erfc max rel error \(erfc.error) at x = \(x[max(erfc.index, 0)])")
    }

    @Test func normalCDFIsAccurateInBothTails() {
        let section = reference["normal"]
        let x = section["cdf_x"].doubles
        let exact = section["cdf_exact"].doubles
        let scipy = section["cdf"].doubles
        let ours = x.map(SpecialFunctions.normalCDF)
        // Compare where the value is a normal Double; below 2.2e−308 only absolute precision exists.
        let normalRange = x.indices.filter { exact[$0] >= 2.3e-308 }
        let vsExact = maxRelativeError(normalRange.map { ours[$0] }, normalRange.map { exact[$0] })
        // Cody's algorithm is good to a few ulp over the whole range, tails included.
        #expect(vsExact.error < 2e-15, "Φ max rel error \(vsExact.error) at x = \(x[normalRange[max(vsExact.index, 0)]])")
        let vsScipy = maxRelativeError(normalRange.map { ours[$0] }, normalRange.map { scipy[$0] })
        // scipy's ndtr = ½erfc(−x/√2) loses ~x²·ε/2 in the lower tail: ≈ 1e−13 at x = −37.
        #expect(vsScipy.error < 3e-13, "Φ vs scipy \(vsScipy.error)")
        for i in x.indices where exact[i] < 2.3e-308 {
            #expect(abs(ours[i] - exact[i]) < 1e-5 * Double.leastNormalMagnitude, "subnormal Φ(\(x[i])) = \(ours[i]) vs \(exact[i])")
        }
        #expect(SpecialFunctions.normalCDF(0) == 0.5)
        #expect(SpecialFunctions.normalCDF(-.infinity) == 0)
        #expect(SpecialFunctions.normalCDF(.infinity) == 1)
        #expect(SpecialFunctions.normalCDF(.nan).isNaN)
    }

    @Test func logNormalCDFBeyondUnderflow() {
        let section = reference["normal"]
        let x = section["log_cdf_x"].doubles
        let exact = section["log_cdf_exact"].doubles
        let ours = x.map(SpecialFunctions.logNormalCDF)
        // At x ≥ 5 log Φ ≈ −Φ(−x) is tiny and computed as log1p(−Φ(−x)), still relative.
        let worst = maxRelativeError(ours, exact)
        #expect(worst.error < 2e-15, "log Φ max rel error \(worst.error) at x = \(x[max(worst.index, 0)])")
        let scipy = maxRelativeError(ours, section["log_cdf"].doubles)
        #expect(scipy.error < 1e-13, "log Φ vs scipy log_ndtr \(scipy.error)")
    }

    @Test func normalQuantileMatchesMpmathDownTo1eMinus300() {
        let section = reference["normal"]
        let p = section["ppf_p"].doubles
        let ours = p.map { SpecialFunctions.normalQuantile($0) }
        let exact = maxRelativeError(ours, section["ppf_exact"].doubles)
        // AS241 is accurate to ~1e−16; near p = ½ the quantile itself is small, so allow a few ulp.
        #expect(exact.error < 2e-15, "Φ⁻¹ max rel error \(exact.error) at p = \(p[max(exact.index, 0)])")
        let scipy = maxRelativeError(ours, section["ppf"].doubles)
        #expect(scipy.error < 1e-14, "Φ⁻¹ vs scipy ndtri \(scipy.error)")
        #expect(SpecialFunctions.normalQuantile(0) == -.infinity)
        #expect(SpecialFunctions.normalQuantile(1) == .infinity)
        #expect(SpecialFunctions.normalQuantile(0.5) == 0)
        #expect(SpecialFunctions.normalQuantile(1.5).isNaN)
        #expect(SpecialFunctions.normalQuantile(-0.1).isNaN)
    }

    @Test func normalQuantileFromLogProbability() {
        let section = reference["normal"]
        let logP = section["ppf_log_p"].doubles
        let worst = maxRelativeError(logP.map { SpecialFunctions.normalQuantile(logProbability: $0) },
                                     section["ppf_log_exact"].doubles)
        // Beyond p = 1e−300 the Newton polish on log Φ converges to a few ulp.
        #expect(worst.error < 4e-15, "Φ⁻¹(log p) max rel error \(worst.error) at log p = \(logP[max(worst.index, 0)])")
    }

    @Test(arguments: [-30.0, -8.0, -3.0, -0.5, 0.0, 1e-8, 0.7, 4.0, 8.0])
    func normalQuantileInvertsCDF(x: Double) {
        let p = SpecialFunctions.normalCDF(x)
        let back = x > 0 ? -SpecialFunctions.normalQuantile(SpecialFunctions.normalCDF(-x))
                         : SpecialFunctions.normalQuantile(p)
        #expect(abs(back - x) <= 4e-15 * max(1, abs(x)), "Φ⁻¹(Φ(\(x))) = \(back)")
    }

    @Test func gammaFamilyMatchesScipy() {
        let section = reference["gamma_functions"]
        let x = section["x"].doubles
        let logGamma = maxRelativeError(x.map(SpecialFunctions.logGamma), section["gammaln"].doubles)
        // Relative error is ill-defined near the zeros of log Γ at 1 and 2 (exactly 0 there).
        #expect(logGamma.error < 1e-14, "log Γ rel error \(logGamma.error) at x = \(x[max(logGamma.index, 0)])")
        let dx = section["digamma_x"].doubles
        let digamma = zip(dx.map(SpecialFunctions.digamma), section["digamma"].doubles)
            .map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
        // Absolute near the root x₀ ≈ 1.4616 (where ψ = 0), relative elsewhere.
        #expect(digamma < 5e-15, "ψ error \(digamma)")
        let trigamma = maxRelativeError(dx.map(SpecialFunctions.trigamma), section["trigamma"].doubles)
        #expect(trigamma.error < 5e-15, "ψ′ rel error \(trigamma.error) at x = \(dx[max(trigamma.index, 0)])")
        let a = section["betaln_a"].doubles
        let b = section["betaln_b"].doubles
        let ours = zip(a, b).map { SpecialFunctions.logBeta($0, $1) }
        let exact = section["betaln_exact"].doubles
        // Absolute error: log B(1, 1) = 0 and log B(0.5, 0.5) = log π.
        let logBeta = zip(ours, exact).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
        #expect(logBeta < 5e-15, "log B error \(logBeta)")
    }

    /// Attainable relative accuracy of a tail probability T(x) computed at a Double x: the
    /// condition number κ = x·|T′(x)|/T(x) times ε (any algorithm sees x rounded), plus
    /// |log T|·ε because the prefactor xᵃe⁻ˣ/Γ(a) (or xᵃyᵇ/B) is formed as one exponential,
    /// whose argument carries an absolute rounding error; 1e−14 on top for the series and
    /// continued fractions. The second term only matters in the far tails (≈1.5e−13 at T = 1e−270).
    func tailTolerance(x: Double, density: Double, tail: Double) -> Double {
        let kappa = x * density / tail
        return 1e-14 + Double.ulpOfOne * (kappa + abs(log(tail)))
    }

    /// For an inverse the roles swap: a tail value accurate to a relative t fixes x to t/κ, so
    /// the inverse is ill-conditioned where κ is small (x ∝ p^(1/a) for small shapes).
    func inverseTolerance(x: Double, density: Double, tail: Double) -> Double {
        let kappa = x * density / tail
        guard kappa.isFinite, kappa > 0 else { return 1e-14 }
        return 4 * Double.ulpOfOne + (1e-14 + Double.ulpOfOne * abs(log(tail))) / kappa
    }

    @Test func incompleteGammaMatchesMpmath() {
        let section = reference["gammainc"]
        let a = section["a"].doubles
        let x = section["x"].doubles
        let pExact = section["p_exact"].doubles
        let qExact = section["q_exact"].doubles
        var worst = (error: 0.0, a: 0.0, x: 0.0)
        var worstScipy = 0.0
        for i in a.indices {
            let p = SpecialFunctions.regularizedGammaP(a[i], x[i])
            let q = SpecialFunctions.regularizedGammaQ(a[i], x[i])
            // Compare the smaller tail relatively (the larger one is 1 − it, exact to an ulp).
            let (value, exact, scipy) = pExact[i] <= qExact[i] ? (p, pExact[i], section["p"].doubles[i])
                                                                : (q, qExact[i], section["q"].doubles[i])
            guard exact > 1e-300 else { continue }
            let density = Gamma(shape: a[i]).density(x[i])
            let error = relativeError(value, exact)
            #expect(error <= tailTolerance(x: x[i], density: density, tail: exact),
                    "P/Q(\(a[i]), \(x[i])) rel error \(error)")
            if error > worst.error { worst = (error, a[i], x[i]) }
            worstScipy = max(worstScipy, relativeError(value, scipy))
            // P and Q are computed separately for small shapes; they still add up to 1.
            #expect(abs(p + q - 1) < 1e-15)
        }
        print("incomplete gamma: max rel error vs mpmath \(worst.error) at a=\(worst.a) x=\(worst.x); vs scipy \(worstScipy)")
    }

    @Test func inverseIncompleteGammaMatchesMpmath() {
        let section = reference["gammainc"]
        var worst = 0.0
        var worstScipy = 0.0
        for (tail, prefix) in [("lower", "inverse_"), ("upper", "inverse_q_")] {
            let a = section[prefix == "inverse_" ? "inverse_a" : "inverse_q_a"].doubles
            let p = section[prefix == "inverse_" ? "inverse_p" : "inverse_q"].doubles
            let exact = section[prefix + "x_exact"].doubles
            let scipy = section[prefix + "x"].doubles
            for i in a.indices {
                let x = tail == "lower" ? SpecialFunctions.inverseRegularizedGammaP(a[i], p[i])
                                        : SpecialFunctions.inverseRegularizedGammaQ(a[i], p[i])
                if exact[i] == 0 {
                    #expect(x == 0, "the quantile underflows, got \(x)")
                    continue
                }
                let density = Gamma(shape: a[i]).density(exact[i])
                let error = relativeError(x, exact[i])
                #expect(error <= inverseTolerance(x: exact[i], density: density, tail: p[i]),
                        "\(tail) inverse(\(a[i]), \(p[i])) = \(x), exact \(exact[i])")
                worst = max(worst, error)
                worstScipy = max(worstScipy, relativeError(x, scipy[i]))
            }
        }
        print("inverse incomplete gamma: max rel error vs mpmath \(worst); vs scipy \(worstScipy)")
    }

    @Test func incompleteBetaMatchesMpmath() {
        let section = reference["betainc"]
        let a = section["a"].doubles
        let b = section["b"].doubles
        let x = section["x"].doubles
        let exact = section["exact"].doubles
        let scipy = section["value"].doubles
        var worst = (error: 0.0, index: 0)
        var worstScipy = 0.0
        for i in a.indices {
            let value = SpecialFunctions.regularizedBeta(x[i], a[i], b[i])
            // Relative on the smaller tail, as for the gamma function.
            let (ours, tail) = exact[i] <= 0.5 ? (value, exact[i]) : (1 - value, 1 - exact[i])
            guard tail > 1e-300 else { continue }
            let density = Beta(a: a[i], b: b[i]).density(x[i])
            let error = relativeError(ours, tail)
            #expect(error <= tailTolerance(x: min(x[i], 1 - x[i]), density: density, tail: tail),
                    "I_\(x[i])(\(a[i]), \(b[i])) = \(value), exact \(exact[i])")
            if error > worst.error { worst = (error, i) }
            worstScipy = max(worstScipy, relativeError(value, scipy[i]))
        }
        print("incomplete beta: max rel error vs mpmath \(worst.error) at a=\(a[worst.index]) b=\(b[worst.index]) x=\(x[worst.index]); vs scipy \(worstScipy)")
    }

    @Test func inverseIncompleteBetaMatchesMpmath() {
        let section = reference["betainc"]
        let a = section["inverse_a"].doubles
        let b = section["inverse_b"].doubles
        let p = section["inverse_p"].doubles
        let exact = section["inverse_x_exact"].doubles
        let scipy = section["inverse_x"].doubles
        var worst = 0.0
        var worstScipy = 0.0
        for i in a.indices {
            let x = SpecialFunctions.inverseRegularizedBeta(p[i], a[i], b[i])
            if exact[i] == 0 {
                // The root underflows; scipy returns 0 or, for (0.1, 10, 1e−200), 2.2e−308.
                #expect(x == 0, "the quantile underflows, got \(x)")
                continue
            }
            let density = Beta(a: a[i], b: b[i]).density(exact[i])
            let error = relativeError(x, exact[i])
            #expect(error <= inverseTolerance(x: min(exact[i], 1 - exact[i]), density: density,
                                              tail: min(p[i], 1 - p[i])),
                    "I⁻¹(\(p[i]); \(a[i]), \(b[i])) = \(x), exact \(exact[i])")
            worst = max(worst, error)
            worstScipy = max(worstScipy, relativeError(x, scipy[i]))
        }
        // scipy's own error reaches 8.8e−14 here (a = 200, b = 300, p = 1e−20, per mpmath).
        #expect(worstScipy < 2e-13)
        // scipy returns NaN for a = 5, b = 1e4, p = 1e−200; check ours by round trip instead.
        let x = SpecialFunctions.inverseRegularizedBeta(1e-200, 5, 1e4)
        #expect(relativeError(SpecialFunctions.regularizedBeta(x, 5, 1e4), 1e-200) < 1e-12)
        print("inverse incomplete beta: max rel error vs mpmath \(worst); vs scipy \(worstScipy)")
    }

    @Test func studentTMatchesScipy() {
        let section = reference["betainc"]
        let df = section["t_df"].doubles
        let t = section["t_x"].doubles
        let ours = zip(t, df).map { SpecialFunctions.studentTCDF($0, degreesOfFreedom: $1) }
        let worst = maxRelativeError(ours, section["t_cdf"].doubles)
        #expect(worst.error < 1e-13, "t cdf rel error \(worst.error) at t=\(t[max(worst.index, 0)]) df=\(df[max(worst.index, 0)])")
    }
}

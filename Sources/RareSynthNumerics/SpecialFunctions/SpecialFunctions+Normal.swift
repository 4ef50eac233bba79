import Foundation

// The standard normal distribution: Φ, log Φ, the density and Φ⁻¹.
//
// Φ uses W. J. Cody's rational Chebyshev approximations (ACM TOMS 715, as in R's `pnorm`), which
// keep full relative precision in the lower tail down to Φ(−37.5) ≈ 1e−308 thanks to the
// `exp(−x̃²/2)·exp(−δ/2)` splitting of the Gaussian factor. The shorter `0.5·erfc(−x/√2)` loses
// about x²·ε relative precision there (≈1e−13 at x = −38) because x/√2 is rounded before the
// exponential amplifies the error.
// Φ⁻¹ is Wichura's AS241 (PPND16), accurate to about 1e−16 relative for p in [1e−300, 1).

extension SpecialFunctions {
    /// The standard normal distribution function Φ(x) = P(Z ≤ x).
    ///
    /// Relative accuracy is kept in the lower tail (Φ(−37) ≈ 5.7e−300 is accurate to ~1e−16);
    /// for the upper tail use `normalCDF(-x)`, which is exact by symmetry.
    public static func normalCDF(_ x: Double) -> Double { normalTails(x).lower }

    /// log Φ(x), finite and accurate far beyond the point where Φ(x) underflows
    /// (log Φ(−1e5) ≈ −5e9), which truncated-normal fitting and sampling need in their tails.
    public static func logNormalCDF(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x >= 0 {
            return log1p(-normalTails(x).upper)
        }
        let y = -x
        if y <= normalCodyMiddleLimit {
            return log(normalTails(x).lower)
        }
        if y.isInfinite { return -.infinity }
        // Cody's asymptotic range in log space, so that nothing underflows; y² is split as in
        // `gaussianFactor` to keep the rounding of y² out of the result.
        let ySplit = (y * 16).rounded(.towardZero) / 16
        let delta = (y - ySplit) * (y + ySplit)
        return (-0.5 * ySplit * ySplit - 0.5 * delta) + log(normalCodyAsymptoticFactor(y))
    }

    /// The standard normal log density, log φ(x) = −x²/2 − log √(2π).
    public static func normalLogDensity(_ x: Double) -> Double {
        -0.5 * x * x - logSqrtTwoPi
    }

    /// The standard normal quantile Φ⁻¹(p) by Wichura's AS241 (PPND16).
    ///
    /// Returns −∞ for p = 0, +∞ for p = 1 and NaN outside [0, 1]. For upper-tail probabilities
    /// q = 1 − p below ~1e−16, call `-normalQuantile(q)` instead: p itself cannot represent them.
    public static func normalQuantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 { return as241Central(q) }
        let r = sqrt(-log(q < 0 ? p : 1 - p))
        let value = as241Tail(r)
        return q < 0 ? -value : value
    }

    /// Φ⁻¹ of a probability given by its logarithm, for probabilities far below the smallest
    /// Double (log p = −1e4 gives about −141.4). Used by the truncated normal in deep tails.
    public static func normalQuantile(logProbability logP: Double) -> Double {
        guard logP <= 0 else { return .nan }
        if logP == -.infinity { return -.infinity }
        if logP == 0 { return .infinity }
        let p = exp(logP)
        let q = p - 0.5
        if abs(q) <= 0.425 { return as241Central(q) }
        if q > 0 {
            return as241Tail(sqrt(-log(-expm1(logP))))
        }
        let r = sqrt(-logP)
        var x = -as241Tail(r)
        if r > 27 {
            // AS241 is fitted for p ≥ 1e−300 (r ≤ 26.3). Beyond, polish with Newton steps on
            // log Φ(x) − log p, whose derivative is φ(x)/Φ(x).
            for _ in 0..<3 {
                let logCDF = logNormalCDF(x)
                let step = (logCDF - logP) * exp(logCDF - normalLogDensity(x))
                x -= step
                if abs(step) <= 1e-15 * abs(x) { break }
            }
        }
        return x
    }
}

// MARK: - Cody's Φ

extension SpecialFunctions {
    /// |x| beyond which Cody's asymptotic rational is used.
    static let normalCodyMiddleLimit = 5.656854249492380195206754896838 // √32

    /// Both tails, P(Z ≤ x) and P(Z > x), each with full relative precision when it is small.
    static func normalTails(_ x: Double) -> (lower: Double, upper: Double) {
        if x.isNaN { return (.nan, .nan) }
        let y = abs(x)
        if y <= 0.67448975 {
            var numerator = 0.0
            var denominator = 0.0
            if y > 1.1102230246251565e-16 {
                let xsq = x * x
                numerator = codyA[4] * xsq
                denominator = xsq
                for i in 0..<3 {
                    numerator = (numerator + codyA[i]) * xsq
                    denominator = (denominator + codyB[i]) * xsq
                }
            }
            let temp = x * (numerator + codyA[3]) / (denominator + codyB[3])
            return (0.5 + temp, 0.5 - temp)
        }
        let small: Double
        if y <= normalCodyMiddleLimit {
            var numerator = codyC[8] * y
            var denominator = y
            for i in 0..<7 {
                numerator = (numerator + codyC[i]) * y
                denominator = (denominator + codyD[i]) * y
            }
            small = gaussianFactor(y) * (numerator + codyC[7]) / (denominator + codyD[7])
        } else if y < 38.6 {
            // Below −38.6 even the subnormal range is exhausted.
            small = gaussianFactor(y) * normalCodyAsymptoticFactor(y)
        } else {
            small = 0
        }
        return x > 0 ? (1 - small, small) : (small, 1 - small)
    }

    /// Cody's rational for y > √32: Φ(−y) = exp(−y²/2) · factor(y).
    static func normalCodyAsymptoticFactor(_ y: Double) -> Double {
        let xsq = 1 / (y * y)
        var numerator = codyP[5] * xsq
        var denominator = xsq
        for i in 0..<4 {
            numerator = (numerator + codyP[i]) * xsq
            denominator = (denominator + codyQ[i]) * xsq
        }
        let temp = xsq * (numerator + codyP[4]) / (denominator + codyQ[4])
        return (inverseSqrtTwoPi - temp) / y
    }

    /// exp(−y²/2) without the rounding error of y²: y is split as ỹ + (y − ỹ) with ỹ a multiple of
    /// 1/16, so ỹ² is exact and only the small remainder δ = (y − ỹ)(y + ỹ) carries rounding.
    @inline(__always)
    static func gaussianFactor(_ y: Double) -> Double {
        let ySplit = (y * 16).rounded(.towardZero) / 16
        let delta = (y - ySplit) * (y + ySplit)
        return exp(-ySplit * ySplit * 0.5) * exp(-delta * 0.5)
    }

    static let codyA: [Double] = [
        2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582,
        18154.981253343561249, 0.065682337918207449113,
    ]
    static let codyB: [Double] = [
        47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956,
    ]
    static let codyC: [Double] = [
        0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979,
        597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326,
        11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
    ]
    static let codyD: [Double] = [
        22.266688044328115691, 235.38790178262499861, 1519.377599407554805,
        6485.558298266760755, 18615.571640885098091, 34900.952721145977266,
        38912.003286093271411, 19685.429676859990727,
    ]
    static let codyP: [Double] = [
        0.21589853405795699, 0.1274011611602473639, 0.022235277870649807,
        0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303,
    ]
    static let codyQ: [Double] = [
        1.28426009614491121, 0.468238212480865118, 0.0659881378689285515,
        0.00378239633202758244, 7.29751555083966205e-5,
    ]
}

// MARK: - Wichura's AS241

extension SpecialFunctions {
    /// AS241 for |p − 0.5| ≤ 0.425; `q` is p − 0.5.
    @inline(__always)
    static func as241Central(_ q: Double) -> Double {
        let r = 0.180625 - q * q
        let numerator = (((((((2509.0809287301226727 * r + 33430.575583588128105) * r
            + 67265.770927008700853) * r + 45921.953931549871457) * r
            + 13731.693765509461125) * r + 1971.5909503065514427) * r
            + 133.14166789178437745) * r + 3.3871328727963666080)
        let denominator = (((((((5226.4952788528545610 * r + 28729.085735721942674) * r
            + 39307.895800092710610) * r + 21213.794301586595867) * r
            + 5394.1960214247511077) * r + 687.18700749205790830) * r
            + 42.313330701600911252) * r + 1.0)
        return q * numerator / denominator
    }

    /// AS241 in the tails: the positive quantile for r = √(−log(tail probability)).
    @inline(__always)
    static func as241Tail(_ r: Double) -> Double {
        if r <= 5 {
            let s = r - 1.6
            let numerator = (((((((7.74545014278341407640e-4 * s + 0.0227238449892691845833) * s
                + 0.241780725177450611770) * s + 1.27045825245236838258) * s
                + 3.64784832476320460504) * s + 5.76949722146069140550) * s
                + 4.63033784615654529590) * s + 1.42343711074968357734)
            let denominator = (((((((1.05075007164441684324e-9 * s + 5.47593808499534494600e-4) * s
                + 0.0151986665636164571966) * s + 0.148103976427480074590) * s
                + 0.689767334985100004550) * s + 1.67638483018380384940) * s
                + 2.05319162663775882187) * s + 1.0)
            return numerator / denominator
        }
        let s = r - 5
        let numerator = (((((((2.01033439929228813265e-7 * s + 2.71155556874348757815e-5) * s
            + 0.00124266094738807843860) * s + 0.0265321895265761230930) * s
            + 0.296560571828504891230) * s + 1.78482653991729133580) * s
            + 5.46378491116411436990) * s + 6.65790464350110377720)
        let denominator = (((((((2.04426310338993978564e-15 * s + 1.42151175831644588870e-7) * s
            + 1.84631831751005468180e-5) * s + 7.86869131145613259100e-4) * s
            + 0.0148753612908506148525) * s + 0.136929880922735805310) * s
            + 0.599832206555887937690) * s + 1.0)
        return numerator / denominator
    }
}

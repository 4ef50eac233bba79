import Foundation
import RareSynthNumerics
import Testing

/// Fitted marginals against scipy.stats on the fixed samples stored in reference.json.
///
/// Where our fit and scipy's solve the same equations (normal, beta and gamma with fixed
/// support/loc, log-normal with fixed loc, uniform) parameters must agree to 1e−9: both
/// iterate to machine precision, and the remaining difference is the solvers' stopping rules
/// (scipy's `fsolve` stops at ~1.5e−8 relative in x for beta, hence its looser bound). The
/// truncated normal is an optimisation (Nelder–Mead here, Nelder–Mead + BFGS there) whose
/// optimum is only determined to ~√ε in the parameters; there the log-likelihoods are compared.
@Suite("Distributions")
struct DistributionTests {
    let section = reference["distributions"]

    func parameters(_ name: String) -> [String: Double] {
        guard case .object(let object) = section[name]["params"] else { fatalError() }
        return object.mapValues(\.double)
    }

    /// How far cdf(quantile(p)) may stray from p because x itself is a Double: x = loc + scale·z
    /// carries an absolute error of a few ulp of the larger term (for a truncated normal on
    /// [0, 6] with μ = 2, x ≈ 0 is formed as 2 − 2.0000…), which the cdf turns into
    /// density·Δx; plus one ulp of p.
    func roundingSlack(_ d: some UnivariateDistribution, x: Double, p: Double) -> Double {
        let magnitude = d.parameters.values.map(abs).reduce(abs(x), +)
        return d.density(x) * magnitude * 4 * Double.ulpOfOne + p.ulp
    }

    func checkEvaluations<D: UnivariateDistribution>(_ d: D, _ name: String, tolerance: Double) {
        let data = section[name]
        let p = data["probe_p"].doubles
        let ppf = p.map(d.quantile)
        let worstPPF = maxRelativeError(ppf, data["ppf"].doubles)
        #expect(worstPPF.error < tolerance, "\(name) ppf rel error \(worstPPF.error) at p = \(p[max(worstPPF.index, 0)])")
        if case .object(let fields) = data, fields["cdf"] != nil {
            let x = data["probe_x"].doubles
            let worstCDF = maxRelativeError(x.map(d.cdf), data["cdf"].doubles)
            #expect(worstCDF.error < tolerance, "\(name) cdf rel error \(worstCDF.error)")
        }
        if case .object(let fields) = data, fields["logpdf"] != nil {
            let x = data["probe_x"].doubles
            let probes = fields["logpdf"]!.doubles.count == x.count ? x : Array(x.dropFirst().dropLast())
            let worst = maxRelativeError(probes.map(d.logDensity), data["logpdf"].doubles)
            #expect(worst.error < tolerance, "\(name) logpdf rel error \(worst.error)")
        }
        // Quantile inverts cdf over the fitted range.
        for q in [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999] {
            let x = d.quantile(q)
            #expect(abs(d.cdf(x) - q) <= 1e-13 * q + roundingSlack(d, x: x, p: q),
                    "\(name): cdf(quantile(\(q))) = \(d.cdf(x))")
        }
    }

    @Test func normalFitMatchesScipy() throws {
        let data = section["normal"]["data"].doubles
        let fitted = try #require(Normal.fit(data))
        let expected = parameters("normal")
        #expect(relativeError(fitted.mean, expected["loc"]!) < 1e-14)
        #expect(relativeError(fitted.standardDeviation, expected["scale"]!) < 1e-14)
        checkEvaluations(fitted, "normal", tolerance: 1e-13)
        let ks = Statistics.kolmogorovSmirnovStatistic(sorted: data.sorted(), cdf: fitted.cdf)
        #expect(abs(ks - section["normal"]["ks"].double) < 1e-13)
    }

    @Test func truncatedNormalFitReachesScipyOptimum() throws {
        let data = section["truncated_normal"]["data"].doubles
        let fitted = try #require(TruncatedNormal.fit(data))
        let expected = parameters("truncated_normal")
        #expect(fitted.lower == expected["lower"]! && fitted.upper == expected["upper"]!)
        // Same optimum: our log-likelihood is at least scipy's (to 1e−9 relative), and the
        // parameters agree to the optimisers' resolution.
        let scipyLogLikelihood = section["truncated_normal"]["log_likelihood"].double
        let ours = fitted.logLikelihood(data)
        #expect(ours >= scipyLogLikelihood - 1e-9 * abs(scipyLogLikelihood), "ℓ = \(ours) vs scipy \(scipyLogLikelihood)")
        #expect(relativeError(fitted.mean, expected["loc"]!) < 1e-5, "μ \(fitted.mean) vs \(expected["loc"]!)")
        #expect(relativeError(fitted.standardDeviation, expected["scale"]!) < 1e-5)
        // Evaluations at scipy's parameters are compared exactly.
        let atScipy = try #require(TruncatedNormal(parameters: expected))
        checkEvaluations(atScipy, "truncated_normal", tolerance: 1e-13)
    }

    @Test func truncatedNormalFarTail() throws {
        // Bounds 6 and 9 standard deviations above the mean: Φ(6) rounds to 1 − 1e−9, so a naive
        // (Φ(x) − Φ(a))/(Φ(b) − Φ(a)) keeps 7 digits; the tail formulation keeps them all.
        let tail = section["truncated_normal_tail"]
        let d = TruncatedNormal(mean: 0, standardDeviation: 1, lower: tail["lower"].double, upper: tail["upper"].double)
        checkEvaluations(d, "truncated_normal_tail", tolerance: 1e-12)
    }

    @Test func betaFitMatchesScipy() throws {
        let data = section["beta"]["data"].doubles
        let fitted = try #require(Beta.fit(data))
        let expected = parameters("beta")
        #expect(relativeError(fitted.loc, expected["loc"]!) < 1e-14)
        #expect(relativeError(fitted.scale, expected["scale"]!) < 1e-14)
        // scipy solves the same two likelihood equations with fsolve (xtol 1.5e−8).
        #expect(relativeError(fitted.a, expected["a"]!) < 1e-7, "a \(fitted.a) vs \(expected["a"]!)")
        #expect(relativeError(fitted.b, expected["b"]!) < 1e-7, "b \(fitted.b) vs \(expected["b"]!)")
        checkEvaluations(try #require(Beta(parameters: expected)), "beta", tolerance: 1e-12)
        let ks = Statistics.kolmogorovSmirnovStatistic(sorted: data.sorted(), cdf: fitted.cdf)
        #expect(abs(ks - section["beta"]["ks"].double) < 1e-6)
    }

    @Test func gammaFitMatchesScipy() throws {
        let data = section["gamma"]["data"].doubles
        let fitted = try #require(Gamma.fit(data))
        let expected = parameters("gamma")
        #expect(relativeError(fitted.loc, expected["loc"]!) < 1e-14)
        #expect(relativeError(fitted.shape, expected["a"]!) < 1e-9, "a \(fitted.shape) vs \(expected["a"]!)")
        #expect(relativeError(fitted.scale, expected["scale"]!) < 1e-9)
        checkEvaluations(try #require(Gamma(parameters: expected)), "gamma", tolerance: 1e-12)
        let ks = Statistics.kolmogorovSmirnovStatistic(sorted: data.sorted(), cdf: fitted.cdf)
        #expect(abs(ks - section["gamma"]["ks"].double) < 1e-8)
    }

    @Test func logNormalFitMatchesScipy() throws {
        let data = section["log_normal"]["data"].doubles
        let fitted = try #require(LogNormal.fit(data))
        let expected = parameters("log_normal")
        for (key, value) in fitted.parameters {
            #expect(relativeError(value, expected[key]!) < 1e-13, "\(key) \(value) vs \(expected[key]!)")
        }
        checkEvaluations(fitted, "log_normal", tolerance: 1e-12)
    }

    @Test func uniformFitMatchesScipy() throws {
        let data = section["uniform"]["data"].doubles
        let fitted = try #require(Uniform.fit(data))
        let expected = parameters("uniform")
        #expect(fitted.lower == expected["loc"]!)
        #expect(relativeError(fitted.upper - fitted.lower, expected["scale"]!) < 1e-15)
        checkEvaluations(fitted, "uniform", tolerance: 1e-14)
        let ks = Statistics.kolmogorovSmirnovStatistic(sorted: data.sorted(), cdf: fitted.cdf)
        #expect(abs(ks - section["uniform"]["ks"].double) < 1e-14)
    }

    @Test func fitsRefuseDegenerateColumns() {
        for data in [[], [1.0], [2.0, 2.0, 2.0], [1.0, .nan, 3.0], [1.0, .infinity]] {
            for family in DistributionFamily.allCases {
                #expect(family.fit(data) == nil, "\(family) fitted \(data)")
            }
        }
        #expect(Marginal.bestFit([3, 3, 3]) == nil)
    }

    @Test func boundaryHeavyDataGiveFiniteFits() throws {
        // 40% of the values sit exactly on the minimum and 10% on the maximum (a lab value
        // clipped at its detection limits): every family must still return finite parameters
        // and finite log densities at the data.
        var data = [Double](repeating: 0, count: 40) + [Double](repeating: 10, count: 10)
        var generator = SeededRandom(seed: 3)
        data += (0..<50).map { _ in 10 * generator.nextUniform() }
        for family in DistributionFamily.allCases {
            let marginal = try #require(family.fit(data), "\(family) failed")
            #expect(marginal.parameters.values.allSatisfy { $0.isFinite }, "\(family): \(marginal.parameters)")
            #expect(data.allSatisfy { marginal.logDensity($0).isFinite }, "\(family) density")
            #expect(data.allSatisfy { (0...1).contains(marginal.cdf($0)) })
        }
    }

    @Test(arguments: [1e-12, 1e-6, 0.01, 0.25, 0.5, 0.8, 0.99, 1 - 1e-9])
    func quantileInvertsCDFForEveryFamily(p: Double) {
        let marginals: [Marginal] = [
            .normal(Normal(mean: 1, standardDeviation: 2)),
            .truncatedNormal(TruncatedNormal(mean: 2, standardDeviation: 1.5, lower: 0, upper: 6)),
            .truncatedNormal(TruncatedNormal(mean: 0, standardDeviation: 1, lower: -20, upper: -15)),
            .beta(Beta(a: 0.4, b: 3.5, loc: -1, scale: 4)),
            .beta(Beta(a: 30, b: 2)),
            .gamma(Gamma(shape: 0.3, loc: 1, scale: 2)),
            .gamma(Gamma(shape: 150, scale: 0.1)),
            .logNormal(LogNormal(logMean: 0.5, logStandardDeviation: 1.2, loc: -3)),
            .uniform(Uniform(lower: -2, upper: 5)),
        ]
        for marginal in marginals {
            let x = marginal.quantile(p)
            let back = marginal.cdf(x)
            let slack = roundingSlack(marginal.distribution, x: x, p: p)
            #expect(abs(back - p) <= 1e-13 * min(p, 1 - p) + slack, "\(marginal.family): cdf(q(\(p))) = \(back)")
        }
    }

    @Test func bestFitPicksTheGeneratingFamily() throws {
        let gamma = section["gamma"]["data"].doubles
        let best = try #require(Marginal.bestFit(gamma))
        let candidates = Marginal.candidates(gamma)
        #expect(candidates.count == DistributionFamily.allCases.count)
        #expect(best.ksStatistic == candidates.map(\.ksStatistic).min())
        #expect([.gamma, .logNormal, .beta].contains(best.marginal.family), "picked \(best.marginal.family)")
        let uniform = section["uniform"]["data"].doubles
        #expect(Marginal.bestFit(uniform, among: [.normal, .uniform])?.marginal.family == .uniform)
    }

    @Test func marginalRoundTripsThroughJSON() throws {
        let marginals: [Marginal] = [
            .normal(Normal(mean: 1, standardDeviation: 2)),
            .truncatedNormal(TruncatedNormal(mean: 2, standardDeviation: 1.5, lower: 0, upper: 6)),
            .beta(Beta(a: 0.4, b: 3.5, loc: -1, scale: 4)),
            .gamma(Gamma(shape: 0.3, loc: 1, scale: 2)),
            .logNormal(LogNormal(logMean: 0.5, logStandardDeviation: 1.2, loc: -3)),
            .uniform(Uniform(lower: -2, upper: 5)),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(marginals)
        let decoded = try JSONDecoder().decode([Marginal].self, from: data)
        #expect(decoded.count == marginals.count)
        for (a, b) in zip(marginals, decoded) {
            // LogNormal stores e^μ as `scale`; μ comes back through log, exact to an ulp.
            for (key, value) in a.parameters {
                #expect(relativeError(b.parameters[key]!, value) <= Double.ulpOfOne, "\(a.family).\(key)")
            }
            #expect(a.family == b.family)
        }
        let text = String(decoding: try encoder.encode(Marginal.gamma(Gamma(shape: 2, loc: 0, scale: 3))), as: UTF8.self)
        #expect(text == #"{"a":2,"family":"gamma","loc":0,"scale":3}"#)
        let standalone = String(decoding: try encoder.encode(Normal(mean: 0, standardDeviation: 1)), as: UTF8.self)
        #expect(standalone == #"{"loc":0,"scale":1}"#)
    }

    @Test func decodingRejectsInvalidParameters() {
        for json in [#"{"family":"normal","loc":0,"scale":-1}"#, #"{"family":"beta","a":1,"b":2,"loc":0}"#,
                     #"{"family":"weibull","c":1}"#, #"{"family":"truncated_normal","loc":0,"scale":1,"lower":2,"upper":1}"#] {
            #expect(throws: DecodingError.self, "\(json)") {
                try JSONDecoder().decode(Marginal.self, from: Data(json.utf8))
            }
        }
    }
}

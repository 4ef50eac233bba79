import Foundation
import Testing
@testable import RareSynthSimulate

/// Quantiles of the spec distributions, truncated or not, against SciPy 1.17.1 (`ppf` of
/// `weibull_min`, `triang`, `truncnorm`, `lognorm`, `gamma`, `expon`; a truncated log-normal as
/// `ppf(cdf(lo) + p·(cdf(hi) − cdf(lo)))`), computed with ~/.cache/raresynth-peers/bin/python on 2026-12-07.
@Suite struct ValueDistributionTests {
    static let probabilities = [0.001, 0.1, 0.37, 0.5, 0.9, 0.999]

    func check(_ d: ValueDistribution, _ expected: [Double], tolerance: Double = 1e-9) {
        for (p, x) in zip(Self.probabilities, expected) {
            let value = d.value(forUniform: p)
            #expect(abs(value - x) <= tolerance * Swift.max(1, abs(x)), "p \(p): \(value) vs SciPy \(x)")
        }
    }

    @Test func closedFormFamiliesMatchSciPy() {
        check(ValueDistribution(.weibull(shape: 1.5, scale: 2))!,
              [0.02000667055827369, 0.4461510512738342, 1.1953090305375764, 1.5664395375493028, 3.4874430271928234, 7.2541738246789516])
        check(ValueDistribution(.triangular(lower: 0, mode: 5, upper: 10))!,
              [0.22360679774997896, 2.23606797749979, 4.301162633521313, 5.0, 7.76393202250021, 9.776393202250022])
        check(ValueDistribution(.triangular(lower: 1, mode: 2, upper: 9))!,
              [1.0894427190999916, 1.8944271909999157, 3.060303038033001, 3.7084973778708186, 6.633568086760153, 8.763356808676015])
        check(ValueDistribution(.exponential(mean: 4))!,
              [0.004002001334334134, 0.42144206263130524, 1.8481418383862347, 2.772588722239781, 9.210340371976184, 27.631021115928544])
    }

    @Test func numericsFamiliesAndTruncationMatchSciPy() {
        check(ValueDistribution(.normal(mean: 11775, standardDeviation: 4039.5), lower: 350, upper: 23200)!,
              [816.2834278637874, 6640.963409119959, 10440.98478385227, 11775.0, 16909.03659088004, 22733.71657213621], tolerance: 1e-8)
        check(ValueDistribution(.logNormal(logMean: log(7.6), logStandardDeviation: log(1.8)), lower: 1, upper: 50)!,
              [1.29062791904988, 3.580441579936318, 6.2524584676673465, 7.597786302398209, 16.11079569288855, 42.63125210264792], tolerance: 1e-8)
        check(ValueDistribution(.gamma(shape: 2.5, scale: 3))!,
              [0.3153189039438288, 2.4154619804434843, 5.18454948679463, 6.52719028664329, 13.854535349671686, 30.772508478649307], tolerance: 1e-7)
    }

    @Test func boundsThatLeaveNoProbabilityAreRejected() {
        #expect(ValueDistribution(.normal(mean: 0, standardDeviation: 1), lower: 3, upper: 2) == nil)
        #expect(ValueDistribution(.normal(mean: 0, standardDeviation: 1), lower: 40, upper: 50) == nil)
        #expect(ValueDistribution(.exponential(mean: 1), upper: -1) == nil)
        #expect(ValueDistribution(.constant(5), lower: 6) == nil)
    }

    /// The tabulated gamma quantile a course reads (QuantileGrid) against the exact one, over
    /// shapes from 0.3 to 50 with and without bounds, tails included (they fall back to it).
    @Test func tabulatedGammaQuantilesMatchTheExactOnes() throws {
        let cases: [ValueDistribution] = [
            ValueDistribution(.gamma(shape: 8, scale: 0.375 / 12))!, ValueDistribution(.gamma(shape: 7.02, scale: 2.26), lower: 1, upper: 60)!,
            ValueDistribution(.gamma(shape: 0.3, scale: 2))!, ValueDistribution(.gamma(shape: 1, scale: 1))!,
            ValueDistribution(.gamma(shape: 2.5, scale: 3), lower: 0.5)!, ValueDistribution(.gamma(shape: 50, scale: 0.1))!,
        ]
        for d in cases {
            let nodes = try #require(QuantileGrid.nodes(d))
            var worst = 0.0
            for i in 0..<20_000 {
                let u = (Double(i) + 0.5) / 20_000
                let exact = d.value(forUniform: u), grid = QuantileGrid.value(d, nodes: nodes, offset: 0, forUniform: u)
                worst = Swift.max(worst, abs(grid - exact) / exact)
            }
            for u in [1e-20, 1e-17, 1e-12, 1 - 1e-12, 1 - 1e-15] {
                let exact = d.value(forUniform: u), grid = QuantileGrid.value(d, nodes: nodes, offset: 0, forUniform: u)
                worst = Swift.max(worst, abs(grid - exact) / exact)
            }
            #expect(worst < 1e-9, "\(d.family): relative error \(worst)")
        }
        #expect(QuantileGrid.nodes(ValueDistribution(.normal(mean: 0, standardDeviation: 1))!) == nil)
    }
}

import Foundation
import Testing
@testable import RareSynthEvaluate

/// Every part of the FidelityReport against scipy/numpy on the fixture cases (relative 1e-12).
@Suite struct FidelityFixtureTests {
    @Test(arguments: fidelityCases)
    func reportMatchesScipy(_ name: String) throws {
        let (real, synthetic) = try FixtureTables.load(case: name)
        let expected = try FidelityExpected.load(case: name).fidelity
        let report = try FidelityReport.compute(real: real, synthetic: synthetic)
        var agreement = Agreement(tolerance: 1e-12)

        #expect(Set(report.continuous.map(\.column)) == Set(expected.continuous.keys))
        for d in report.continuous {
            let e = try #require(expected.continuous[d.column])
            agreement.check("W1", d.wasserstein, e.wasserstein, d.column)
            agreement.check("W1/range", d.normalizedWasserstein, e.normalized_wasserstein, d.column)
            agreement.check("JS", d.jensenShannon, e.jensen_shannon, d.column)
            agreement.check("KL", d.kullbackLeibler, e.kullback_leibler, d.column)
            #expect(d.error == nil)
        }

        #expect(Set(report.categorical.map(\.column)) == Set(expected.categorical.keys))
        for d in report.categorical {
            let e = try #require(expected.categorical[d.column])
            agreement.check("JS", d.jensenShannon, e.jensen_shannon, d.column)
            agreement.check("KL", d.kullbackLeibler, e.kullback_leibler, d.column)
            #expect(d.gaps.map(\.category) == e.gaps.map(\.category), "\(d.column): categories")
            for (g, eg) in zip(d.gaps, e.gaps) {
                #expect(g.realCount == eg.real_count && g.syntheticCount == eg.synthetic_count, "\(d.column) \(g.category ?? "NA")")
                agreement.check("share", g.realShare, eg.real_share, d.column)
                agreement.check("share", g.syntheticShare, eg.synthetic_share, d.column)
            }
            #expect(d.syntheticOnlyCategories == e.gaps.filter { $0.real_count == 0 }.map(\.category))
        }

        for (m, e, label) in [(report.pearson, expected.pearson, "Pearson"), (report.spearman, expected.spearman, "Spearman"),
                              (report.cramersV, expected.cramers_v, "CramersV")] {
            #expect(m.columns == e.columns, "\(label) columns")
            for i in m.columns.indices {
                for j in m.columns.indices {
                    agreement.check(label, m.real[i][j], e.real[i][j], "real \(m.columns[i]) × \(m.columns[j])")
                    agreement.check(label, m.synthetic[i][j], e.synthetic[i][j], "synthetic \(m.columns[i]) × \(m.columns[j])")
                }
            }
            agreement.check("\(label) MAD", m.meanAbsoluteDifference, e.mean_absolute_difference, "")
            #expect(m.comparedPairs == e.compared_pairs, "\(label) compared pairs")
        }

        for (options, e) in [(MaximumMeanDiscrepancy.Options(), expected.mmd),
                             (MaximumMeanDiscrepancy.Options(maxRowsPerSide: 100, seed: 7), expected.mmd_subsampled)] {
            #expect(options.maxRowsPerSide == e.max_rows && options.seed == e.seed)
            let mmd = try #require(try MaximumMeanDiscrepancy.compute(real: real, synthetic: synthetic, options: options))
            agreement.check("MMD2u", mmd.unbiased, e.unbiased, "max \(e.max_rows)")
            agreement.check("MMD2b", mmd.biased, e.biased, "max \(e.max_rows)")
            agreement.check("sigma", mmd.bandwidth, e.bandwidth, "max \(e.max_rows)")
            #expect(mmd.realRows == e.real_rows && mmd.syntheticRows == e.synthetic_rows && mmd.dimension == e.dimension)
            if let sample = e.real_sample {
                #expect(MaximumMeanDiscrepancy.sampledRows(real[0].data.count, options: options, stream: 0) == sample)
            }
            if let sample = e.synthetic_sample {
                #expect(MaximumMeanDiscrepancy.sampledRows(synthetic[0].data.count, options: options, stream: 1) == sample)
            }
        }
        print("fidelity \(name): \(agreement.summary)")
    }

    @Test func resultDoesNotDependOnThreadCount() throws {
        let (real, synthetic) = try FixtureTables.load(case: "fidelity/pbc-perturbed")
        let one = try FidelityReport.compute(real: real, synthetic: synthetic, options: .init(threads: 1))
        let four = try FidelityReport.compute(real: real, synthetic: synthetic, options: .init(threads: 4))
        #expect(one == four)
    }
}

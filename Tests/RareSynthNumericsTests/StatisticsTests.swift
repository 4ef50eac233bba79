import Foundation
import RareSynthNumerics
import Testing

/// Statistics helpers against numpy/scipy on data with many ties (values rounded to 0.1).
/// Sums of a few hundred terms in a different order differ by a few ulp, hence 1e−14.
@Suite("Statistics")
struct StatisticsTests {
    let section = reference["statistics"]

    @Test func momentsMatchNumpy() {
        let x = section["x"].doubles
        #expect(relativeError(Statistics.mean(x), section["mean_x"].double) < 1e-14)
        #expect(relativeError(Statistics.variance(x), section["var_x"].double) < 1e-14)
        #expect(relativeError(Statistics.variance(x, ddof: 1), section["var_x_ddof1"].double) < 1e-14)
        // Values near 1e9 with unit spread: a one-pass Σx² − n·m² would lose every digit.
        let big = section["big"].doubles
        #expect(relativeError(Statistics.mean(big), section["big_mean"].double) < 1e-15)
        #expect(relativeError(Statistics.variance(big), section["big_var"].double) < 1e-9)
        #expect(Statistics.mean([]).isNaN)
    }

    @Test func percentilesMatchNumpyExactly() {
        let q = section["percentile_q"].doubles.map { $0 / 100 }
        // numpy's linear method, including its two-sided lerp, reproduced bit for bit.
        #expect(Statistics.quantiles(section["x"].doubles, q) == section["percentile_x"].doubles)
        #expect(Statistics.quantiles(section["small"].doubles, q) == section["percentile_small"].doubles)
        #expect(Statistics.quantile([5], 0.3) == 5)
        #expect(Statistics.quantile([1, 2], 1.5).isNaN)
    }

    @Test func ranksAndCorrelationsMatchScipy() {
        let x = section["x"].doubles
        let y = section["y"].doubles
        #expect(Statistics.ranks(x) == section["ranks_x"].doubles)
        #expect(relativeError(Statistics.pearsonCorrelation(x, y), section["pearson"].double) < 1e-14)
        #expect(relativeError(Statistics.spearmanCorrelation(x, y), section["spearman"].double) < 1e-14)
        #expect(Statistics.pearsonCorrelation([1, 1, 1], [1, 2, 3]).isNaN)
    }

    @Test func correlationMatricesMatchNumpy() {
        let columns = section["columns"].matrix
        let pearson = Statistics.pearsonCorrelationMatrix(columns: columns)
        #expect(pearson.maxAbsoluteDifference(Matrix(rows: section["corrcoef"].matrix)) < 1e-14)
        #expect(pearson.isSymmetric() && pearson.diagonalElements.allSatisfy { $0 == 1 })
        let spearman = Statistics.spearmanCorrelationMatrix(columns: columns)
        #expect(spearman.maxAbsoluteDifference(Matrix(rows: section["spearman_matrix"].matrix)) < 1e-14)
        // A constant column correlates 0 with the others rather than NaN.
        let withConstant = Statistics.pearsonCorrelationMatrix(columns: [columns[0], [Double](repeating: 2, count: columns[0].count)])
        #expect(withConstant[0, 1] == 0 && withConstant[1, 1] == 1)
    }

    @Test func kolmogorovSmirnovStatisticsMatchScipy() {
        let a = section["ks2_a"].doubles
        let b = section["ks2_b"].doubles
        #expect(abs(Statistics.twoSampleKolmogorovSmirnovStatistic(a, b) - section["ks2"].double) < 1e-15)
        let tied = Statistics.twoSampleKolmogorovSmirnovStatistic(section["x"].doubles, section["y"].doubles)
        #expect(abs(tied - section["ks2_xy"].double) < 1e-15)
        #expect(Statistics.twoSampleKolmogorovSmirnovStatistic(a, a) == 0)
        // One-sample: the uniform cdf against an evenly spread sample.
        let grid = (0..<10).map { (Double($0) + 0.5) / 10 }
        #expect(abs(Statistics.kolmogorovSmirnovStatistic(sorted: grid, cdf: { $0 }) - 0.05) < 1e-15)
    }
}

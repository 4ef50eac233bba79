import RareSynthNumerics

/// The log-rank test that two or more survival curves are equal: R's
/// `survdiff(Surv(time, status) ~ group)` with `rho = 0`.
///
/// To compare a synthetic table with the real one, the group is the table of origin
/// (``compute(real:synthetic:mergesNearlyEqualTimes:)``): a small p-value says the synthetic
/// survival differs from the real one by more than chance.
///
/// At each distinct death time t with n subjects at risk (nₖ in group k) and d deaths:
/// - expected Eₖ += d·nₖ/n;
/// - variance Vₖₗ += d·nₖ(n − d)/(n(n − 1)) · (δₖₗ − nₗ/n), skipped when n = 1.
/// Oₖ counts the deaths in group k. With D the groups with Eₖ > 0: if |D| < 2 the statistic is
/// 0; otherwise χ² = (O − E)ᵀ V⁻¹ (O − E) on D less its first group, with |D| − 1 degrees of
/// freedom and p = P(χ²_df > χ²) (for df = 0, p = 1 as R's `pchisq(0, 0, lower.tail = FALSE)`;
/// for df = −1, no events at all, p = NaN as in R).
///
/// Reference: R `survival` 3.5-3, `survdiff`, `survdiff.fit` and `src/survdiff2.c` (the same
/// accumulation, backwards in time, in the same order); R solves with LU (`solve`), this code
/// with a Cholesky factorisation of the same symmetric matrix. The p-value is the regularised
/// upper incomplete gamma Q(df/2, χ²/2) (`RareSynthNumerics`). Agreement with R on the fixtures:
/// see the tests (≤ 1e-9 relative).
public struct LogRankTest: Sendable, Equatable {
    /// Group labels, ascending (R's factor-level order for ASCII labels).
    public let groups: [String]
    /// Subjects per group (R `n`).
    public let subjectCounts: [Int]
    /// Observed deaths per group (R `obs`).
    public let observed: [Double]
    /// Expected deaths per group under equal survival (R `exp`).
    public let expected: [Double]
    /// The variance–covariance matrix of O − E, groups × groups (R `var`).
    public let variance: Matrix
    /// The chi-square statistic (R `chisq`).
    public let chiSquare: Double
    /// The number of groups with expected deaths, minus one.
    public let degreesOfFreedom: Int
    /// P(χ²_df > chiSquare) (R `pvalue`).
    public let pValue: Double

    /// The test between the groups of `data`.
    /// - Parameter mergesNearlyEqualTimes: R's `timefix = TRUE`, applied to all rows together.
    /// - Throws: ``SurvivalError/fewerThanTwoGroups(_:)`` for ungrouped or one-group data,
    ///   ``SurvivalError/singularVariance`` when the variance matrix cannot be inverted.
    public static func compute(_ data: SurvivalData, mergesNearlyEqualTimes: Bool = true) throws(SurvivalError) -> LogRankTest {
        let data = mergesNearlyEqualTimes ? data.mergingNearlyEqualTimes() : data
        guard let rowGroups = data.groups, let labels = data.groupLabels, labels.count >= 2 else {
            throw .fewerThanTwoGroups(data.groupLabels?.count ?? 1)
        }
        let g = labels.count
        var index: [String: Int] = [:]
        for (k, label) in labels.enumerated() { index[label] = k }
        let group = rowGroups.map { index[$0]! }
        var subjectCounts = [Int](repeating: 0, count: g)
        for k in group { subjectCounts[k] += 1 }

        // Rows by time; walking backwards the risk sets only grow.
        let order = data.times.indices.sorted { data.times[$0] < data.times[$1] }
        var observed = [Double](repeating: 0, count: g)
        var expected = [Double](repeating: 0, count: g)
        var variance = [Double](repeating: 0, count: g * g)   // column-major, as R's
        var risk = [Double](repeating: 0, count: g)
        var i = order.count - 1
        while i >= 0 {
            let t = data.times[order[i]]
            var deaths = 0.0
            var j = i
            while j >= 0 && data.times[order[j]] == t {
                let row = order[j], k = group[row]
                let status = data.events[row] ? 1.0 : 0.0
                deaths += status
                risk[k] += 1
                observed[k] += status
                j -= 1
            }
            i = j
            let nrisk = Double(order.count - (j + 1))
            guard deaths > 0 else { continue }
            for k in 0..<g { expected[k] += deaths * risk[k] / nrisk }
            guard nrisk != 1 else { continue }   // a single subject: no variance
            var kk = 0
            for a in 0..<g {
                let tmp = deaths * risk[a] * (nrisk - deaths) / (nrisk * (nrisk - 1))
                variance[kk + a] += tmp
                for b in 0..<g {
                    variance[kk] -= tmp * risk[b] / nrisk
                    kk += 1
                }
            }
        }

        let chiSquare = try statistic(observed: observed, expected: expected, variance: variance, groups: g)
        let df = expected.filter { $0 > 0 }.count - 1
        // R stores var as a column-major matrix; it is symmetric, so rows and columns agree.
        var matrix = Matrix(rows: g, columns: g)
        for a in 0..<g { for b in 0..<g { matrix[a, b] = variance[b * g + a] } }
        return LogRankTest(groups: labels, subjectCounts: subjectCounts, observed: observed, expected: expected,
                           variance: matrix, chiSquare: chiSquare, degreesOfFreedom: df,
                           pValue: upperChiSquareProbability(chiSquare, degreesOfFreedom: df))
    }

    /// The test between a real and a synthetic table (groups `"real"` and `"synthetic"`).
    public static func compute(real: SurvivalData, synthetic: SurvivalData,
                               mergesNearlyEqualTimes: Bool = true) throws(SurvivalError) -> LogRankTest {
        try compute(.pooled(real: real, synthetic: synthetic), mergesNearlyEqualTimes: mergesNearlyEqualTimes)
    }

    /// (O − E)ᵀ V⁻¹ (O − E) over the groups with expected deaths, less the first of them.
    static func statistic(observed: [Double], expected: [Double], variance: [Double], groups g: Int) throws(SurvivalError) -> Double {
        let kept = (0..<g).filter { expected[$0] > 0 }
        guard kept.count >= 2 else { return 0 }
        let used = Array(kept.dropFirst())
        let difference = used.map { observed[$0] - expected[$0] }
        var v = Matrix(rows: used.count, columns: used.count)
        for (a, ka) in used.enumerated() {
            for (b, kb) in used.enumerated() { v[a, b] = variance[kb * g + ka] }
        }
        let solution: [Double]
        do {
            solution = try Cholesky(v).solve(difference)
        } catch {
            throw .singularVariance
        }
        var chi = 0.0
        for (s, d) in zip(solution, difference) { chi += s * d }
        return chi
    }

    /// R's `pchisq(x, df, lower.tail = FALSE)` for the integer degrees of freedom a log-rank
    /// test can have: Q(df/2, x/2) for df ≥ 1; a point mass at 0 for df = 0; NaN below.
    static func upperChiSquareProbability(_ x: Double, degreesOfFreedom df: Int) -> Double {
        if df < 0 || x.isNaN { return .nan }
        if df == 0 { return x > 0 ? 0 : 1 }
        if x <= 0 { return 1 }
        return SpecialFunctions.regularizedGammaQ(Double(df) / 2, x / 2)
    }
}

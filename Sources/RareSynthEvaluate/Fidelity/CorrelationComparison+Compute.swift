import RareSynthNumerics

extension CorrelationComparison {
    /// **Pearson** matrices of the continuous (numerical, datetime) columns.
    ///
    /// Each pair uses the rows where both values are present, per table (pandas `DataFrame.corr()`
    /// is pairwise complete too), through the QualityReport's `scipy.stats.pearsonr` code
    /// (``CorrelationSimilarity``): `nil` for a constant side or fewer than two complete rows.
    /// Reference: `scipy.stats.pearsonr(x[mask], y[mask])` (scipy 1.17.1); agreement ≤ 1e-15.
    public static func pearson(real: [MetricColumn], synthetic: [MetricColumn],
                               threads: Int? = nil) throws(MetricError) -> CorrelationComparison {
        pearson(try PreparedContinuous.match(real: real, synthetic: synthetic, threads: threads), threads: threads)
    }

    /// **Spearman** matrices of the continuous columns: Pearson's ρ of the average ranks (ties
    /// share the mean of their positions) of the rows where both values are present, ranked after
    /// dropping incomplete rows. Reference: `scipy.stats.spearmanr(x[mask], y[mask])` (scipy
    /// 1.17.1: `rankdata(method='average')`, then `np.corrcoef`); agreement ≤ 1e-14.
    public static func spearman(real: [MetricColumn], synthetic: [MetricColumn],
                                threads: Int? = nil) throws(MetricError) -> CorrelationComparison {
        spearman(try PreparedContinuous.match(real: real, synthetic: synthetic, threads: threads), threads: threads)
    }

    /// **Cramér's V** matrices of the discrete (categorical, boolean) columns:
    /// √(χ² / n / min(r − 1, c − 1)) of each pair's contingency table, χ² without Yates'
    /// correction, missing as a category of its own (`groupby(dropna=False)`), over the categories
    /// that occur: the bias-uncorrected `scipy.stats.contingency.association(table,
    /// method='cramer')` that the QualityReport's ContingencySimilarity threshold uses, and the
    /// same code (``JointCounts/cramersV()``). `nil` with fewer than two categories on a side.
    /// Reference: `association(pd.crosstab(a, b, dropna=False))` (scipy 1.17.1); agreement ≤ 1e-15.
    public static func cramersV(real: [MetricColumn], synthetic: [MetricColumn],
                                threads: Int? = nil) throws(MetricError) -> CorrelationComparison {
        cramersV(try PreparedDiscrete.match(real: real, synthetic: synthetic, threads: threads), threads: threads)
    }

    static func pearson(_ columns: [PreparedContinuous], threads: Int?) -> CorrelationComparison {
        compare(.pearson, columns.map(\.name), threads: threads,
                diagonal: { (columns[$0].real.varies ? 1 : nil, columns[$0].synthetic.varies ? 1 : nil) }) { i, j in
            (columns[i].real.pearson(columns[j].real), columns[i].synthetic.pearson(columns[j].synthetic))
        }
    }

    static func spearman(_ columns: [PreparedContinuous], threads: Int?) -> CorrelationComparison {
        compare(.spearman, columns.map(\.name), threads: threads,
                diagonal: { (columns[$0].real.varies ? 1 : nil, columns[$0].synthetic.varies ? 1 : nil) }) { i, j in
            (columns[i].real.spearman(columns[j].real), columns[i].synthetic.spearman(columns[j].synthetic))
        }
    }

    static func cramersV(_ columns: [PreparedDiscrete], threads: Int?) -> CorrelationComparison {
        compare(.cramersV, columns.map(\.name), threads: threads,
                diagonal: { (columns[$0].realCategories >= 2 ? 1 : nil, columns[$0].syntheticCategories >= 2 ? 1 : nil) }) { i, j in
            let a = columns[i].codes, b = columns[j].codes
            let cardinalities = (a.cardinality, b.cardinality)
            return (JointCounts(a.real, b.real, cardinalities: cardinalities).cramersV(),
                    JointCounts(a.synthetic, b.synthetic, cardinalities: cardinalities).cramersV())
        }
    }

    /// Fills both matrices from `pair(i, j)` for i < j (pairs run in parallel; each entry depends
    /// only on its pair, so the result does not depend on the thread count).
    static func compare(_ coefficient: Coefficient, _ names: [String], threads: Int?,
                        diagonal: (Int) -> (Double?, Double?),
                        pair: @Sendable (Int, Int) -> (Double?, Double?)) -> CorrelationComparison {
        let p = names.count
        var pairs: [(Int, Int)] = []
        for i in 0..<p { for j in (i + 1)..<Swift.max(i + 1, p) { pairs.append((i, j)) } }
        let indexPairs = pairs
        let values = Parallel.map(count: indexPairs.count, chunkSize: 1, threads: threads) { k in
            pair(indexPairs[k].0, indexPairs[k].1)
        }
        var real = [[Double?]](repeating: [Double?](repeating: nil, count: p), count: p)
        var synthetic = real, difference = real
        var gaps: [Double] = []
        for i in 0..<p { (real[i][i], synthetic[i][i]) = diagonal(i) }
        for (k, (i, j)) in pairs.enumerated() {
            let (r, s) = values[k]
            real[i][j] = r; real[j][i] = r
            synthetic[i][j] = s; synthetic[j][i] = s
            if let r, let s {
                difference[i][j] = s - r; difference[j][i] = s - r
                gaps.append(Swift.abs(s - r))
            }
        }
        for i in 0..<p {
            if let r = real[i][i], let s = synthetic[i][i] { difference[i][i] = s - r }
        }
        return CorrelationComparison(coefficient: coefficient, columns: names, real: real, synthetic: synthetic,
                                     difference: difference,
                                     meanAbsoluteDifference: gaps.isEmpty ? nil : PairwiseSum.sum(gaps) / Double(gaps.count),
                                     comparedPairs: gaps.count)
    }
}

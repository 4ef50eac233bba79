extension Statistics {
    /// The one-sample Kolmogorov–Smirnov statistic Dₙ = sup |Fₙ(x) − F(x)| of sorted data against
    /// a continuous cdf, as scipy `kstest(data, cdf).statistic`:
    /// max over i of max(F(x₍ᵢ₎) − (i − 1)/n, i/n − F(x₍ᵢ₎)).
    ///
    /// Used to choose a marginal family by goodness of fit.
    /// - Precondition: `sorted` is in ascending order.
    public static func kolmogorovSmirnovStatistic(sorted: [Double], cdf: (Double) -> Double) -> Double {
        let n = Double(sorted.count)
        guard !sorted.isEmpty else { return .nan }
        var statistic = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            statistic = max(statistic, f - Double(i) / n, Double(i + 1) / n - f)
        }
        return statistic
    }

    /// The two-sample Kolmogorov–Smirnov statistic sup |F₁(x) − F₂(x)| between two empirical
    /// distributions, as scipy `ks_2samp(a, b).statistic`; ties across and within the samples are
    /// handled by stepping past every copy of a value before comparing.
    public static func twoSampleKolmogorovSmirnovStatistic(_ first: [Double], _ second: [Double]) -> Double {
        guard !first.isEmpty, !second.isEmpty else { return .nan }
        let a = first.sorted()
        let b = second.sorted()
        let n = Double(a.count)
        let m = Double(b.count)
        var i = 0
        var j = 0
        var statistic = 0.0
        while i < a.count && j < b.count {
            let value = min(a[i], b[j])
            while i < a.count && a[i] == value { i += 1 }
            while j < b.count && b[j] == value { j += 1 }
            statistic = max(statistic, abs(Double(i) / n - Double(j) / m))
        }
        return statistic
    }
}

import RareSynthLearn
import RareSynthNumerics

/// The propensity mean squared error (Woo et al. 2009) and its standardised ratio S_pMSE (Snoke,
/// Raab, Nowok, Dibben & Slavković 2018, "General and specific utility measures for synthetic
/// data", JRSS A 181(3)): how well a model can tell synthetic rows from real ones.
///
/// Real and synthetic rows are pooled with an indicator (1 = synthetic), c = n_synth / N, and a
/// main-effects logistic regression predicts the indicator from every column (synthpop's
/// `utility.gen(method = "logit", maxorder = 0)`). With p̂ᵢ its fitted probabilities,
///
///     pMSE = (1/N) Σ (p̂ᵢ − c)²,   E₀[pMSE] = (k − 1)(1 − c)² c / N,   S_pMSE = pMSE / E₀[pMSE],
///
/// where k − 1 is the number of identifiable (non-intercept) coefficients — the rank of the
/// centred design — and E₀ is the null expectation when both tables come from one distribution.
/// S_pMSE near 1 means the tables cannot be told apart better than chance; synthpop's authors read
/// values up to about 10 as good utility. pMSE is 0 when the model cannot separate the tables at
/// all and c(1 − c) (¼ at c = ½) when it separates them perfectly.
///
/// Encoding: numbers standardised with the pooled mean imputed for missing values plus a missing
/// indicator; categories one-hot with missing as a category (`FeatureEncoder`'s default). The fit
/// is the maximum-likelihood one (a penalty of 1e-8 only resolves the collinear one-hot columns to
/// the minimum-norm solution; fitted probabilities are those of the unpenalised MLE). Agreement:
/// statsmodels' unpenalised `Logit` on the same design with one reference category dropped,
/// ≤ 1e-7 on pMSE (`Tests/RareSynthEvaluateTests/Fixtures/propensity`).
public struct PropensityMSE: Sendable, Equatable, Codable {
    public var pMSE: Double
    /// E₀[pMSE] = (k − 1)(1 − c)² c / N.
    public var nullExpectation: Double
    /// pMSE / E₀[pMSE]; `nil` when the model has no coefficient.
    public var standardized: Double?
    /// k − 1: identifiable coefficients besides the intercept.
    public var parameters: Int
    /// c = n_synth / N.
    public var syntheticShare: Double
    public var rows: Int

    /// - Throws: `MetricError` when the columns do not match; `LearnError` when a table is empty.
    public static func compute(real: [MetricColumn], synthetic: [MetricColumn]) throws -> PropensityMSE {
        let pooled = try PooledFeatures(real: real, synthetic: synthetic)
        let n = pooled.realRows, m = pooled.syntheticRows
        let encoder = try FeatureEncoder(fitting: pooled.columns)
        let x = try encoder.transform(pooled.columns)
        let labels = pooled.labels
        let model = try LogisticRegression(fitting: x, labels: labels, options: .init(c: 1e8, maxIterations: 200))
        let probabilities = try model.predictProbabilities(x)
        let k = model.classes.firstIndex(of: "synthetic")!
        let total = Double(n + m), c = Double(m) / total
        var sum = 0.0
        for i in 0..<(n + m) {
            let d = probabilities[i, k] - c
            sum += d * d
        }
        // k − 1 = rank of the column-centred design: scikit-learn's `LinearRegression.rank_`
        // (singular values below 1e-6·σ_max are zero), which drops the one-hot columns made
        // redundant by the intercept as R's glm does.
        let rank = try LinearRegression(fitting: x, targets: labels.map { $0 == "synthetic" ? 1 : 0 }).rank
        let expected = Double(rank) * (1 - c) * (1 - c) * c / total
        let pMSE = sum / total
        return PropensityMSE(pMSE: pMSE, nullExpectation: expected, standardized: rank > 0 ? pMSE / expected : nil,
                             parameters: rank, syntheticShare: c, rows: n + m)
    }
}

/// The parametric families offered as copula marginals, by their model-file names.
///
/// SDV's GaussianCopula chooses among norm, beta, truncnorm, gamma, uniform and gaussian_kde;
/// this enum covers the parametric ones plus a shifted log-normal. The empirical marginal lives
/// with the model, not here, because it is data rather than a distribution with parameters.
public enum DistributionFamily: String, Sendable, Codable, CaseIterable {
    case normal
    case truncatedNormal = "truncated_normal"
    case beta
    case gamma
    case logNormal = "log_normal"
    case uniform

    /// The corresponding `scipy.stats` name, for reports that compare with SDV.
    public var scipyName: String {
        switch self {
        case .normal: "norm"
        case .truncatedNormal: "truncnorm"
        case .beta: "beta"
        case .gamma: "gamma"
        case .logNormal: "lognorm"
        case .uniform: "uniform"
        }
    }

    /// Fits this family to a column; nil when it cannot (see `UnivariateDistribution.fit`).
    public func fit(_ data: [Double]) -> Marginal? {
        switch self {
        case .normal: Normal.fit(data).map(Marginal.normal)
        case .truncatedNormal: TruncatedNormal.fit(data).map(Marginal.truncatedNormal)
        case .beta: Beta.fit(data).map(Marginal.beta)
        case .gamma: Gamma.fit(data).map(Marginal.gamma)
        case .logNormal: LogNormal.fit(data).map(Marginal.logNormal)
        case .uniform: Uniform.fit(data).map(Marginal.uniform)
        }
    }
}

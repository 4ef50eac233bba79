/// One use of the data under differential privacy, as the ledger records it: what it was for
/// (shown in reports, so a reader sees every charge against the budget) and the mechanism.
public struct PrivacyCharge: Sendable, Equatable, Codable {
    public var label: String
    public var mechanism: PrivacyMechanism

    /// A parameter as charge labels print it: four decimals (the mechanism keeps it exactly).
    public static func labelled(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    public init(_ label: String, _ mechanism: PrivacyMechanism) {
        self.label = label
        self.mechanism = mechanism
    }
}

/// The mechanisms the ledger composes, each through its Rényi DP curve.
public enum PrivacyMechanism: Sendable, Equatable, Codable {
    /// DP-SGD's steps (or any subsampled Gaussian release).
    case subsampledGaussian(SubsampledGaussian)
    /// `uses` independent Laplace releases at this ε each.
    case laplace(LaplaceMechanism, uses: Int)
    /// `uses` exponential-mechanism selections at this ε each.
    case exponential(ExponentialMechanism, uses: Int)
    /// PATE's noisy teacher votes, by their data-dependent moments (see ``PATEAccountant``).
    case pate(PATEAccountant)

    public func renyiDivergence(order alpha: Double) -> Double {
        switch self {
        case let .subsampledGaussian(m): m.renyiDivergence(order: alpha)
        case let .laplace(m, uses): Double(uses) * m.renyiDivergence(order: alpha)
        case let .exponential(m, uses): Double(uses) * m.renyiDivergence(order: alpha)
        case let .pate(m): m.renyiDivergence(order: alpha)
        }
    }

    /// ε of a pure (δ = 0) guarantee by basic composition, for the mechanisms that have one.
    public var pureEpsilon: Double? {
        switch self {
        case .subsampledGaussian, .pate: nil
        case let .laplace(m, uses): Double(uses) * m.epsilon
        case let .exponential(m, uses): Double(uses) * m.epsilon
        }
    }
}

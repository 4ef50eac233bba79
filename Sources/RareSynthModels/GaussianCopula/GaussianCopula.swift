import RareSynthNumerics
import RareSynthTransform

/// A Gaussian copula synthesizer: per-column marginals joined by one correlation matrix of
/// latent standard normals.
///
/// What it does beyond the textbook model, and why:
/// - **Marginals by goodness of fit.** Each continuous column gets the best of several parametric
///   families or its empirical distribution; a family is kept only where the data cannot tell it
///   from the family (Kolmogorov–Smirnov), otherwise the empirical one is used.
/// - **Categories that keep their associations.** A categorical column is a latent normal cut
///   into intervals. The order of the intervals is chosen so the latent variable lines up with
///   the other columns (the first principal direction of the per-category means, the idea of
///   optimal scaling), instead of frequency order, which breaks non-monotone associations.
/// - **Latent correlations, not coarsened ones.** Each column's latent scores are interval means
///   `E[Z | a < Z < b]`; their correlations are shrunk by the coarsening, and are corrected by
///   `1/√(v_i v_j)` with `v` the scores' variance (the polyserial / polychoric attenuation).
/// - **Missing values as data** through an indicator latent per column with missing values.
/// - **Conditions without rejection**: a condition is a set of latent intervals; the conditioned
///   latents are drawn from the truncated normal (Gibbs sweeps when several interact) and the
///   rest from the exact Gaussian conditional.
public struct GaussianCopula: Codable, Sendable, Equatable {
    /// One margin per encoded column, in column order.
    public var margins: [CopulaMargin]
    /// Encoded column names, for conditions and error messages.
    public var columnNames: [String]
    /// Level counts of discrete columns (0 for continuous), to rebuild encoded tables.
    public var levelCounts: [Int]
    /// Number of latent dimensions.
    public var dimension: Int
    /// Latent correlation matrix, row-major `dimension × dimension`, positive definite.
    public var correlation: [Double]
    /// Notes from fitting (correlation repair, degenerate columns), for reports.
    public var notes: [String]

    public init(margins: [CopulaMargin], columnNames: [String], levelCounts: [Int], dimension: Int,
                correlation: [Double], notes: [String]) {
        self.margins = margins
        self.columnNames = columnNames
        self.levelCounts = levelCounts
        self.dimension = dimension
        self.correlation = correlation
        self.notes = notes
    }
}

/// Options for fitting a `GaussianCopula`.
public struct GaussianCopulaOptions: Codable, Sendable, Equatable {
    /// Which marginals continuous columns may use.
    public enum MarginalChoice: String, Codable, Sendable, CaseIterable {
        /// A parametric family where it fits as well as sampling noise allows, else empirical.
        case auto
        /// Always the empirical distribution.
        case empirical
        /// Always the best-fitting parametric family.
        case parametric
    }

    public var marginals: MarginalChoice
    /// Rounds of re-ordering categories against the other columns' latent scores.
    public var orderingRounds: Int

    public init(marginals: MarginalChoice = .auto, orderingRounds: Int = 3) {
        self.marginals = marginals
        self.orderingRounds = orderingRounds
    }
}

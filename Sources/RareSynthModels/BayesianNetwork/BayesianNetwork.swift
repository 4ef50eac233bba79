import RareSynthPrivacy
import RareSynthTransform

/// A Bayesian network over the encoded columns, each discretised: the Bayesian-network
/// synthesizer, and with a budget PrivBayes (Zhang et al. 2017), whose structure is chosen by
/// the exponential mechanism on mutual information and whose conditional tables carry Laplace
/// noise.
///
/// A row is drawn node by node in `order`, each value from its table given its parents' values;
/// a continuous column's bin becomes a value drawn uniformly inside the bin.
public struct BayesianNetwork: Codable, Sendable, Equatable {
    /// One encoded column as a node: its values are `size` states.
    public struct Node: Codable, Sendable, Equatable {
        public var name: String
        /// For a continuous column, the bin edges (bins + 1 ascending values), with one more
        /// state after the bins for a missing value when `hasMissing`. Nil for a discrete column,
        /// whose states are its level codes.
        public var edges: [Double]?
        public var hasMissing: Bool
        public var size: Int

        public var bins: Int { (edges?.count ?? 1) - 1 }
    }

    public var options: BayesianNetworkOptions
    public var nodes: [Node]
    /// Node indices in sampling order (each node's parents come before it).
    public var order: [Int]
    /// The parents of each node (indexed like `nodes`), in the mixed-radix order of its table.
    public var parents: [[Int]]
    /// P(node state | parent states) for each node: row c (parent configuration, mixed radix
    /// over `parents` with the last parent fastest) holds `size` probabilities.
    public var conditionals: [[Double]]
    /// The guarantee when fitted with a finite ε.
    public var privacy: PrivacyStatement?
}

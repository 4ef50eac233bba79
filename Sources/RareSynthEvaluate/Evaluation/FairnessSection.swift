/// Whether the synthetic data and the models trained on it treat the groups of each sensitive
/// attribute as the real data does, and whether each group is reproduced as faithfully as the
/// whole table (a rare subgroup the generator erased shows up here).
public struct FairnessSection: Sendable, Equatable, Codable {
    public struct Attribute: Sendable, Equatable, Codable {
        public var attribute: String
        /// The outcome: the target column and its positive class (second class in sorted order).
        public var outcome: String?
        public var positiveClass: String?
        /// Outcome rate per group in the real and in the synthetic table (fairlearn's
        /// demographic parity, disparate impact; true/false positive rates are not defined for
        /// data, so equal opportunity and equalized odds appear under ``models``).
        public var realData: GroupFairness?
        public var syntheticData: GroupFairness?
        /// Group fairness of each TSTR/TRTR classifier's predictions on the real test rows.
        public var models: [ModelFairness]
        /// Fidelity of each group's rows.
        public var subgroups: [SubgroupFidelity]
        /// Why a part is missing (e.g. a numeric target, a single group).
        public var notes: [String]
    }

    public struct ModelFairness: Sendable, Equatable, Codable {
        public var model: String
        public var trainedOn: String
        public var result: GroupFairness?
        public var note: String?
    }

    /// SDMetrics Column Shapes of one group's real rows against that group's synthetic rows.
    public struct SubgroupFidelity: Sendable, Equatable, Codable {
        /// `nil` for rows whose attribute is missing.
        public var group: String?
        public var realRows: Int
        public var syntheticRows: Int
        /// Share of the table, real and synthetic.
        public var realShare: Double
        public var syntheticShare: Double
        public var columnShapes: Double?
        /// Why there is no score (e.g. the generator produced no row of this group).
        public var note: String?
    }

    public var attributes: [Attribute]
}

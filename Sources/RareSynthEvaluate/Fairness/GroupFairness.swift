/// Group fairness of a binary outcome or prediction across the groups of one sensitive attribute,
/// as fairlearn 0.15.0 defines it (`fairlearn.metrics`), so the figures mean what they mean there.
///
/// Per group g: selection rate P(ŷ = 1 | g), true-positive rate P(ŷ = 1 | y = 1, g) and
/// false-positive rate P(ŷ = 1 | y = 0, g). fairlearn computes the rates with scikit-learn's
/// `zero_division=0`: a group with no true positives (or no true negatives) gets a TPR (FPR) of
/// 0, and that 0 enters the differences — reproduced here, with the group's positive and negative
/// counts reported so a reader can see where a rate is undefined.
/// - demographic parity difference = max_g − min_g of the selection rate;
/// - disparate impact ratio = min_g / max_g of the selection rate (fairlearn's
///   `demographic_parity_ratio`; the "80% rule" reads it against 0.8); 0/0 is reported as `nil`;
/// - equal opportunity difference = max_g − min_g of the TPR;
/// - equalized odds difference = max(TPR difference, FPR difference).
///
/// For the data itself the outcome is its own prediction (ŷ = y): the selection rate is the
/// outcome rate per group, which is what must survive synthesis (real vs synthetic); for a
/// model, ŷ are its predictions on the real test rows. Rows with a missing group or outcome are
/// left out, as fairlearn cannot take them. Agreement with fairlearn on lung (sex, ECOG; data and
/// a rule's predictions): ≤ 1e-15 (`Tests/RareSynthEvaluateTests/Fixtures/fairness`).
public struct GroupFairness: Sendable, Equatable, Codable {
    public struct Group: Sendable, Equatable, Codable {
        public var group: String
        public var rows: Int
        /// Rows with y = 1 and y = 0.
        public var positives: Int
        public var negatives: Int
        public var selectionRate: Double
        public var truePositiveRate: Double
        public var falsePositiveRate: Double
    }

    /// Groups in label order.
    public var groups: [Group]
    public var demographicParityDifference: Double
    public var disparateImpactRatio: Double?
    public var equalOpportunityDifference: Double
    public var equalizedOddsDifference: Double

    /// - Parameters: `truth` and `predicted` (true = the positive class) and the group of each
    ///   row; `nil` entries drop the row.
    /// - Returns: `nil` when fewer than two groups remain (there is nothing to compare).
    public static func compute(truth: [Bool?], predicted: [Bool?], groups: [String?]) -> GroupFairness? {
        precondition(truth.count == predicted.count && truth.count == groups.count, "one truth, prediction and group per row")
        var counts: [String: (rows: Int, selected: Int, positives: Int, truePositives: Int, falsePositives: Int)] = [:]
        for i in truth.indices {
            guard let t = truth[i], let p = predicted[i], let g = groups[i] else { continue }
            var c = counts[g, default: (0, 0, 0, 0, 0)]
            c.rows += 1
            if p { c.selected += 1 }
            if t { c.positives += 1; if p { c.truePositives += 1 } } else if p { c.falsePositives += 1 }
            counts[g] = c
        }
        guard counts.count >= 2 else { return nil }
        func rate(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        let groups = counts.keys.sorted().map { g -> Group in
            let c = counts[g]!
            return Group(group: g, rows: c.rows, positives: c.positives, negatives: c.rows - c.positives,
                         selectionRate: rate(c.selected, c.rows), truePositiveRate: rate(c.truePositives, c.positives),
                         falsePositiveRate: rate(c.falsePositives, c.rows - c.positives))
        }
        func spread(_ values: [Double]) -> Double { values.max()! - values.min()! }
        let selection = groups.map(\.selectionRate)
        let tpr = spread(groups.map(\.truePositiveRate)), fpr = spread(groups.map(\.falsePositiveRate))
        let top = selection.max()!
        return GroupFairness(groups: groups, demographicParityDifference: spread(selection),
                             disparateImpactRatio: top == 0 ? nil : selection.min()! / top,
                             equalOpportunityDifference: tpr, equalizedOddsDifference: Swift.max(tpr, fpr))
    }

    /// The outcome rates of the data itself (ŷ = y), for comparing a real and a synthetic table.
    public static func outcomes(_ outcome: [Bool?], groups: [String?]) -> GroupFairness? {
        compute(truth: outcome, predicted: outcome, groups: groups)
    }
}

/// How much the synthetic table reveals about the real patients: distances to the closest real
/// record, SDMetrics' privacy metrics, a membership-inference attack, k-anonymity and
/// l-diversity, and synthpop's disclosure measures.
public struct PrivacySection: Sendable, Equatable, Codable {
    /// Synthetic → real (training) distances to the closest record, SDMetrics' definition, all rows.
    public var dcr: DistanceSummary?
    /// Holdout → training distances, the yardstick a synthetic row's DCR is read against.
    public var holdoutDCR: DistanceSummary?
    /// Nearest-neighbour distance ratio of the synthetic rows (closest / second closest real row).
    public var nndr: DistanceSummary?
    public var dcrBaselineProtection: DCRBaselineScore?
    public var dcrOverfittingProtection: DCROverfittingScore?
    public var newRowSynthesis: NewRowScore?
    public var disclosureProtection: DisclosureScore?
    public var membershipInference: MembershipInferenceScore?
    public var kAnonymity: KAnonymityScore?
    public var synthpop: [SynthpopScore]?
}

/// Order statistics of a set of distances.
public struct DistanceSummary: Sendable, Equatable, Codable {
    public var rows: Int
    public var minimum: Double
    public var p05: Double
    public var median: Double
    public var mean: Double
    public var maximum: Double
    /// Rows at distance 0: exact copies on the scored columns.
    public var zero: Int

    /// `nil` for no distances.
    public init?(_ d: [Double]) {
        guard !d.isEmpty else { return nil }
        let s = d.sorted()
        func q(_ p: Double) -> Double {
            // Linear interpolation between closest ranks (numpy's default `linear` method).
            let h = p * Double(s.count - 1)
            let lo = Int(h.rounded(.down)), hi = Swift.min(lo + 1, s.count - 1)
            return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
        }
        rows = s.count
        minimum = s[0]
        p05 = q(0.05)
        median = q(0.5)
        mean = PairwiseSum.sum(s) / Double(s.count)
        maximum = s[s.count - 1]
        zero = s.prefix { $0 == 0 }.count
    }
}

public struct DCRBaselineScore: Sendable, Equatable, Codable {
    public var score: Double?
    public var medianSyntheticDCR: Double
    public var medianRandomDCR: Double
}

public struct DCROverfittingScore: Sendable, Equatable, Codable {
    /// SDMetrics' score on all rows: min(1, 2 × share of synthetic rows closer to the holdout).
    public var score: Double
    public var closerToTraining: Double
    public var closerToHoldout: Double
    /// The same score with all three tables (training, synthetic, holdout) cut to the holdout's
    /// size by seeded draws, averaged over ``balancedIterations`` draws: SDMetrics'
    /// `num_rows_subsample` mode as the peers' protocol (`score.py`) runs it. SDMetrics' formula
    /// expects equal reference sizes: with 4 training rows per holdout row, a generator that
    /// copies nothing already lands ~80% of its rows closer to training (score ~0.4).
    /// `nil` when no table is larger than the holdout.
    public var balancedScore: Double?
    /// Rows per table in each draw.
    public var balancedRows: Int?
    public var balancedIterations: Int?

    /// Draws averaged for ``balancedScore``, as in the peers' protocol.
    public static let balancedIterations = 3
}

public struct NewRowScore: Sendable, Equatable, Codable {
    public var score: Double
    public var newRows: Int
    public var matchedRows: Int
}

public struct DisclosureScore: Sendable, Equatable, Codable {
    public var knownColumns: [String]
    public var sensitiveColumns: [String]
    public var score: Double?
    public var capProtection: Double?
    public var baselineProtection: Double
}

public struct MembershipInferenceScore: Sendable, Equatable, Codable {
    /// ROC AUC of the attack (0.5 = no better than a coin; 1 = every member found).
    public var auc: Double
    public var trainingRows: Int
    public var holdoutRows: Int
    public var attack: String
}

public struct KAnonymityScore: Sendable, Equatable, Codable {
    public var quasiIdentifiers: [String]
    public var k: Int
    public var equivalenceClasses: Int
    public var threshold: Int
    public var rowsBelowThreshold: Int
    public var shareBelowThreshold: Double
    /// Distinct values of the sensitive column in the least diverse class, when one is named.
    public var sensitive: String?
    public var l: Int?
}

/// synthpop's `disclosure()` measures for one target.
public struct SynthpopScore: Sendable, Equatable, Codable {
    public var keys: [String]
    public var target: String
    /// Replicated uniques, % of the real rows.
    public var repU: Double
    /// Disclosive in synthetic, correct in original, % of the real rows.
    public var diSCO: Double
    public var diSDiO: Double
    public var capD: Double
    public var capS: Double
    public var dcap: Double
    public var tcap: Double?
}

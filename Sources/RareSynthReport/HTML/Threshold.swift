/// The thresholds the headlines read their figures against, each with the text that prints it.
///
/// They are this report's conventions, not standards, and the page prints each one beside its
/// figure so a reader can apply another:
/// - Quality 0.80 / 0.60: SDMetrics scores run from 0 to 1 and leave the cut to the user.
/// - Detection AUC 0.60 / 0.80: 0.5 is a coin toss; from 0.8 (Hosmer & Lemeshow's "excellent
///   discrimination") a simple classifier tells the tables apart easily.
/// - Utility gap 0.05 / 0.10 of the primary metric (macro F1 or R²).
/// - DCROverfittingProtection 0.90 / 0.75 and NewRowSynthesis 0.99 / 0.95: both are 1 when no
///   synthetic row sits closer to a training row than fresh real rows do / is a near copy.
/// - Membership-inference AUC 0.55 / 0.65: barely better than guessing up to 0.55.
/// - Demographic-parity change 0.05 / 0.10: five percentage points of outcome-rate gap between
///   groups.
/// - Log-rank p 0.05 / 0.01, and a Kaplan–Meier gap of 0.10 / 0.20 in survival probability (the
///   p-value alone shrinks with sample size, so the gap is read beside it).
struct Threshold: Sendable {
    /// What is read, with the cut-offs, as printed under the headline.
    let markup: Markup
    private let rule: @Sendable (Double) -> Verdict

    init(_ text: String, rule: @escaping @Sendable (Double) -> Verdict) {
        self.init(markup: Markup(text: text), rule: rule)
    }

    init(markup: Markup, rule: @escaping @Sendable (Double) -> Verdict) {
        self.markup = markup
        self.rule = rule
    }

    func verdict(_ value: Double?) -> Verdict {
        guard let value, !value.isNaN else { return .notAssessed }
        return rule(value)
    }

    /// Higher is better: `good` from `good` up, `concern` below `concern`.
    static func atLeast(_ text: String, good: Double, concern: Double) -> Threshold {
        Threshold(text) { $0 >= good ? .good : ($0 >= concern ? .check : .concern) }
    }

    /// Lower is better: `good` up to `good`, `concern` above `concern`.
    static func atMost(_ text: String, good: Double, concern: Double) -> Threshold {
        Threshold(text) { $0 <= good ? .good : ($0 <= concern ? .check : .concern) }
    }

    static let quality = atLeast("SDMetrics Quality ≥ 0.80 good, 0.60–0.80 check, < 0.60 concern", good: 0.80, concern: 0.60)
    static let detection = Threshold("detection AUC ≤ 0.60 hard to tell apart (good), 0.60–0.80 check, ≥ 0.80 easy to tell apart (concern)") {
        $0 <= 0.60 ? .good : ($0 < 0.80 ? .check : .concern)
    }
    static let utilityGap = atMost("|synthetic − real| ≤ 0.05 good, 0.05–0.10 check, > 0.10 concern", good: 0.05, concern: 0.10)
    static let dcrOverfitting = atLeast("DCROverfittingProtection ≥ 0.90 good, 0.75–0.90 check, < 0.75 concern", good: 0.90, concern: 0.75)
    static let newRows = atLeast("NewRowSynthesis ≥ 0.99 good, 0.95–0.99 check, < 0.95 concern", good: 0.99, concern: 0.95)
    static let membership = atMost("membership-inference AUC ≤ 0.55 good, 0.55–0.65 check, > 0.65 concern", good: 0.55, concern: 0.65)
    static let exactCopies = atMost("exact copies: 0 good, any concern", good: 0, concern: 0)
    static let parityChange = atMost("largest |demographic parity difference, synthetic − real| ≤ 0.05 good, 0.05–0.10 check, > 0.10 concern; any erased group concern",
                                     good: 0.05, concern: 0.10)
    static let logRank = atLeast("log-rank p ≥ 0.05 good (no evidence the curves differ), 0.01–0.05 check, < 0.01 concern", good: 0.05, concern: 0.01)
    static let curveGap = atMost("largest gap between the curves ≤ 0.10 good, 0.10–0.20 check, > 0.20 concern", good: 0.10, concern: 0.20)

    /// k-anonymity against the evaluation's own k threshold, stored at `path`.
    static func kAnonymity(threshold k: Int, at path: JSONPath) -> Threshold {
        Threshold(markup: "k-anonymity k ≥ \(Markup.number(k, at: path)) good, below check") { $0 >= Double(k) ? .good : .check }
    }
}

/// What `Evaluator` computes. Every family runs by default; a family whose inputs are missing
/// (no holdout, no target, no survival columns) is reported as skipped with the reason.
public struct EvaluationOptions: Sendable, Equatable {
    /// The families to run; the others are reported as switched off.
    public var families: Set<Evaluation.Family> = Set(Evaluation.Family.allCases)
    /// The column a model predicts (utility), whose outcome rate is compared across groups
    /// (fairness) and that an attacker tries to infer (CAP, l-diversity, DiSCO).
    public var target: String?
    /// Categorical columns across whose groups fairness and subgroup fidelity are measured.
    public var sensitive: [String] = []
    /// Columns an attacker may know about a real person (k-anonymity, CAP, repU/DiSCO).
    public var quasiIdentifiers: [String] = []
    /// Survival time and event columns; `eventLabels` are the values of a categorical event
    /// column that mean the event happened (a numerical event column must hold 0/1).
    public var survival: SurvivalColumns?
    /// A column whose groups get their own Kaplan–Meier comparison.
    public var group: String?
    /// Seeds every random step (cross-validation folds, forests, the DCR random baseline, MMD rows).
    public var seed: UInt64 = 0
    /// Equivalence classes smaller than this count as re-identifiable (k-anonymity).
    public var kThreshold = 5
    /// Work is spread over this many threads (default `Parallel.threadCount`); results do not
    /// depend on it.
    public var threads: Int?

    public struct SurvivalColumns: Sendable, Equatable {
        public var time: String
        public var event: String
        public var eventLabels: Set<String>

        /// A numerical or 0/1 event column: 1 (or true) is the event.
        public static let defaultEventLabels: Set<String> = ["1", "true"]

        public init(time: String, event: String, eventLabels: Set<String> = defaultEventLabels) {
            self.time = time
            self.event = event
            self.eventLabels = eventLabels
        }
    }

    public init() {}
}

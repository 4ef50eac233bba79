/// Everything `raresynth evaluate` measured about one synthetic table: the machine-readable
/// record behind the HTML report, one section per metric family.
///
/// Each section is `nil` when its family did not run; ``families`` says why, and ``issues`` lists
/// every single figure that could not be computed and the reason, so no number is ever silently
/// missing. Only numbers that depend on the data and the options are stored (no timings, no
/// dates), so the same inputs, options and seed encode to the same bytes.
public struct Evaluation: Sendable, Equatable, Codable {
    /// Names and versions the layout of this record.
    public var specification = "RareSynth evaluation 1"
    public var inputs: Inputs
    public var settings: Settings
    /// One entry per family, in report order, whether it ran or not.
    public var families: [FamilyStatus]
    /// Figures that could not be computed, and why, in the order they were met.
    public var issues: [Issue]
    public var fidelity: FidelitySection?
    public var utility: TrainSyntheticTestReal?
    public var privacy: PrivacySection?
    public var fairness: FairnessSection?
    public var survival: SurvivalComparison?
    /// Family or metric → the definition its figures follow (reference tool and version).
    public var metricSpecifications: [String: String]

    /// The metric families, in report order.
    public enum Family: String, Sendable, Hashable, Codable, CaseIterable {
        case fidelity, utility, privacy, fairness, survival
    }

    /// What was read and which columns were scored.
    public struct Inputs: Sendable, Equatable, Codable {
        public var realRows: Int
        public var syntheticRows: Int
        public var holdoutRows: Int?
        /// Columns scored on both sides, in schema order, with their kind.
        public var columns: [ScoredColumn]
        /// Identifier and PII columns: never scored, never compared (they are regenerated).
        public var identifierColumns: [String]
        /// Columns present only in the synthetic table (ignored).
        public var extraSyntheticColumns: [String]
    }

    public struct ScoredColumn: Sendable, Equatable, Codable {
        public var name: String
        public var kind: MetricColumnKind
        /// Share of missing cells in the real and the synthetic column.
        public var realMissing: Double
        public var syntheticMissing: Double
    }

    /// The options that shape the figures (a reader needs them to compare two reports).
    public struct Settings: Sendable, Equatable, Codable {
        public var target: String?
        public var sensitive: [String]
        public var quasiIdentifiers: [String]
        public var survivalTime: String?
        public var survivalEvent: String?
        public var eventLabels: [String]?
        public var group: String?
        public var seed: UInt64
        public var requestedFamilies: [Family]
    }

    /// Whether a family ran, on how many rows, and why not.
    public struct FamilyStatus: Sendable, Equatable, Codable {
        public enum State: String, Sendable, Codable {
            /// Every metric of the family was computed.
            case complete
            /// It ran, but some metrics could not be computed (see ``Evaluation/issues``).
            case partial
            /// It did not run: switched off, or its inputs are missing or unusable.
            case skipped
        }
        /// Why a family was skipped.
        public enum Cause: String, Sendable, Codable {
            /// The user switched it off.
            case switchedOff
            /// An option it needs was not given (no --target, no --holdout, …).
            case notRequested
            /// The data made it impossible (no rows, an unusable column, a single class, …).
            case unusableInput
        }
        public var family: Family
        public var state: State
        public var cause: Cause?
        public var realRows: Int?
        public var syntheticRows: Int?
        public var holdoutRows: Int?
        /// For a skipped family, why; for a partial one, a summary.
        public var reason: String?
    }

    /// One figure that could not be computed.
    public struct Issue: Sendable, Equatable, Codable {
        public var family: Family?
        /// The metric, or `nil` for a whole-input problem.
        public var metric: String?
        /// The column or columns concerned, when there are.
        public var columns: [String]
        public var reason: String

        public init(family: Family?, metric: String?, columns: [String] = [], reason: String) {
            self.family = family
            self.metric = metric
            self.columns = columns
            self.reason = reason
        }
    }

    /// Whether the inputs, rather than the options, kept a requested figure from being computed:
    /// a family skipped for unusable input, or a column that could not be read on one side (an
    /// empty column is reported but is not counted here: it has nothing to compute).
    public var hasInputProblems: Bool {
        families.contains { $0.cause == .unusableInput } || issues.contains { $0.family == nil && $0.metric == nil }
    }

    /// The status of one family.
    public func status(of family: Family) -> FamilyStatus? { families.first { $0.family == family } }
}

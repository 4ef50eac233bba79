/// The provenance record of a synthetic table or an evaluation: written as `NAME.provenance.json`
/// beside every synthetic output and embedded in every report.
///
/// It answers the questions an ethics board or a collaborator asks before trusting released
/// data: made from which file (SHA-256, row and column counts, never content), with which schema,
/// by which synthesizer with which parameters and seed, by which build of RareSynth, scored by
/// which metric definitions, when, and how much differential-privacy budget was spent. Encoded
/// with sorted keys, so the same inputs, options, seed and `SOURCE_DATE_EPOCH` give the same bytes.
public struct Provenance: Sendable, Equatable, Codable {
    /// One file read or written, identified by content.
    public struct FileRecord: Sendable, Equatable, Codable {
        /// What the file was to the job: `real`, `synthetic`, `holdout`, `schema`, `model`, `conditions`.
        public var role: String
        /// The path as given on the command line.
        public var path: String
        public var sha256: String
        public var bytes: Int
        public var rows: Int?
        public var columns: Int?

        public init(role: String, path: String, sha256: String, bytes: Int, rows: Int? = nil, columns: Int? = nil) {
            self.role = role
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
            self.rows = rows
            self.columns = columns
        }
    }

    /// The program that wrote the record.
    public struct Software: Sendable, Equatable, Codable {
        public var name = "RareSynth"
        public var version = BuildInfo.version
        /// `nil` when the executable was not built inside a git checkout.
        public var commit: String? = BuildInfo.commit

        public init() {}
    }

    /// The generator and every parameter it was run with (defaults included, so a reader never
    /// has to know what the defaults were in that version).
    public struct Synthesizer: Sendable, Equatable, Codable {
        public var name: String
        public var parameters: JSONValue

        public init(name: String, parameters: JSONValue) {
            self.name = name
            self.parameters = parameters
        }
    }

    /// Differential-privacy budget spent, or a statement that none was claimed.
    public struct PrivacyBudget: Sendable, Equatable, Codable {
        /// `false`: the synthesizer gives no formal guarantee; ε and δ are then `nil`.
        public var differentiallyPrivate: Bool
        public var epsilon: Double?
        public var delta: Double?
        /// The accountant that computed ε (e.g. `RDP`), when there is one.
        public var accountant: String?
        public var note: String?

        public init(differentiallyPrivate: Bool, epsilon: Double? = nil, delta: Double? = nil,
                    accountant: String? = nil, note: String? = nil) {
            self.differentiallyPrivate = differentiallyPrivate
            self.epsilon = epsilon
            self.delta = delta
            self.accountant = accountant
            self.note = note
        }

        /// For synthesizers with no formal guarantee: privacy is then only what the evaluation's
        /// privacy metrics measured.
        public static let notDifferentiallyPrivate = PrivacyBudget(
            differentiallyPrivate: false,
            note: "no differential-privacy guarantee; see the privacy metrics of the evaluation for measured risk")
    }

    /// Names and versions the format of this record.
    public var specification = "RareSynth provenance 1"
    /// `synthesize`, `sample`, `evaluate`, … : the job that wrote the record.
    public var job: String
    /// ISO 8601 UTC (see ``CreationDate``).
    public var created: String
    public var software: Software
    public var inputs: [FileRecord]
    public var outputs: [FileRecord]
    /// The schema the job used (the editable JSON document).
    public var schema: JSONValue?
    public var synthesizer: Synthesizer?
    public var seed: UInt64?
    /// Metric family → the specification its figures follow (e.g. SDMetrics 0.32 QualityReport).
    public var metricSpecifications: [String: String]
    public var privacyBudget: PrivacyBudget?

    public init(job: String, created: String = CreationDate.now(), software: Software = Software(),
                inputs: [FileRecord], outputs: [FileRecord] = [], schema: JSONValue? = nil,
                synthesizer: Synthesizer? = nil, seed: UInt64? = nil, metricSpecifications: [String: String] = [:],
                privacyBudget: PrivacyBudget? = nil) {
        self.job = job
        self.created = created
        self.software = software
        self.inputs = inputs
        self.outputs = outputs
        self.schema = schema
        self.synthesizer = synthesizer
        self.seed = seed
        self.metricSpecifications = metricSpecifications
        self.privacyBudget = privacyBudget
    }
}

import RareSynthSchema

/// The figures collected so far and the bookkeeping of what could not be computed; one family
/// runner per extension file.
struct EvaluationState {
    let real: [MetricColumn]
    let synthetic: [MetricColumn]
    let holdout: [MetricColumn]?
    let options: EvaluationOptions
    let schema: Schema
    let inputs: Evaluation.Inputs
    var settings: Evaluation.Settings
    var families: [Evaluation.FamilyStatus] = []
    var issues: [Evaluation.Issue]
    var fidelity: FidelitySection?
    var utility: TrainSyntheticTestReal?
    var privacy: PrivacySection?
    var fairness: FairnessSection?
    var survival: SurvivalComparison?
    var syntheticDCR: [Double]?
    var holdoutDCR: [Double]?

    init(decoded: EvaluationInputs, options: EvaluationOptions, schema: Schema) {
        real = decoded.real
        synthetic = decoded.synthetic
        holdout = decoded.holdout
        inputs = decoded.inputs
        issues = decoded.issues
        self.options = options
        self.schema = schema
        settings = .init(target: options.target, sensitive: options.sensitive, quasiIdentifiers: options.quasiIdentifiers,
                         survivalTime: options.survival?.time, survivalEvent: options.survival?.event,
                         eventLabels: options.survival.map { $0.eventLabels.sorted() }, group: options.group,
                         seed: options.seed,
                         requestedFamilies: Evaluation.Family.allCases.filter { options.families.contains($0) })
    }

    /// Why no family can run at all, or `nil`.
    var emptyInputReason: String? {
        if inputs.realRows == 0 { return "the real table has no rows" }
        if inputs.syntheticRows == 0 { return "the synthetic table has no rows" }
        if real.isEmpty { return "no column could be scored (see the issues)" }
        return nil
    }

    func column(_ name: String, in table: [MetricColumn]) -> MetricColumn? { table.first { $0.name == name } }

    /// Notes named columns that are not scored columns (a typo, an identifier, a column left out).
    mutating func checkSettings() {
        var named: [(String, String)] = []
        if let t = options.target { named.append(("--target", t)) }
        named += options.sensitive.map { ("--sensitive", $0) }
        named += options.quasiIdentifiers.map { ("--quasi-identifiers", $0) }
        if let s = options.survival { named += [("--survival", s.time), ("--survival", s.event)] }
        if let g = options.group { named.append(("--group", g)) }
        for (option, name) in named where column(name, in: real) == nil {
            let why = schema[name] == nil ? "there is no such column"
                : (schema[name]!.isModelled ? "it could not be scored (see the issues above)" : "it is an identifier or PII column")
            issues.append(.init(family: nil, metric: option, columns: [name], reason: "\(option) \(name): \(why)"))
        }
    }

    mutating func issue(_ family: Evaluation.Family, _ metric: String, _ columns: [String] = [], _ reason: String) {
        issues.append(.init(family: family, metric: metric, columns: columns, reason: reason))
    }

    mutating func skip(_ family: Evaluation.Family, _ cause: Evaluation.FamilyStatus.Cause, _ reason: String) {
        families.append(.init(family: family, state: .skipped, cause: cause, reason: reason))
    }

    /// Marks `family` complete, or partial when it added issues since `issueCount`.
    mutating func finish(_ family: Evaluation.Family, issuesBefore issueCount: Int, holdoutRows: Int? = nil) {
        let added = issues.count - issueCount
        families.append(.init(family: family, state: added == 0 ? .complete : .partial,
                              realRows: inputs.realRows, syntheticRows: inputs.syntheticRows, holdoutRows: holdoutRows,
                              reason: added == 0 ? nil : "\(added) figure\(added == 1 ? "" : "s") could not be computed (see the issues)"))
    }

    /// Runs `body`, turning a thrown error into an issue of `family`/`metric`.
    mutating func attempt<T>(_ family: Evaluation.Family, _ metric: String, columns: [String] = [],
                             _ body: () throws -> T) -> T? {
        do { return try body() } catch {
            issue(family, metric, columns, "\(error)")
            return nil
        }
    }
}

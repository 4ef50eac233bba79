import ArgumentParser
import RareSynth

/// What the evaluation measures, shared by `evaluate` and `synthesize`.
struct EvaluationArguments: ParsableArguments {
    @Option(help: "Real rows the generator never saw (for utility, DCROverfittingProtection and membership inference).")
    var holdout: String?

    @Option(help: "The outcome column: predicted for utility, compared across groups, and what an attacker infers.")
    var target: String?

    @Option(parsing: .upToNextOption, help: "Categorical columns whose groups fairness compares.")
    var sensitive: [String] = []

    @Option(help: ArgumentHelp("Columns an attacker may know, comma-separated.", valueName: "COL,COL"))
    var quasiIdentifiers: String?

    @Option(help: ArgumentHelp("Survival time and event columns; after '=', the event values (default 1/true), e.g. time,status=2.",
                               valueName: "TIME,EVENT[=V|V]"))
    var survival: String?

    @Option(help: "A column whose groups get their own survival curves.")
    var group: String?

    @Option(help: ArgumentHelp("Families to leave out, comma-separated: fidelity, utility, privacy, fairness, survival.",
                               valueName: "LIST"))
    var skip: String?

    func evaluationOptions() throws -> EvaluationOptions {
        var options = EvaluationOptions()
        options.target = target
        options.sensitive = sensitive
        options.quasiIdentifiers = quasiIdentifiers.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        options.group = group
        if let survival { options.survival = try Self.parseSurvival(survival) }
        if let skip {
            for name in skip.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let family = Evaluation.Family(rawValue: name) else {
                    throw ValidationError("--skip: '\(name)' is not a family; expected fidelity, utility, privacy, fairness or survival")
                }
                options.families.remove(family)
            }
        }
        return options
    }

    static func parseSurvival(_ text: String) throws -> EvaluationOptions.SurvivalColumns {
        let (columns, labels) = text.firstIndex(of: "=").map { (text[..<$0], Optional(text[text.index(after: $0)...])) } ?? (text[...], nil)
        let parts = columns.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("--survival expects TIME,EVENT (e.g. time,status or time,status=2), not '\(text)'")
        }
        var out = EvaluationOptions.SurvivalColumns(time: parts[0], event: parts[1])
        if let labels {
            let set = Set(labels.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            guard !set.isEmpty else { throw ValidationError("--survival: no event value after '=' in '\(text)'") }
            out.eventLabels = set
        }
        return out
    }

    func validate() throws {
        _ = try evaluationOptions()
    }
}

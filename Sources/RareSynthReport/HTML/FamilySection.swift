import RareSynthEvaluate

/// What the page says about one metric family wherever it names it: its title, whether it ran,
/// on how many rows, and why not.
enum FamilySection {
    static func title(_ family: Evaluation.Family) -> String {
        switch family {
        case .fidelity: "Fidelity"
        case .utility: "Utility"
        case .privacy: "Privacy"
        case .fairness: "Fairness"
        case .survival: "Survival"
        }
    }

    /// The question the family answers, for a reader who has not met the term.
    static func question(_ family: Evaluation.Family) -> String {
        switch family {
        case .fidelity: "Do the synthetic rows look like the real ones, column by column and in how columns go together?"
        case .utility: "Does a model trained on the synthetic rows predict real patients as well as one trained on the real rows?"
        case .privacy: "How close do the synthetic rows come to individual real patients?"
        case .fairness: "Are the groups of each sensitive attribute, and their outcome rates, reproduced?"
        case .survival: "Do the synthetic data tell the same survival story as the real data?"
        }
    }

    /// The family's entry in ``Evaluation/families`` and its path.
    static func status(_ family: Evaluation.Family, in report: EvaluationReport) -> (Evaluation.FamilyStatus, JSONPath)? {
        guard let i = report.evaluation.families.firstIndex(where: { $0.family == family }) else { return nil }
        return (report.evaluation.families[i], JSONPath.evaluation["families"][i])
    }

    /// "complete · 90 real, 90 synthetic, 38 holdout rows", or "skipped: reason".
    static func statusLine(_ family: Evaluation.Family, in report: EvaluationReport) -> Markup {
        guard let (s, path) = status(family, in: report) else { return "not requested" }
        var parts: [Markup] = []
        if let n = s.realRows { parts.append("\(Markup.number(n, at: path["realRows"])) real") }
        if let n = s.syntheticRows { parts.append("\(Markup.number(n, at: path["syntheticRows"])) synthetic") }
        if let n = s.holdoutRows { parts.append("\(Markup.number(n, at: path["holdoutRows"])) holdout") }
        var out: Markup = "<strong>\(s.state.rawValue)</strong>"
        if !parts.isEmpty { out += " · \(parts.joined(separator: ", ")) rows" }
        if let reason = s.reason { out += s.state == .skipped ? ": \(reason)" : " · \(reason)" }
        return out
    }

    /// The section of one family: heading, its question and status, then `body` (not called when
    /// the family was skipped or has no figures).
    static func render(_ family: Evaluation.Family, in report: EvaluationReport, hasFigures: Bool, body: () -> Markup) -> Markup {
        var out: Markup = "<section id=\"\(family.rawValue)\" class=\"family\" data-family=\"\(family.rawValue)\">"
        out += "<h2>\(title(family))</h2><p class=\"muted\">\(question(family))</p>"
        out += "<p class=\"status\">Status: \(statusLine(family, in: report))</p>"
        if hasFigures { out += body() }
        return out + "</section>"
    }
}

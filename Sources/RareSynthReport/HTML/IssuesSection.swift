import RareSynthEvaluate

/// "What could not be computed": every skipped family with its reason, then every figure the
/// evaluation could not compute, with the family, metric, columns and reason — so no number is
/// missing from the page without the page saying why.
enum IssuesSection {
    static func render(_ report: EvaluationReport) -> Markup {
        let e = report.evaluation
        var out: Markup = "<section id=\"issues\"><h2>What could not be computed</h2>"
        let skipped = e.families.filter { $0.state == .skipped }
        if skipped.isEmpty && e.issues.isEmpty {
            return out + "<p>Every requested figure was computed.</p></section>"
        }
        if !skipped.isEmpty {
            out += "<h3>Families skipped</h3><ul class=\"issues\">"
            for s in skipped { out += "<li><strong>\(FamilySection.title(s.family))</strong>: \(s.reason ?? "no reason given")</li>" }
            out += "</ul>"
        }
        if !e.issues.isEmpty {
            var t = HTMLTable(["Family", "Metric", "Columns", "Reason"], caption: "Figures not computed")
            for issue in e.issues {
                t.row(["\(issue.family.map(FamilySection.title) ?? "all (input)")", "\(issue.metric ?? "–")",
                       issue.columns.isEmpty ? "–" : issue.columns.map { "<code>\($0)</code>" as Markup }.joined(separator: ", "),
                       "\(issue.reason)"], class: "issue")
            }
            out += t.markup
        }
        return out + "</section>"
    }
}

import RareSynthEvaluate

/// The top of the page: the title, what was compared (rows of each table, the scored columns, the
/// identifier columns left out), which families ran and why any did not, and the options that
/// shape the figures.
enum SummarySection {
    static func render(_ report: EvaluationReport) -> Markup {
        let e = report.evaluation, inputs = e.inputs
        let p = JSONPath.evaluation["inputs"]
        var out: Markup = "<header><h1>Synthetic data evaluation report</h1>"
        out += "<nav class=\"toc\">Contents: <a href=\"#headlines\">Headlines</a>"
        for f in Evaluation.Family.allCases { out += "<a href=\"#\(f.rawValue)\">\(FamilySection.title(f))</a>" }
        out += "<a href=\"#issues\">Not computed</a><a href=\"#provenance\">Provenance</a></nav></header>"

        out += "<section id=\"summary\"><h2>What was compared</h2><p class=\"lead\">"
        out += "A synthetic table of \(Markup.number(inputs.syntheticRows, at: p["syntheticRows"])) rows was compared with the real table it was made from "
        out += "(\(Markup.number(inputs.realRows, at: p["realRows"])) rows)"
        if let h = inputs.holdoutRows {
            out += " and with \(Markup.number(h, at: p["holdoutRows"])) real rows the generator never saw (the holdout)"
        } else {
            out += "; no holdout rows (real rows the generator never saw) were given"
        }
        out += ". \(Markup.derived(Double(inputs.columns.count), .count, how: "the number of scored columns listed below")) columns were scored: "
        out += inputs.columns.map { "<code>\($0.name)</code>" }.joined(separator: ", ") + "."
        if !inputs.identifierColumns.isEmpty {
            out += " Identifier and personal-data columns are left out of every comparison (they are regenerated, never learned): "
            out += inputs.identifierColumns.map { "<code>\($0)</code>" }.joined(separator: ", ") + "."
        }
        if !inputs.extraSyntheticColumns.isEmpty {
            out += " Columns found only in the synthetic table were ignored: "
            out += inputs.extraSyntheticColumns.map { "<code>\($0)</code>" }.joined(separator: ", ") + "."
        }
        out += "</p>"
        out += families(report)
        out += settings(report)
        return out + "</section>"
    }

    /// Every family, whether it ran, on how many rows, and why not.
    static func families(_ report: EvaluationReport) -> Markup {
        var table = HTMLTable(["Family", "State", "Real rows", "Synthetic rows", "Holdout rows", "Reason or note"], numeric: [2, 3, 4],
                              caption: "Families run")
        for (i, s) in report.evaluation.families.enumerated() {
            let p = JSONPath.evaluation["families"][i]
            table.row(["<a href=\"#\(s.family.rawValue)\">\(FamilySection.title(s.family))</a>", "\(s.state.rawValue)",
                       s.realRows.map { .number($0, at: p["realRows"]) } ?? "–",
                       s.syntheticRows.map { .number($0, at: p["syntheticRows"]) } ?? "–",
                       s.holdoutRows.map { .number($0, at: p["holdoutRows"]) } ?? "–",
                       "\(s.reason ?? "")"],
                      class: s.state == .skipped ? "skipped" : nil)
        }
        return table.markup
    }

    static func settings(_ report: EvaluationReport) -> Markup {
        let s = report.evaluation.settings
        let p = JSONPath.evaluation["settings"]
        func names(_ list: [String]) -> Markup {
            list.isEmpty ? "none" : list.map { "<code>\($0)</code>" }.joined(separator: ", ")
        }
        var out: Markup = "<h3>Settings</h3><dl class=\"facts\">"
        out += "<dt>Target (predicted, outcome)</dt><dd>\(s.target.map { names([$0]) } ?? "none")</dd>"
        out += "<dt>Sensitive attributes</dt><dd>\(names(s.sensitive))</dd>"
        out += "<dt>Quasi-identifiers</dt><dd>\(names(s.quasiIdentifiers))</dd>"
        if let t = s.survivalTime, let ev = s.survivalEvent {
            out += "<dt>Survival</dt><dd>time \(names([t])), event \(names([ev]))"
            if let labels = s.eventLabels { out += " (event when \(names(labels)))" }
            out += "</dd>"
        } else {
            out += "<dt>Survival</dt><dd>none</dd>"
        }
        out += "<dt>Survival groups</dt><dd>\(s.group.map { names([$0]) } ?? "none")</dd>"
        out += "<dt>Seed</dt><dd>\(Markup.number(s.seed, at: p["seed"]))</dd>"
        out += "<dt>Families requested</dt><dd>\(s.requestedFamilies.map { Markup(text: FamilySection.title($0)) }.joined(separator: ", "))</dd>"
        return out + "</dl>"
    }
}

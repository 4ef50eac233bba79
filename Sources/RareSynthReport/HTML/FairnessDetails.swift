import RareSynthEvaluate

/// The fairness section, per sensitive attribute: the outcome rate of each group in the real and
/// synthetic data, the group-fairness differences of the data and of the models, and the fidelity
/// of each group's rows, with groups the generator erased highlighted.
enum FairnessDetails {
    static func render(_ report: EvaluationReport) -> Markup {
        FamilySection.render(.fairness, in: report, hasFigures: report.evaluation.fairness != nil) {
            let f = report.evaluation.fairness!
            guard !f.attributes.isEmpty else { return "<p>No sensitive attribute could be compared (see “What could not be computed”).</p>" }
            return f.attributes.enumerated().map { attribute($1, at: JSONPath.evaluation["fairness"]["attributes"][$0]) }.joined()
        }
    }

    static func attribute(_ a: FairnessSection.Attribute, at p: JSONPath) -> Markup {
        var out: Markup = "<h3>Groups of <code>\(a.attribute)</code></h3>"
        if let outcome = a.outcome, let positive = a.positiveClass {
            out += "<p>Outcome: <code>\(outcome)</code> = <code>\(positive)</code>.</p>"
        }
        out += outcomeRates(a, at: p) + differences(a, at: p) + subgroups(a, at: p)
        if !a.notes.isEmpty {
            out += "<ul class=\"notes\">\(a.notes.map { "<li>\($0)</li>" as Markup }.joined())</ul>"
        }
        return out
    }

    /// The outcome rate of every group, real beside synthetic (groups in label order, a group
    /// only one side has shown with "–" on the other).
    static func outcomeRates(_ a: FairnessSection.Attribute, at p: JSONPath) -> Markup {
        guard a.realData != nil || a.syntheticData != nil else { return .empty }
        let real = a.realData?.groups ?? [], synthetic = a.syntheticData?.groups ?? []
        let labels = Set(real.map(\.group)).union(synthetic.map(\.group)).sorted()
        var t = HTMLTable(["Group", "Real rows", "Real outcome rate", "Synthetic rows", "Synthetic outcome rate"], numeric: [1, 2, 3, 4],
                          caption: "Outcome rate per group")
        for label in labels {
            var cells: [Markup] = ["<code>\(label)</code>"]
            for (groups, key) in [(real, "realData"), (synthetic, "syntheticData")] {
                if let i = groups.firstIndex(where: { $0.group == label }) {
                    let gp = p[key]["groups"][i]
                    cells += [.number(groups[i].rows, at: gp["rows"]), .number(groups[i].selectionRate, at: gp["selectionRate"], .score)]
                } else {
                    cells += ["–", "–"]
                }
            }
            t.row(cells)
        }
        return t.markup
    }

    /// Demographic parity and disparate impact of the data; the same plus equal opportunity and
    /// equalized odds of every model's predictions.
    static func differences(_ a: FairnessSection.Attribute, at p: JSONPath) -> Markup {
        let notes = a.models.contains { $0.note != nil }
        var t = HTMLTable(["Rates of", "Demographic parity difference", "Disparate impact ratio", "Equal opportunity difference", "Equalized odds difference"]
                          + (notes ? ["Note"] : []), numeric: [1, 2, 3, 4], caption: "Group fairness")
        for (key, label) in [("realData", "Real data"), ("syntheticData", "Synthetic data")] {
            guard let g = key == "realData" ? a.realData : a.syntheticData else { continue }
            let gp = p[key]
            t.row(["\(label)", .number(g.demographicParityDifference, at: gp["demographicParityDifference"], .score),
                   .number(g.disparateImpactRatio, at: gp["disparateImpactRatio"], .score, missing: "no group has the outcome"),
                   "–", "–"] + (notes ? [""] : []))
        }
        for (i, m) in a.models.enumerated() {
            let mp = p["models"][i]
            let label: Markup = "\(UtilityDetails.modelName(m.model)), trained on \(m.trainedOn)"
            guard let g = m.result else {
                t.row([label, .notAvailable(m.note), .notAvailable(m.note), .notAvailable(m.note), .notAvailable(m.note)] + (notes ? ["\(m.note ?? "")"] : []))
                continue
            }
            let gp = mp["result"]
            t.row([label, .number(g.demographicParityDifference, at: gp["demographicParityDifference"], .score),
                   .number(g.disparateImpactRatio, at: gp["disparateImpactRatio"], .score, missing: "no group is predicted positive"),
                   .number(g.equalOpportunityDifference, at: gp["equalOpportunityDifference"], .score),
                   .number(g.equalizedOddsDifference, at: gp["equalizedOddsDifference"], .score)] + (notes ? ["\(m.note ?? "")"] : []))
        }
        guard !t.isEmpty else { return .empty }
        return t.markup + "<p class=\"note\">Rows: the outcome itself in the real and the synthetic data, then each model's predictions on the real holdout rows. Differences: largest minus smallest group rate (0 = equal); equal opportunity and equalized odds compare predictions with the truth, so they apply to models only. Disparate impact: smallest ÷ largest selection rate (1 = equal; below 0.8 fails the “80% rule”). The synthetic data should show the same differences as the real data: a generator that narrows or widens them changes what a model learns.</p>"
    }

    /// The rows of every group and how faithfully they are reproduced; a group with real rows and
    /// no synthetic row is marked erased.
    static func subgroups(_ a: FairnessSection.Attribute, at p: JSONPath) -> Markup {
        guard !a.subgroups.isEmpty else { return .empty }
        var t = HTMLTable(["Group", "Real rows", "Synthetic rows", "Real share", "Synthetic share", "Column Shapes", "Note"], numeric: [1, 2, 3, 4, 5],
                          caption: "Fidelity per group")
        for (i, g) in a.subgroups.enumerated() {
            let gp = p["subgroups"][i]
            let erased = g.realRows > 0 && g.syntheticRows == 0
            var note: Markup = "\(g.note ?? "")"
            if erased { note = "<strong>erased</strong>: \(note)" }
            t.row([g.group.map { "<code>\($0)</code>" } ?? "(missing)", .number(g.realRows, at: gp["realRows"]), .number(g.syntheticRows, at: gp["syntheticRows"]),
                   .number(g.realShare, at: gp["realShare"], .percent), .number(g.syntheticShare, at: gp["syntheticShare"], .percent),
                   .number(g.columnShapes, at: gp["columnShapes"], .score, missing: g.note), note],
                  class: erased ? "erased" : nil)
        }
        return t.markup
    }
}

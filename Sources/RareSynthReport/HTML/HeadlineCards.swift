import RareSynthEvaluate

/// The "Headlines" grid: one card per family with its state, the key figures each with a
/// verdict, one plain-language sentence of what they mean, and the thresholds they were read
/// against. The card's verdict is the worst of its figures'.
enum HeadlineCards {
    /// One figure of a card.
    struct Key {
        var label: Markup
        var value: Markup
        var verdict: Verdict?
    }

    /// One card.
    struct Card {
        var family: Evaluation.Family
        var keys: [Key] = []
        var sentence: Markup = .empty
        var thresholds: [Markup] = []
        /// Verdicts that have no figure of their own (an erased subgroup).
        var extraVerdicts: [Verdict] = []

        var verdict: Verdict { Verdict.worst(keys.compactMap(\.verdict) + extraVerdicts) }
    }

    static func render(_ report: EvaluationReport) -> Markup {
        let cards = [fidelity(report), utility(report), privacy(report), fairness(report), survival(report)]
        var out: Markup = "<section id=\"headlines\"><h2>Headlines</h2>"
        out += "<p class=\"muted\">One card per family of measures. Each verdict word reads one figure against the threshold printed below it; the card shows the worst. Details follow in the sections below.</p>"
        out += "<div class=\"cards\">"
        for card in cards { out += markup(card, report: report) }
        return out + "</div></section>"
    }

    static func markup(_ card: Card, report: EvaluationReport) -> Markup {
        let state = FamilySection.status(card.family, in: report)?.0
        let skipped = state == nil || state?.state == .skipped
        let verdict: Verdict = skipped ? .notAssessed : card.verdict
        var out: Markup = "<article class=\"card \(verdict.cssClass)\" data-family=\"\(card.family.rawValue)\">"
        out += "<h3><a href=\"#\(card.family.rawValue)\">\(FamilySection.title(card.family))</a> \(verdict.markup)</h3>"
        out += "<div class=\"state\">\(FamilySection.statusLine(card.family, in: report))</div>"
        if !skipped {
            if !card.keys.isEmpty {
                out += "<ul class=\"keys\">"
                for k in card.keys {
                    out += "<li><span class=\"label\">\(k.label)</span><span class=\"figure\">\(k.value)\(k.verdict.map { " " + $0.markup } ?? .empty)</span></li>"
                }
                out += "</ul>"
            }
            out += "<p class=\"sentence\">\(card.sentence)</p>"
            if !card.thresholds.isEmpty {
                out += "<p class=\"threshold\">Thresholds: \(card.thresholds.joined(separator: "; ")).</p>"
            }
        }
        return out + "</article>"
    }

    // MARK: - Fidelity

    static func fidelity(_ report: EvaluationReport) -> Card {
        var card = Card(family: .fidelity, thresholds: [Threshold.quality.markup, Threshold.detection.markup])
        guard let f = report.evaluation.fidelity else { return card }
        let p = JSONPath.evaluation["fidelity"]
        let overall = f.quality?.overall
        card.keys.append(Key(label: "Quality score (SDMetrics)",
                             value: .number(overall, at: p["quality"]["overall"], .score, missing: "the Quality report could not be computed"),
                             verdict: Threshold.quality.verdict(overall)))
        card.keys.append(Key(label: "Detection AUC (real vs synthetic)",
                             value: .number(f.detection?.auc, at: p["detection"]["auc"], .score, missing: "the detection model could not be fitted"),
                             verdict: Threshold.detection.verdict(f.detection?.auc)))
        if let d = f.diagnostic?.overall {
            card.keys.append(Key(label: "Diagnostic score (validity, structure)", value: .number(d, at: p["diagnostic"]["overall"], .score)))
        }
        if let overall {
            card.sentence = "Column distributions and pairwise trends of the synthetic data match the real data at \(Markup.number(overall, at: p["quality"]["overall"], .percent)) (SDMetrics Quality score)."
        } else {
            card.sentence = "The SDMetrics Quality score could not be computed (see “What could not be computed”)."
        }
        if let d = f.detection {
            let reading = d.auc <= 0.60 ? "hard to tell apart" : (d.auc >= 0.80 ? "easy to tell apart" : "somewhat distinguishable")
            card.sentence += " A classifier trained to tell real rows from synthetic ones reaches an AUC of \(Markup.number(d.auc, at: p["detection"]["auc"], .score)) (0.5 means it cannot tell them apart): the tables are \(reading)."
        }
        return card
    }

    // MARK: - Utility

    /// The random forest's primary metric (macro F1 or R²) trained on real and on synthetic rows,
    /// falling back to the linear model when the forest has no score.
    static func primaryScores(_ u: TrainSyntheticTestReal) -> (name: String, key: String, model: String, real: Int?, synthetic: Int?) {
        let (name, key) = u.task == .classification ? ("macro F1", "f1Macro") : ("R²", "r2")
        func value(_ s: TrainSyntheticTestReal.Scores) -> Double? { u.task == .classification ? s.f1Macro : s.r2 }
        for model in ["random_forest", u.task == .classification ? "logistic_regression" : "linear_regression"] {
            let r = u.scores.firstIndex { $0.model == model && $0.trainedOn == "real" && value($0) != nil }
            let s = u.scores.firstIndex { $0.model == model && $0.trainedOn == "synthetic" && value($0) != nil }
            if r != nil || s != nil { return (name, key, model, r, s) }
        }
        return (name, key, "random_forest", nil, nil)
    }

    static func utility(_ report: EvaluationReport) -> Card {
        var card = Card(family: .utility, thresholds: [Threshold.utilityGap.markup + " (primary metric: macro F1 for a categorical target, R² for a numerical one)"])
        guard let u = report.evaluation.utility else { return card }
        let p = JSONPath.evaluation["utility"]
        let (name, key, model, r, s) = primaryScores(u)
        func value(_ i: Int?) -> Double? { i.map { u.task == .classification ? u.scores[$0].f1Macro : u.scores[$0].r2 } ?? nil }
        func span(_ i: Int?) -> Markup {
            guard let i else { return .notAvailable("no score: see “What could not be computed”") }
            return .number(value(i), at: p["scores"][i][key], .score)
        }
        let modelName = UtilityDetails.modelName(model)
        let gap: Double? = value(r).flatMap { rv in value(s).map { $0 - rv } }
        card.keys.append(Key(label: "\(modelName) trained on real: \(name)", value: span(r)))
        card.keys.append(Key(label: "\(modelName) trained on synthetic: \(name)", value: span(s)))
        card.keys.append(Key(label: "Gap (synthetic − real)",
                             value: .derived(gap, .score, how: "synthetic-trained minus real-trained \(name), both shown above"),
                             verdict: Threshold.utilityGap.verdict(gap.map { Swift.abs($0) })))
        card.sentence = "A \(modelName.lowercased()) trained on synthetic rows scores \(name) \(span(s)) on \(Markup.number(u.testRows, at: p["testRows"])) real patients it never saw (the holdout), against \(span(r)) when trained on the real rows."
        return card
    }

    // MARK: - Privacy

    static func privacy(_ report: EvaluationReport) -> Card {
        var card = Card(family: .privacy)
        guard let pr = report.evaluation.privacy else { return card }
        let p = JSONPath.evaluation["privacy"]
        if let d = pr.dcr {
            card.keys.append(Key(label: "Exact copies of a training row", value: .number(d.zero, at: p["dcr"]["zero"]),
                                 verdict: Threshold.exactCopies.verdict(Double(d.zero))))
            card.thresholds.append(Threshold.exactCopies.markup)
        }
        if let o = pr.dcrOverfittingProtection {
            // SDMetrics' formula assumes a holdout as large as the training rows; when it is not,
            // the balanced score (every table cut to the holdout's size) is the one to read.
            if let balanced = o.balancedScore {
                card.keys.append(Key(label: "Overfitting protection (DCR, tables cut to holdout size)",
                                     value: .number(balanced, at: p["dcrOverfittingProtection"]["balancedScore"], .score),
                                     verdict: Threshold.dcrOverfitting.verdict(balanced)))
            } else {
                card.keys.append(Key(label: "Overfitting protection (DCR)", value: .number(o.score, at: p["dcrOverfittingProtection"]["score"], .score),
                                     verdict: Threshold.dcrOverfitting.verdict(o.score)))
            }
            card.thresholds.append(Threshold.dcrOverfitting.markup)
        }
        if let n = pr.newRowSynthesis {
            card.keys.append(Key(label: "NewRowSynthesis (share of new rows)", value: .number(n.score, at: p["newRowSynthesis"]["score"], .score),
                                 verdict: Threshold.newRows.verdict(n.score)))
            card.thresholds.append(Threshold.newRows.markup)
        }
        if let m = pr.membershipInference {
            card.keys.append(Key(label: "Membership-inference AUC", value: .number(m.auc, at: p["membershipInference"]["auc"], .score),
                                 verdict: Threshold.membership.verdict(m.auc)))
            card.thresholds.append(Threshold.membership.markup)
        }
        if let k = pr.kAnonymity {
            let t = Threshold.kAnonymity(threshold: k.threshold, at: p["kAnonymity"]["threshold"])
            card.keys.append(Key(label: "k-anonymity of the synthetic rows (k)", value: .number(k.k, at: p["kAnonymity"]["k"]),
                                 verdict: t.verdict(Double(k.k))))
            card.thresholds.append(t.markup)
        }
        var sentence: Markup = ""
        if let d = pr.dcr {
            sentence += "\(Markup.number(d.zero, at: p["dcr"]["zero"])) of the \(Markup.number(d.rows, at: p["dcr"]["rows"])) synthetic rows are exact copies of a real training row on the scored columns"
            if let n = pr.newRowSynthesis {
                sentence += ", and \(Markup.number(n.score, at: p["newRowSynthesis"]["score"], .percent)) are new rows rather than near copies"
            }
            sentence += ". "
        }
        if let m = pr.membershipInference {
            sentence += "An attacker holding a patient's record and the synthetic data guesses whether that patient was in the training data with an AUC of \(Markup.number(m.auc, at: p["membershipInference"]["auc"], .score)) (0.5 is a coin toss). "
        }
        sentence += "These are risks measured on this data, not a guarantee."
        card.sentence = sentence
        return card
    }

    // MARK: - Fairness

    static func fairness(_ report: EvaluationReport) -> Card {
        var card = Card(family: .fairness, thresholds: [Threshold.parityChange.markup])
        guard let f = report.evaluation.fairness else { return card }
        let p = JSONPath.evaluation["fairness"]["attributes"]
        var worst: (index: Int, change: Double)?
        for (i, a) in f.attributes.enumerated() {
            guard let r = a.realData, let s = a.syntheticData else { continue }
            let change = Swift.abs(s.demographicParityDifference - r.demographicParityDifference)
            if worst.map({ change > $0.change }) ?? true { worst = (i, change) }
        }
        var erased: [(attribute: String, group: String?)] = []
        for a in f.attributes {
            for g in a.subgroups where g.realRows > 0 && g.syntheticRows == 0 { erased.append((a.attribute, g.group)) }
        }
        if let worst {
            let a = f.attributes[worst.index]
            card.keys.append(Key(label: "Largest change in demographic parity difference (\(a.attribute))",
                                 value: .derived(worst.change, .score, how: "|synthetic − real| demographic parity difference of \(a.attribute), the largest over the sensitive attributes"),
                                 verdict: Threshold.parityChange.verdict(worst.change)))
            let ap = p[worst.index]
            card.sentence = "Between the groups of <code>\(a.attribute)</code>, the rate of <code>\(a.outcome ?? "")</code> = \(a.positiveClass ?? "") differs by \(Markup.number(a.realData?.demographicParityDifference, at: ap["realData"]["demographicParityDifference"], .score)) in the real data and by \(Markup.number(a.syntheticData?.demographicParityDifference, at: ap["syntheticData"]["demographicParityDifference"], .score)) in the synthetic data. "
        } else {
            card.sentence = "No outcome rates could be compared across groups (see the fairness notes). "
        }
        card.keys.append(Key(label: "Groups erased (no synthetic row)",
                             value: .derived(Double(erased.count), .count, how: "subgroups with real rows but 0 synthetic rows, listed in the fairness section"),
                             verdict: erased.isEmpty ? .good : .concern))
        if erased.isEmpty {
            card.sentence += "Every group of every sensitive attribute appears in the synthetic data."
        } else {
            card.extraVerdicts.append(.concern)
            card.sentence += "Erased from the synthetic data: \(erased.map { "<code>\($0.attribute)</code> = \($0.group ?? "(missing)")" as Markup }.joined(separator: ", "))."
        }
        return card
    }

    // MARK: - Survival

    static func survival(_ report: EvaluationReport) -> Card {
        var card = Card(family: .survival, thresholds: [Threshold.logRank.markup, Threshold.curveGap.markup])
        guard let s = report.evaluation.survival else { return card }
        let p = JSONPath.evaluation["survival"]
        let t = s.tests.firstIndex { $0.group == nil }, g = s.gaps.firstIndex { $0.group == nil }
        let pValue = t.flatMap { s.tests[$0].pValue }
        card.keys.append(Key(label: "Log-rank p (real vs synthetic)",
                             value: t.map { .number(s.tests[$0].pValue, at: p["tests"][$0]["pValue"], .pValue, missing: "no degrees of freedom left") }
                                 ?? .notAvailable("the log-rank test could not be computed"),
                             verdict: Threshold.logRank.verdict(pValue)))
        card.keys.append(Key(label: "Largest gap between the curves",
                             value: g.map { .number(s.gaps[$0].maximumGap, at: p["gaps"][$0]["maximumGap"], .score) } ?? .notAvailable(),
                             verdict: Threshold.curveGap.verdict(g.map { s.gaps[$0].maximumGap })))
        var medians: [Markup] = []
        for origin in ["real", "synthetic"] {
            guard let i = s.curves.firstIndex(where: { $0.group == nil && $0.origin == origin }) else { continue }
            let m = SurvivalDetails.median(s.curves[i], at: p["curves"][i])
            card.keys.append(Key(label: "Median survival, \(origin)", value: m))
            medians.append("\(m) in the \(origin) data")
        }
        var sentence: Markup = ""
        if !medians.isEmpty {
            sentence += "Median survival (<code>\(s.timeColumn)</code>, 95% CI) is \(medians.joined(separator: " and ")). "
        }
        if let g {
            sentence += "The two Kaplan–Meier curves are at most \(Markup.number(s.gaps[g].maximumGap, at: p["gaps"][g]["maximumGap"], .score)) apart in survival probability. "
        }
        if let t, let pv = s.tests[t].pValue {
            sentence += "The log-rank test gives p = \(Markup.number(pv, at: p["tests"][t]["pValue"], .pValue)): "
            sentence += pv >= 0.05 ? "no evidence that the curves differ." : "evidence that the curves differ."
        }
        card.sentence = sentence
        return card
    }
}

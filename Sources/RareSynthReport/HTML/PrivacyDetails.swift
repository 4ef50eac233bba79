import RareSynthEvaluate

/// The privacy section: every measured figure with a one-line explanation, the distances to the
/// closest training row (synthetic rows against holdout rows), k-anonymity and l-diversity, and
/// synthpop's disclosure measures. The page states measurements; it never calls data "private"
/// or "anonymous", because no such guarantee follows from them.
enum PrivacyDetails {
    static let path = JSONPath.evaluation["privacy"]

    static func render(_ report: EvaluationReport) -> Markup {
        FamilySection.render(.privacy, in: report, hasFigures: report.evaluation.privacy != nil) {
            let pr = report.evaluation.privacy!
            return guarantee(report) + metrics(pr) + distances(report, pr) + kAnonymity(pr) + synthpop(pr)
        }
    }

    /// The formal guarantee the data was made with, from its provenance record, stated before the
    /// measurements so a reader sees both: ε bounds what any attack can learn; the attacks below
    /// show what one actually learned.
    static func guarantee(_ report: EvaluationReport) -> Markup {
        let bp = JSONPath.provenance["privacyBudget"]
        guard let b = report.provenance?.privacyBudget else {
            return "<p><strong>Formal guarantee:</strong> not recorded (no provenance record beside the synthetic data). The figures below are measurements only.</p>"
        }
        guard b.differentiallyPrivate, b.epsilon != nil else {
            return "<p><strong>Formal guarantee:</strong> none. The synthesizer had no differential-privacy guarantee; the figures below are measurements only, not a bound on what another attack could learn.</p>"
        }
        var line: Markup = "<p><strong>Formal guarantee:</strong> (ε = \(Markup.number(b.epsilon, at: bp["epsilon"])), δ = \(Markup.number(b.delta, at: bp["delta"])))-differential privacy"
        if let a = b.accountant { line += " (\(a))" }
        line += ". The measured risks below are an empirical check beside it: at this ε, a membership-inference attack's true-positive rate is at most e^ε times its false-positive rate plus δ, whatever the attack.</p>"
        return line
    }

    static func metrics(_ pr: PrivacySection) -> Markup {
        let p = path
        var t = HTMLTable(["Measure", "Value", "What it means"], numeric: [1], caption: "Measured risks")
        if let d = pr.dcr {
            t.row(["Exact copies", .number(d.zero, at: p["dcr"]["zero"]), "Synthetic rows at distance 0 from a training row on every scored column."])
        }
        if let b = pr.dcrBaselineProtection {
            let bp = p["dcrBaselineProtection"]
            t.row(["DCRBaselineProtection", .number(b.score, at: bp["score"], .score, missing: "undefined"),
                   "Median distance of a synthetic row to its closest training row (\(Markup.number(b.medianSyntheticDCR, at: bp["medianSyntheticDCR"]))) relative to that of random rows (\(Markup.number(b.medianRandomDCR, at: bp["medianRandomDCR"]))); 1 = as far as random data."])
        }
        if let o = pr.dcrOverfittingProtection {
            let op = p["dcrOverfittingProtection"]
            t.row(["DCROverfittingProtection", .number(o.score, at: op["score"], .score),
                   "\(Markup.number(o.closerToTraining, at: op["closerToTraining"], .percent)) of synthetic rows are closer to a training row than to any holdout row (\(Markup.number(o.closerToHoldout, at: op["closerToHoldout"], .percent)) closer to the holdout); 1 = no more than chance, i.e. no sign of memorised rows."])
            if let balanced = o.balancedScore, let rows = o.balancedRows, let draws = o.balancedIterations {
                t.row(["DCROverfittingProtection, balanced", .number(balanced, at: op["balancedScore"], .score),
                       "The same with training, synthetic and holdout rows each cut to the holdout's size (\(Markup.number(rows, at: op["balancedRows"])) rows), averaged over \(Markup.number(draws, at: op["balancedIterations"])) seeded draws, as SDMetrics' subsampling mode does. Its formula expects equal sizes: with more training than holdout rows, even a generator that copies nothing lands most rows closer to training, so read this one."])
            }
        }
        if let n = pr.newRowSynthesis {
            let np = p["newRowSynthesis"]
            t.row(["NewRowSynthesis", .number(n.score, at: np["score"], .score),
                   "\(Markup.number(n.newRows, at: np["newRows"])) synthetic rows are new, \(Markup.number(n.matchedRows, at: np["matchedRows"])) match a real row (every category equal, every number within 1%)."])
        }
        if let d = pr.disclosureProtection {
            let dp = p["disclosureProtection"]
            t.row(["DisclosureProtection (CAP)", .number(d.score, at: dp["score"], .score, missing: "undefined"),
                   "How often an attacker who knows \(d.knownColumns.map { "<code>\($0)</code>" as Markup }.joined(separator: ", ")) guesses \(d.sensitiveColumns.map { "<code>\($0)</code>" as Markup }.joined(separator: ", ")) wrongly from the synthetic rows, relative to a baseline of \(Markup.number(d.baselineProtection, at: dp["baselineProtection"], .score)) (CAP protection \(Markup.number(d.capProtection, at: dp["capProtection"], .score, missing: "undefined"))); 1 = no better than guessing."])
        }
        if let m = pr.membershipInference {
            let mp = p["membershipInference"]
            t.row(["Membership-inference AUC", .number(m.auc, at: mp["auc"], .score),
                   "Attack: \(m.attack), on \(Markup.number(m.trainingRows, at: mp["trainingRows"])) training and \(Markup.number(m.holdoutRows, at: mp["holdoutRows"])) holdout rows; 0.5 = a coin toss, 1 = every training patient found."])
        }
        guard !t.isEmpty else { return "<p>No privacy measure could be computed (see “What could not be computed”).</p>" }
        return t.markup
    }

    static func distances(_ report: EvaluationReport, _ pr: PrivacySection) -> Markup {
        var out: Markup = "<h3>Distance to the closest training row (DCR)</h3>"
        var t = HTMLTable(["Rows", "Count", "Minimum", "5th percentile", "Median", "Mean", "Maximum", "At distance 0"], numeric: [1, 2, 3, 4, 5, 6, 7])
        for (key, label) in [("dcr", "Synthetic → training"), ("holdoutDCR", "Holdout → training"), ("nndr", "Synthetic, closest ÷ second closest (NNDR)")] {
            let summary: DistanceSummary? = key == "dcr" ? pr.dcr : (key == "holdoutDCR" ? pr.holdoutDCR : pr.nndr)
            guard let s = summary else { continue }
            let sp = path[key]
            t.row(["\(label)", .number(s.rows, at: sp["rows"]), .number(s.minimum, at: sp["minimum"]), .number(s.p05, at: sp["p05"]),
                   .number(s.median, at: sp["median"]), .number(s.mean, at: sp["mean"]), .number(s.maximum, at: sp["maximum"]),
                   .number(s.zero, at: sp["zero"])])
        }
        if !t.isEmpty { out += t.markup }
        if let d = report.figures.dcr {
            let chart: any SVGChart
            if let h = d.holdout {
                var c = ComparisonHistogram(title: "Distance to the closest training row", variable: "Distance to the closest training row",
                                            binEdges: d.edges, real: h, synthetic: d.synthetic, measure: .share)
                c.realLabel = "Holdout (never seen)"
                c.syntheticLabel = "Synthetic"
                chart = c
            } else {
                let markers = pr.dcr.map { [MarkedHistogram.Marker(value: $0.median, label: "median " + NumberStyle.general.text($0.median), color: ChartPalette.marker)] } ?? []
                chart = MarkedHistogram(title: "Distance to the closest training row", variable: "Distance to the closest training row",
                                        binEdges: d.edges, heights: d.synthetic, measure: .share, markers: markers, seriesLabel: "Synthetic")
            }
            out += ChartFigure.figure(chart, kind: .dcr,
                                      caption: "If the synthetic rows (orange) sat much closer to the training rows than real rows the generator never saw (blue), the generator would be reproducing its training patients.")
        } else {
            out += ChartFigure.figure(NoDataChart(title: "Distance to the closest training row", reason: "no distances were computed"), kind: .dcr)
        }
        return out
    }

    static func kAnonymity(_ pr: PrivacySection) -> Markup {
        guard let k = pr.kAnonymity else { return .empty }
        let kp = path["kAnonymity"]
        var out: Markup = "<h3>k-anonymity and l-diversity of the synthetic rows</h3><p>On the quasi-identifiers \(k.quasiIdentifiers.map { "<code>\($0)</code>" as Markup }.joined(separator: ", ")), the smallest group of synthetic rows sharing the same values holds k = \(Markup.number(k.k, at: kp["k"])) rows (\(Markup.number(k.equivalenceClasses, at: kp["equivalenceClasses"])) groups). \(Markup.number(k.rowsBelowThreshold, at: kp["rowsBelowThreshold"])) rows (\(Markup.number(k.shareBelowThreshold, at: kp["shareBelowThreshold"], .percent))) are in groups smaller than \(Markup.number(k.threshold, at: kp["threshold"]))."
        if let s = k.sensitive {
            out += " The least diverse group holds l = \(Markup.number(k.l, at: kp["l"], missing: "not computed")) distinct value(s) of <code>\(s)</code>."
        }
        return out + "</p>"
    }

    static func synthpop(_ pr: PrivacySection) -> Markup {
        guard let rows = pr.synthpop, !rows.isEmpty else { return .empty }
        var t = HTMLTable(["Target", "Keys", "repU %", "DiSCO %", "DiSDiO %", "CAP_d %", "CAP_s %", "DCAP %", "TCAP %"], numeric: [2, 3, 4, 5, 6, 7, 8],
                          caption: "synthpop disclosure measures")
        for (i, s) in rows.enumerated() {
            let sp = path["synthpop"][i]
            t.row(["<code>\(s.target)</code>", s.keys.map { "<code>\($0)</code>" as Markup }.joined(separator: ", "),
                   .number(s.repU, at: sp["repU"]), .number(s.diSCO, at: sp["diSCO"]), .number(s.diSDiO, at: sp["diSDiO"]),
                   .number(s.capD, at: sp["capD"]), .number(s.capS, at: sp["capS"]), .number(s.dcap, at: sp["dcap"]),
                   .number(s.tcap, at: sp["tcap"], missing: "undefined: no real row's keys occur in the synthetic data")])
        }
        return "<h3>Attribute disclosure (synthpop)</h3>" + t.markup
            + "<p class=\"note\">All in % of the real rows. repU: real rows unique on the keys whose keys are also unique in the synthetic data. DiSCO: real rows whose keys single out one target value in the synthetic data, and that value is the row's own. DiSDiO: the same where the keys also single out the value in the real data. CAP_d and CAP_s: correct attribution probability within the real and within the synthetic data; DCAP: for an attacker using the synthetic data; TCAP: DiSCO among the rows whose keys occur in the synthetic data.</p>"
    }
}

import RareSynthEvaluate

/// The utility section: every model's scores on the real test rows, trained on the real rows
/// (TRTR) and on the synthetic rows (TSTR), side by side.
enum UtilityDetails {
    static func modelName(_ raw: String) -> String {
        switch raw {
        case "random_forest": "Random forest"
        case "logistic_regression": "Logistic regression"
        case "linear_regression": "Linear regression"
        default: raw
        }
    }

    static func render(_ report: EvaluationReport) -> Markup {
        FamilySection.render(.utility, in: report, hasFigures: report.evaluation.utility != nil) {
            let u = report.evaluation.utility!
            let p = JSONPath.evaluation["utility"]
            var out: Markup = "<p>Target <code>\(u.target)</code> (\(u.task.rawValue)); every model is tested on the same \(Markup.number(u.testRows, at: p["testRows"])) real holdout rows, which neither the generator nor the models saw."
            if !u.classes.isEmpty {
                out += " Classes: \(u.classes.map { "<code>\($0)</code>" as Markup }.joined(separator: ", "))"
                if u.classes.count == 2 { out += "; the positive class for AUC is <code>\(u.classes[1])</code>" }
                out += "."
            }
            out += "</p>"
            let classification = u.task == .classification
            let header: [Markup] = classification
                ? ["Model", "Trained on", "Training rows", "Accuracy", "Precision (macro)", "Recall (macro)", "F1 (macro)", "ROC AUC", "Note"]
                : ["Model", "Trained on", "Training rows", "R²", "RMSE", "Note"]
            var t = HTMLTable(header, numeric: Set(2..<(header.count - 1)), caption: "Scores on the real holdout rows")
            for (i, s) in u.scores.enumerated() {
                let sp = p["scores"][i]
                let why = s.error
                var cells: [Markup] = ["\(modelName(s.model))", "\(s.trainedOn)", .number(s.trainingRows, at: sp["trainingRows"])]
                if classification {
                    cells += [.number(s.accuracy, at: sp["accuracy"], .score, missing: why), .number(s.precision, at: sp["precision"], .score, missing: why),
                              .number(s.recall, at: sp["recall"], .score, missing: why), .number(s.f1Macro, at: sp["f1Macro"], .score, missing: why),
                              .number(s.rocAUC, at: sp["rocAUC"], .score, missing: why ?? "undefined for these classes")]
                } else {
                    cells += [.number(s.r2, at: sp["r2"], .score, missing: why), .number(s.rmse, at: sp["rmse"], missing: why)]
                }
                cells.append("\(s.error ?? "")")
                t.row(cells, class: s.trainedOn == "synthetic" ? "tstr" : nil)
            }
            out += t.markup
            out += "<p class=\"note\">TSTR (trained on synthetic, tested on real) close to TRTR (trained on real, tested on real) means the synthetic rows carry the signal a model needs. Macro averages weigh every class equally, so a rare class counts as much as a common one.</p>"
            return out
        }
    }
}

import RareSynthEvaluate

/// A few lines for a terminal: each family's state and headline figures (the report has the rest).
public enum EvaluationSummary {
    public static func text(_ e: Evaluation) -> String {
        func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "n/a" }
        var lines = ["Evaluation of \(e.inputs.syntheticRows) synthetic rows against \(e.inputs.realRows) real rows"
                     + (e.inputs.holdoutRows.map { " (+\($0) holdout)" } ?? "") + ", \(e.inputs.columns.count) columns"]
        for status in e.families {
            var figures: String
            switch (status.family, status.state) {
            case (_, .skipped): figures = "skipped: \(status.reason ?? "")"
            case (.fidelity, _):
                figures = "quality \(f(e.fidelity?.quality?.overall)), diagnostic \(f(e.fidelity?.diagnostic?.overall)), "
                    + "detection AUC \(f(e.fidelity?.detection?.auc))"
            case (.utility, _):
                let main = e.utility?.task == .regression ? "R²" : "macro F1"
                let forest = e.utility?.scores.filter { $0.model == "random_forest" } ?? []
                func score(_ on: String) -> Double? {
                    let s = forest.first { $0.trainedOn == on }
                    return e.utility?.task == .regression ? s?.r2 : s?.f1Macro
                }
                figures = "random forest \(main): trained on synthetic \(f(score("synthetic"))), on real \(f(score("real")))"
            case (.privacy, _):
                let p = e.privacy
                figures = "exact copies \(p?.dcr?.zero.description ?? "n/a"), NewRowSynthesis \(f(p?.newRowSynthesis?.score)), "
                    + "DCROverfittingProtection \(f(p?.dcrOverfittingProtection?.score))"
                    + (p?.dcrOverfittingProtection?.balancedScore.map { " (\(f($0)) with every table cut to the holdout's size)" } ?? "")
                    + ", membership AUC \(f(p?.membershipInference?.auc))"
            case (.fairness, _):
                figures = (e.fairness?.attributes ?? []).map { a in
                    let erased = a.subgroups.filter { $0.syntheticRows == 0 && $0.realRows > 0 }.count
                    return "\(a.attribute): outcome-rate parity difference real \(f(a.realData?.demographicParityDifference)), "
                        + "synthetic \(f(a.syntheticData?.demographicParityDifference))" + (erased > 0 ? ", \(erased) group(s) erased" : "")
                }.joined(separator: "; ")
            case (.survival, _):
                let whole = e.survival?.tests.first { $0.group == nil }
                let gap = e.survival?.gaps.first { $0.group == nil }
                figures = "log-rank p \(f(whole?.pValue)), max curve gap \(f(gap?.maximumGap))"
            }
            let state = status.state == .partial ? " (partial)" : ""
            lines.append("  \(status.family.rawValue)\(state): \(figures)")
        }
        if !e.issues.isEmpty { lines.append("  \(e.issues.count) figure(s) could not be computed; the report lists why") }
        return lines.joined(separator: "\n")
    }
}

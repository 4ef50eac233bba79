import RareSynthEvaluate

/// The fidelity section: whole-table scores, a row per column, a chart per column (histograms for
/// numbers and dates, bars for categories), the correlation heatmaps (real, synthetic,
/// difference) and the rows projected on their first two principal components.
enum FidelityDetails {
    /// The most bars a category chart shows; the rest are summed into "Other".
    static let maxCategoryBars = 20

    static func render(_ report: EvaluationReport) -> Markup {
        FamilySection.render(.fidelity, in: report, hasFigures: report.evaluation.fidelity != nil) {
            let f = report.evaluation.fidelity!
            return scores(f) + columns(report, f) + distributions(report, f) + correlations(f) + projection(report)
        }
    }

    static let path = JSONPath.evaluation["fidelity"]

    // MARK: - Whole-table scores

    static func scores(_ f: FidelitySection) -> Markup {
        let p = path
        var t = HTMLTable(["Measure", "Value", "What it means"], numeric: [1], caption: "Whole-table measures")
        let missing = "could not be computed: see “What could not be computed”"
        t.row(["SDMetrics Quality, overall", .number(f.quality?.overall, at: p["quality"]["overall"], .score, missing: missing),
               "Mean of Column Shapes and Column Pair Trends; 1 = identical distributions."])
        t.row(["Column Shapes", .number(f.quality?.columnShapes, at: p["quality"]["columnShapes"], .score, missing: missing),
               "How well each column's distribution is kept (KS complement for numbers, TV complement for categories)."])
        t.row(["Column Pair Trends", .number(f.quality?.columnPairTrends, at: p["quality"]["columnPairTrends"], .score, missing: missing),
               "How well the correlation or contingency of each pair of columns is kept."])
        if let d = f.diagnostic {
            t.row(["SDMetrics Diagnostic, overall", .number(d.overall, at: p["diagnostic"]["overall"], .score, missing: missing),
                   "Basic validity: values within the real ranges and categories, keys unique, same columns."])
            t.row(["Data validity", .number(d.dataValidity, at: p["diagnostic"]["dataValidity"], .score, missing: missing), "Boundaries, categories, key uniqueness."])
            t.row(["Data structure", .number(d.dataStructure, at: p["diagnostic"]["dataStructure"], .score, missing: missing), "Same column names as the real table."])
        }
        if let m = f.mmd {
            let mp = p["mmd"]
            t.row(["MMD² (unbiased)", .number(m.unbiased, at: mp["unbiased"]),
                   "Maximum mean discrepancy of whole rows, RBF kernel, bandwidth \(Markup.number(m.bandwidth, at: mp["bandwidth"])), on \(Markup.number(m.realRows, at: mp["realRows"])) real and \(Markup.number(m.syntheticRows, at: mp["syntheticRows"])) synthetic rows of \(Markup.number(m.dimension, at: mp["dimension"])) features; 0 = same distribution (biased estimate \(Markup.number(m.biased, at: mp["biased"])))."])
        }
        if let d = f.detection {
            let dp = p["detection"]
            t.row(["Detection AUC", .number(d.auc, at: dp["auc"], .score),
                   "ROC AUC of a \(d.model == .logisticRegression ? "logistic regression" : "random forest") telling real from synthetic rows, mean of \(Markup.number(d.folds, at: dp["folds"])) cross-validation folds; 0.5 = cannot tell them apart."])
            t.row(["Detection score", .number(d.score, at: dp["score"], .score), "1 − (2·max(AUC, ½) − 1), SDMetrics' form: 1 = indistinguishable."])
        }
        if let m = f.propensity {
            let mp = p["propensity"]
            t.row(["pMSE", .number(m.pMSE, at: mp["pMSE"]),
                   "Propensity mean squared error of a logistic model on \(Markup.number(m.rows, at: mp["rows"])) pooled rows; 0 = indistinguishable, its null expectation is \(Markup.number(m.nullExpectation, at: mp["nullExpectation"]))."])
            t.row(["S_pMSE", .number(m.standardized, at: mp["standardized"], missing: "the model has no coefficient"),
                   "pMSE ÷ its null expectation (\(Markup.number(m.parameters, at: mp["parameters"])) parameters); about 1 = as if both came from one distribution."])
        }
        return t.markup
    }

    // MARK: - Columns

    static func columns(_ report: EvaluationReport, _ f: FidelitySection) -> Markup {
        let inputs = report.evaluation.inputs
        var t = HTMLTable(["Column", "Kind", "Missing real", "Missing synth.", "Shape score", "W1 ÷ range", "JS", "KL",
                           "Largest category gap"], numeric: [2, 3, 4, 5, 6, 7, 8], caption: "Per column")
        for (j, c) in inputs.columns.enumerated() {
            let ip = JSONPath.evaluation["inputs"]["columns"][j]
            var cells: [Markup] = ["<code>\(c.name)</code>", "\(c.kind.rawValue)",
                                   .number(c.realMissing, at: ip["realMissing"], .percent), .number(c.syntheticMissing, at: ip["syntheticMissing"], .percent)]
            if let k = f.quality?.columns.firstIndex(where: { $0.column == c.name }) {
                let q = f.quality!.columns[k]
                let metric = q.metric == "KSComplement" ? "KS" : (q.metric == "TVComplement" ? "TV" : q.metric)
                cells.append("\(Markup.number(q.score, at: path["quality"]["columns"][k]["score"], .score, missing: q.error)) <span class=\"muted\">\(metric)</span>")
            } else {
                cells.append(.notAvailable())
            }
            if let i = f.columns.firstIndex(where: { $0.column == c.name }) {
                let d = f.columns[i], cp = path["columns"][i]
                let why = d.error
                cells += [c.kind.isContinuous ? .number(d.normalizedWasserstein, at: cp["normalizedWasserstein"], .score, missing: why) : "–",
                          .number(d.jensenShannon, at: cp["jensenShannon"], .score, missing: why),
                          .number(d.kullbackLeibler, at: cp["kullbackLeibler"], missing: why),
                          c.kind.isContinuous ? "–" : .number(d.maxCategoryGap, at: cp["maxCategoryGap"], .score, missing: why)]
            } else {
                cells += [.notAvailable(), .notAvailable(), .notAvailable(), .notAvailable()]
            }
            t.row(cells)
        }
        var out = t.markup
        out += "<p class=\"note\">Shape score: SDMetrics KS complement (numbers, dates) or TV complement (categories), 1 = same distribution. W1 ÷ range: Wasserstein-1 distance divided by the real column's range. JS: Jensen–Shannon distance (0–1, base 2). KL: Kullback–Leibler divergence of the synthetic from the real histogram. Largest category gap: the largest difference in a category's share.</p>"
        if let d = f.diagnostic, !d.details.isEmpty {
            var dt = HTMLTable(["Columns", "Check", "Score", "Error"], numeric: [2])
            for (i, row) in d.details.enumerated() {
                dt.row([row.columns.map { "<code>\($0)</code>" as Markup }.joined(separator: ", "), "\(row.metric)",
                        .number(row.score, at: path["diagnostic"]["details"][i]["score"], .score, missing: row.error), "\(row.error ?? "")"])
            }
            out += "<details><summary>Diagnostic checks per column (\(Markup.derived(Double(d.details.count), .count, how: "rows of the table")))</summary>\(dt.markup)</details>"
        }
        return out
    }

    // MARK: - Distributions

    static func distributions(_ report: EvaluationReport, _ f: FidelitySection) -> Markup {
        var charts: [Markup] = []
        for c in report.evaluation.inputs.columns {
            if c.kind.isContinuous {
                guard let h = report.figures.histograms.first(where: { $0.column == c.name }) else {
                    charts.append(ChartFigure.figure(NoDataChart(title: c.name, reason: "no finite values to bin"), kind: .histogram))
                    continue
                }
                let chart = ComparisonHistogram(title: c.name, variable: c.name, binEdges: h.edges, real: h.real, synthetic: h.synthetic,
                                                measure: .share, xFormat: h.kind == .datetime ? .date : .number)
                charts.append(ChartFigure.figure(chart, kind: .histogram))
            } else {
                guard let categories = f.columns.first(where: { $0.column == c.name })?.categories, !categories.isEmpty else {
                    charts.append(ChartFigure.figure(NoDataChart(title: c.name, reason: "no category counts"), kind: .categoryBars))
                    continue
                }
                let (ordered, ordering) = barOrder(categories)
                let chart = CategoryBarChart(title: c.name, variable: c.name, categories: ordered.map { $0.category ?? "(missing)" },
                                             real: ordered.map(\.realShare), synthetic: ordered.map(\.syntheticShare),
                                             measure: .share, ordering: ordering, maxCategories: maxCategoryBars)
                var caption: Markup?
                if categories.count > maxCategoryBars {
                    let folded = categories.count - (maxCategoryBars - 1)
                    caption = "\(Markup.derived(Double(categories.count), .count, how: "categories of the column")) categories; the \(Markup.derived(Double(folded), .count, how: "categories not drawn separately")) smallest are summed into “Other”."
                }
                charts.append(ChartFigure.figure(chart, kind: .categoryBars, caption: caption))
            }
        }
        guard !charts.isEmpty else { return .empty }
        return "<h3>Distributions, real vs synthetic</h3><p class=\"note\">Share of the non-missing values in each bin or category; real in blue, synthetic in orange (dashed outline).</p><div class=\"charts\">\(charts.joined())</div>"
    }

    /// Categories that are all numbers (ECOG grade, Karnofsky score) in their numeric order, as
    /// a clinician reads a scale, missing last; other categories largest share first.
    static func barOrder(_ categories: [ColumnFidelity.Category]) -> ([ColumnFidelity.Category], CategoryBarChart.Ordering) {
        let numbers = categories.map { $0.category.flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } }
        guard zip(categories, numbers).allSatisfy({ $0.category == nil || $1 != nil }) else { return (categories, .byShare) }
        let order = categories.indices.sorted { i, j in
            switch (numbers[i], numbers[j]) {
            case let (a?, b?): a < b || (a == b && i < j)
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): i < j
            }
        }
        return (order.map { categories[$0] }, .asGiven)
    }

    // MARK: - Correlations

    static func coefficientName(_ raw: String) -> String {
        switch raw {
        case "pearson": "Pearson r"
        case "spearman": "Spearman ρ"
        case "cramersV": "Cramér's V"
        default: raw
        }
    }

    static func correlations(_ f: FidelitySection) -> Markup {
        var out: Markup = ""
        for (i, c) in f.correlations.enumerated() where c.columns.count >= 2 {
            let cp = path["correlations"][i]
            let name = coefficientName(c.coefficient)
            out += "<h4>\(name)</h4><p>Mean |synthetic − real| over \(Markup.number(c.comparedPairs, at: cp["comparedPairs"])) pairs: \(Markup.number(c.meanAbsoluteDifference, at: cp["meanAbsoluteDifference"], .score, missing: "no pair could be compared")).</p>"
            out += "<div class=\"charts\">"
            out += ChartFigure.figure(CorrelationHeatmap(title: "\(name), real", labels: c.columns, values: c.real, legendTitle: name), kind: .heatmap)
            out += ChartFigure.figure(CorrelationHeatmap(title: "\(name), synthetic", labels: c.columns, values: c.synthetic, legendTitle: name), kind: .heatmap)
            out += ChartFigure.figure(CorrelationHeatmap(title: "\(name), synthetic − real", labels: c.columns, values: c.difference,
                                                         scale: .difference(limit: nil), legendTitle: "synthetic − real"), kind: .heatmap)
            out += "</div>"
        }
        if let q = f.quality, !q.pairs.isEmpty {
            var t = HTMLTable(["Pair", "Metric", "Score", "Real", "Synthetic", "Counted"], numeric: [2, 3, 4])
            for (k, pair) in q.pairs.enumerated() {
                let pp = path["quality"]["pairs"][k]
                t.row([pair.columns.map { "<code>\($0)</code>" as Markup }.joined(separator: " × "), "\(pair.metric)",
                       .number(pair.score, at: pp["score"], .score, missing: pair.error),
                       pair.realCorrelation == nil ? "–" : .number(pair.realCorrelation, at: pp["realCorrelation"], .score),
                       pair.syntheticCorrelation == nil ? "–" : .number(pair.syntheticCorrelation, at: pp["syntheticCorrelation"], .score),
                       pair.counted ? "yes" : "no"])
            }
            out += "<details><summary>Column Pair Trends, every pair (\(Markup.derived(Double(q.pairs.count), .count, how: "rows of the table")))</summary>\(t.markup)</details>"
        }
        guard !out.isEmpty else { return .empty }
        return "<h3>How columns go together</h3><p class=\"note\">Association matrices of the real and synthetic tables and their difference (red: stronger in the synthetic data, blue: weaker). A cell marked “–” is undefined (a constant column).</p>" + out
    }

    // MARK: - Projection

    static func projection(_ report: EvaluationReport) -> Markup {
        var out: Markup = "<h3>Whole rows on two axes (PCA)</h3>"
        guard let pr = report.figures.projection else {
            let reason = report.figures.projectionNote ?? "no projection was computed"
            return out + "<p>No projection: \(reason)</p>" + ChartFigure.figure(NoDataChart(title: "PCA projection", reason: reason), kind: .projection)
        }
        let p = JSONPath.figures["projection"]["explainedVarianceRatio"]
        func axis(_ i: Int) -> String {
            guard i < pr.explainedVarianceRatio.count else { return "PC\(i + 1)" }
            return "PC\(i + 1) (\(NumberStyle.percent.text(pr.explainedVarianceRatio[i])) of variance)"
        }
        func share(_ i: Int) -> Markup {
            i < pr.explainedVarianceRatio.count ? .number(pr.explainedVarianceRatio[i], at: p[i], .percent) : .notAvailable()
        }
        let chart = ScatterChart(title: "Real and synthetic rows, first two principal components", xTitle: axis(0), yTitle: axis(1),
                                 real: (x: pr.realX, y: pr.realY), synthetic: (x: pr.syntheticX, y: pr.syntheticY))
        out += ChartFigure.figure(chart, kind: .projection,
                                  caption: "Principal components of the real rows (\(Markup.number(pr.features, at: JSONPath.figures["projection"]["features"])) standardised features, categories one-hot); they explain \(share(0)) and \(share(1)) of the variance. Synthetic rows that fall outside the real cloud are unlike any real patient.")
        return out
    }
}

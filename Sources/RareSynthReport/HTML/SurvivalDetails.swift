import RareSynthEvaluate

/// The survival section: Kaplan–Meier curves with their 95% bands, real against synthetic, for
/// the whole table and for each group; medians with confidence intervals; the log-rank tests;
/// how far apart the curves lie; and the comparisons that could not be made.
enum SurvivalDetails {
    static let path = JSONPath.evaluation["survival"]

    static func render(_ report: EvaluationReport) -> Markup {
        FamilySection.render(.survival, in: report, hasFigures: report.evaluation.survival != nil) {
            let s = report.evaluation.survival!
            var out: Markup = "<p>Time <code>\(s.timeColumn)</code>, event <code>\(s.eventColumn)</code>"
            if let g = s.groupColumn { out += ", groups of <code>\(g)</code>" }
            out += ". Curves: Kaplan–Meier estimate with its 95% pointwise band (log scale, as R's survfit); real solid blue, synthetic dashed orange.</p>"
            return out + charts(s) + medians(s) + tests(s) + gaps(s) + omissions(s)
        }
    }

    static func groupLabel(_ group: String?, column: String?) -> Markup {
        guard let group else { return "whole table" }
        return column.map { "<code>\($0)</code> = <code>\(group)</code>" } ?? "<code>\(group)</code>"
    }

    /// "310 (95% CI 270–390)"; parts not reached are "not reached".
    static func median(_ c: SurvivalComparison.Curve, at p: JSONPath) -> Markup {
        let reached = "the curve does not fall to 0.5"
        let m = Markup.number(c.median, at: p["median"], missing: reached)
        let lo = Markup.number(c.medianLower, at: p["medianLower"], missing: "not reached")
        let hi = Markup.number(c.medianUpper, at: p["medianUpper"], missing: "not reached")
        return "\(m) (\(lo)–\(hi))"
    }

    static func charts(_ s: SurvivalComparison) -> Markup {
        // Groups in the order of the curves: the whole table first, then each group.
        var groups: [String?] = []
        for c in s.curves where !groups.contains(where: { $0 == c.group }) { groups.append(c.group) }
        var figures: [Markup] = []
        for g in groups {
            let series = s.curves.filter { $0.group == g }.map { c in
                SurvivalCurveChart.Series(name: c.origin == "real" ? "Real" : "Synthetic", times: c.times, survival: c.survival,
                                          lower: c.lower, upper: c.upper,
                                          color: c.origin == "real" ? ChartPalette.real : ChartPalette.synthetic, dashed: c.origin != "real")
            }
            let title = g.map { "\(s.groupColumn ?? "group") = \($0)" } ?? "Whole table"
            let chart = SurvivalCurveChart(title: title, xTitle: s.timeColumn, series: series, showsCensorMarks: false)
            figures.append(ChartFigure.figure(chart, kind: .survival, wide: g == nil))
        }
        guard !figures.isEmpty else { return .empty }
        return "<div class=\"charts\">\(figures.joined())</div>"
    }

    static func medians(_ s: SurvivalComparison) -> Markup {
        var t = HTMLTable(["Group", "Data", "Subjects", "Events", "Median", "95% CI"], numeric: [2, 3, 4, 5], caption: "Median survival")
        for (i, c) in s.curves.enumerated() {
            let cp = path["curves"][i]
            t.row([groupLabel(c.group, column: s.groupColumn), "\(c.origin)", .number(c.subjects, at: cp["subjects"]), .number(c.events, at: cp["events"]),
                   .number(c.median, at: cp["median"], missing: "the curve does not fall to 0.5"),
                   "\(Markup.number(c.medianLower, at: cp["medianLower"], missing: "not reached"))–\(Markup.number(c.medianUpper, at: cp["medianUpper"], missing: "not reached"))"])
        }
        return t.isEmpty ? .empty : t.markup
    }

    static func tests(_ s: SurvivalComparison) -> Markup {
        var t = HTMLTable(["Group", "χ²", "df", "p", "Observed events (real, synthetic)", "Expected events (real, synthetic)"], numeric: [1, 2, 3, 4, 5],
                          caption: "Log-rank test, real vs synthetic")
        for (i, r) in s.tests.enumerated() {
            let tp = path["tests"][i]
            func pair(_ values: [Double], _ key: String) -> Markup {
                values.enumerated().map { Markup.number($1, at: tp[key][$0]) }.joined(separator: ", ")
            }
            t.row([groupLabel(r.group, column: s.groupColumn), .number(r.chiSquare, at: tp["chiSquare"]), .number(r.degreesOfFreedom, at: tp["degreesOfFreedom"]),
                   .number(r.pValue, at: tp["pValue"], .pValue, missing: "no degrees of freedom left"), pair(r.observed, "observed"), pair(r.expected, "expected")])
        }
        guard !t.isEmpty else { return .empty }
        return t.markup + "<p class=\"note\">p ≥ 0.05: no evidence that the real and synthetic curves differ. With many rows even a small difference gives a small p, so read it beside the gap below.</p>"
    }

    static func gaps(_ s: SurvivalComparison) -> Markup {
        var t = HTMLTable(["Group", "Compared up to", "Largest gap", "At time", "Integrated gap", "Mean gap"], numeric: [1, 2, 3, 4, 5],
                          caption: "Distance between the curves")
        for (i, g) in s.gaps.enumerated() {
            let gp = path["gaps"][i]
            t.row([groupLabel(g.group, column: s.groupColumn), .number(g.horizon, at: gp["horizon"]), .number(g.maximumGap, at: gp["maximumGap"], .score),
                   .number(g.maximumGapTime, at: gp["maximumGapTime"]), .number(g.integratedGap, at: gp["integratedGap"]),
                   .number(g.meanGap, at: gp["meanGap"], .score, missing: "the horizon is 0")])
        }
        guard !t.isEmpty else { return .empty }
        return t.markup + "<p class=\"note\">Largest gap: the largest vertical distance |S<sub>real</sub>(t) − S<sub>synthetic</sub>(t)| up to the end of the shorter follow-up. Integrated gap: the area between the curves (in time units); mean gap: that area ÷ the follow-up compared.</p>"
    }

    static func omissions(_ s: SurvivalComparison) -> Markup {
        guard !s.omissions.isEmpty else { return .empty }
        return "<h3>Comparisons not made</h3><ul class=\"issues\">\(s.omissions.map { "<li>\(groupLabel($0.group, column: s.groupColumn)): \($0.reason)</li>" as Markup }.joined())</ul>"
    }
}

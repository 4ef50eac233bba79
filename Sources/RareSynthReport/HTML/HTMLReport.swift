/// `report.html`: one evaluation as a self-contained page a clinician can read and a data
/// steward can file.
///
/// Top to bottom: what was compared, a headline card per metric family (state, key figures, a
/// plain-language sentence, the threshold and the verdict), then one section of details and
/// charts per family, everything that could not be computed and why, and the provenance. The page
/// is rendered from the ``EvaluationReport`` alone: every printed figure carries its JSON path and
/// exact value (``NumberSpan``), so page and `report.json` can be checked against each other.
///
/// Self-contained by construction: inline `<style>` and inline SVG, no script, no URL (a
/// Content-Security-Policy that forbids loading anything is part of the page), every
/// user-provided string escaped (``Markup``). Deterministic: the same report gives the same bytes
/// (no clock, no locale, dictionaries walked in sorted key order).
public enum HTMLReport {
    public static func render(_ report: EvaluationReport) -> String {
        let sections: [Markup] = [
            SummarySection.render(report),
            HeadlineCards.render(report),
            FidelityDetails.render(report),
            UtilityDetails.render(report),
            PrivacyDetails.render(report),
            FairnessDetails.render(report),
            SurvivalDetails.render(report),
            IssuesSection.render(report),
            ProvenanceSection.render(report),
        ]
        let page: Markup = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>Synthetic data evaluation report</title>
        <style>
        \(Markup(trusted: PageStyle.css))
        </style>
        </head>
        <body>
        <main>
        \(sections.joined(separator: "\n"))
        <footer>\(report.specification) · \(report.evaluation.specification). Every figure on this page is in report.json at the path given by its data-path attribute.</footer>
        </main>
        </body>
        </html>

        """
        return page.html
    }
}

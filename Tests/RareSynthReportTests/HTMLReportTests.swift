import Foundation
import RareSynthEvaluate
import RareSynthNumerics
import RareSynthProvenance
@testable import RareSynthReport
import RareSynthSchema
import RareSynthTable
import Testing

/// The HTML report rendered from a real evaluation of lung data (fixture and provenance in
/// `Fixtures/report/README.md`): every section and chart is there, every printed figure agrees
/// with `report.json`, nothing is loaded from outside, user text is escaped, and the bytes are
/// stable. `RARESYNTH_WRITE_REPORT=/path/page.html` also writes the page, to look at it
/// (`scripts/render-report`).
@Suite struct HTMLReportTests {
    @Test func everySectionAndChartIsPresent() throws {
        let report = try ReportFixture.full.get()
        let html = HTMLReport.render(report)
        if let path = ProcessInfo.processInfo.environment["RARESYNTH_WRITE_REPORT"] {
            try html.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        let e = report.evaluation
        #expect(e.families.allSatisfy { $0.state != .skipped }, "the fixture runs every family: \(e.families)")

        // The headline grid: one card per family, each with a verdict word and its thresholds.
        let headlines = try section("headlines", of: html)
        for family in Evaluation.Family.allCases {
            #expect(headlines.contains("<article class=\"card v-") && headlines.contains("data-family=\"\(family.rawValue)\""))
        }
        #expect(occurrences("<article class=\"card", in: headlines) == 5)
        #expect(occurrences("Thresholds: ", in: headlines) == 5)
        #expect(headlines.contains("SDMetrics Quality score"))
        #expect(headlines.contains("real patients it never saw"))

        // Fidelity: a histogram per continuous column, bars per discrete column, three heatmaps
        // per association matrix, the PCA projection.
        let fidelity = try section("fidelity", of: html)
        let continuous = e.inputs.columns.filter { $0.kind.isContinuous }.count
        let discrete = e.inputs.columns.count - continuous
        let matrices = try #require(e.fidelity).correlations.filter { $0.columns.count >= 2 }.count
        #expect(continuous >= 5 && discrete >= 2 && matrices >= 2)
        #expect(report.figures.histograms.count == continuous)
        #expect(occurrences("data-chart=\"histogram\"", in: fidelity) == continuous)
        #expect(occurrences("data-chart=\"category-bars\"", in: fidelity) == discrete)
        #expect(occurrences("data-chart=\"heatmap\"", in: fidelity) == 3 * matrices)
        #expect(occurrences("data-chart=\"projection\"", in: fidelity) == 1)
        #expect(report.figures.projection != nil)
        #expect(occurrences("<svg", in: fidelity) == continuous + discrete + 3 * matrices + 1)
        for column in e.inputs.columns { #expect(fidelity.contains("<code>\(column.name)</code>")) }

        // Privacy: the DCR histogram (synthetic against holdout).
        let privacy = try section("privacy", of: html)
        #expect(occurrences("data-chart=\"dcr\"", in: privacy) == 1 && occurrences("<svg", in: privacy) == 1)
        #expect(privacy.contains("Holdout (never seen)"))
        for metric in ["DCROverfittingProtection", "NewRowSynthesis", "Membership-inference AUC", "k-anonymity", "synthpop"] {
            #expect(privacy.contains(metric), "privacy section lacks \(metric)")
        }

        // Survival: the whole table and each group of sex, with bands.
        let survival = try section("survival", of: html)
        let groups = Set(try #require(e.survival).curves.compactMap(\.group)).count
        #expect(groups == 2)
        #expect(occurrences("data-chart=\"survival\"", in: survival) == 1 + groups)
        #expect(occurrences("<svg", in: survival) == 1 + groups)
        #expect(survival.contains("Log-rank test") && survival.contains("Median survival") && survival.contains("Largest gap"))

        // Utility and fairness: tables, no charts.
        let utility = try section("utility", of: html)
        #expect(utility.contains("Random forest") && utility.contains("F1 (macro)"))
        #expect(occurrences("<svg", in: utility) == 0)
        let fairness = try section("fairness", of: html)
        #expect(fairness.contains("Outcome rate per group") && fairness.contains("Fidelity per group") && fairness.contains("Group fairness"))

        // What could not be computed, provenance and definitions.
        let issues = try section("issues", of: html)
        if e.issues.isEmpty {
            #expect(issues.contains("Every requested figure was computed."))
        } else {
            #expect(occurrences("<tr class=\"issue\">", in: issues) == e.issues.count)
        }
        let provenance = try section("provenance", of: html)
        let record = try #require(report.provenance)
        for file in record.inputs { #expect(provenance.contains(file.sha256)) }
        #expect(provenance.contains("column shuffle") && provenance.contains("no differential-privacy guarantee"))
        for key in e.metricSpecifications.keys { #expect(provenance.contains("<code>\(key)</code>")) }
        #expect(occurrences("<svg", in: html) == occurrences("<figure class=\"chart", in: html))
    }

    /// Every `data-path` names a number of `report.json` equal to `data-value`, and the printed
    /// text is that value rounded.
    @Test func everyPrintedFigureAgreesWithTheJSON() throws {
        let report = try ReportFixture.full.get()
        let html = HTMLReport.render(report)
        // JSONDecoder reads every number back exactly (Foundation's JSONSerialization on Linux
        // can be off in the last digit, so it is not used here).
        let json = try JSONValue(json: report.json())
        let spans = try figureSpans(in: html)
        #expect(spans.count >= 100, "only \(spans.count) linked figures")
        #expect(spans.count == occurrences("class=\"num\"", in: html), "a figure without data-path")
        var paths = Set<String>()
        for span in spans {
            paths.insert(span.path)
            let stored = try #require(follow(span.path, in: json), "no JSON value at \(span.path)")
            let value = try #require(Double(span.value), "data-value \(span.value) at \(span.path)")
            switch stored {
            case .number(let number):
                #expect(number == value, "\(span.path): JSON \(number), page \(span.value)")
            case .string(let text):  // non-finite numbers are strings in the JSON
                #expect(["NaN", "Infinity", "-Infinity"].contains(text) && !value.isFinite, "\(span.path): \(text)")
            default:
                Issue.record("\(span.path) is not a number in the JSON: \(stored)")
            }
            #expect(isRounding(span.text, of: value), "\(span.path): '\(span.text)' is not \(span.value) rounded")
        }
        for required in ["evaluation.fidelity.quality.overall", "evaluation.privacy.dcr.zero", "evaluation.inputs.realRows",
                         "evaluation.survival.tests.0.pValue", "evaluation.fairness.attributes.0.realData.demographicParityDifference",
                         "evaluation.utility.scores.0.accuracy", "figures.projection.explainedVarianceRatio.0", "provenance.seed"] {
            #expect(paths.contains(required), "\(required) is not printed")
        }
    }

    /// The privacy section opens with the formal guarantee from the provenance record, ε and δ
    /// linked to the JSON, or says there is none, before the measured risks.
    @Test func privacySectionStatesTheGuaranteeBesideTheMeasurements() throws {
        var report = try ReportFixture.full.get()
        let none = try section("privacy", of: HTMLReport.render(report))
        #expect(none.contains("<strong>Formal guarantee:</strong> none."))
        report.provenance?.privacyBudget = .init(differentiallyPrivate: true, epsilon: 0.75, delta: 1e-5, accountant: "Rényi DP")
        let html = HTMLReport.render(report)
        let privacy = try section("privacy", of: html)
        #expect(privacy.contains("-differential privacy (Rényi DP)"))
        let guarantee = try #require(privacy.range(of: "Formal guarantee:"))
        let measured = try #require(privacy.range(of: "Membership-inference AUC"))
        #expect(guarantee.lowerBound < measured.lowerBound)
        let spans = try figureSpans(in: privacy)
        #expect(spans.contains { $0.path == "provenance.privacyBudget.epsilon" && $0.value == "0.75" })
        #expect(spans.contains { $0.path == "provenance.privacyBudget.delta" })
    }

    @Test func nothingIsLoadedFromOutside() throws {
        let html = HTMLReport.render(try ReportFixture.full.get())
        for forbidden in ["http://", "https://", "<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "//cdn"] {
            #expect(!html.lowercased().contains(forbidden), "the page contains \(forbidden)")
        }
        #expect(html.contains("Content-Security-Policy"))
        // Measured numbers only: the page never calls the data private or anonymous.
        let words = try Regex("\\b(private|anonymous|anonymi[sz]ed|de-identified)\\b").ignoresCase()
        #expect(html.firstMatch(of: words) == nil)
    }

    @Test func skippedFamiliesSayWhy() throws {
        let report = try ReportFixture.reduced.get()
        let html = HTMLReport.render(report)
        let utility = try #require(report.evaluation.status(of: .utility))
        let survival = try #require(report.evaluation.status(of: .survival))
        #expect(utility.state == .skipped && survival.state == .skipped)
        let utilitySection = try section("utility", of: html), survivalSection = try section("survival", of: html)
        #expect(utilitySection.contains("<strong>skipped</strong>: " + XMLEscaping.escape(try #require(utility.reason))))
        #expect(survivalSection.contains("<strong>skipped</strong>: switched off"))
        #expect(!utilitySection.contains("<table") && !survivalSection.contains("<svg"))
        let issues = try section("issues", of: html)
        #expect(issues.contains("Families skipped") && issues.contains("needs --target"))
        let card = try #require(try section("headlines", of: html).components(separatedBy: "<article").first { $0.contains("data-family=\"utility\"") })
        #expect(card.contains("not assessed"))
        // The figures of the families that ran still agree with the JSON.
        let json = try JSONValue(json: report.json())
        for span in try figureSpans(in: html) {
            let stored = try #require(follow(span.path, in: json), "\(span.path)")
            #expect(stored == .number(try #require(Double(span.value))), "\(span.path)")
        }
    }

    @Test func hostileTextIsEscaped() throws {
        let report = try ReportFixture.hostile.get()
        let html = HTMLReport.render(report)
        #expect(report.evaluation.inputs.columns.contains { $0.name == ReportFixture.hostileName })
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        // sex = 2 has no synthetic row: erased, highlighted, and a concern in the headline.
        let fairness = try section("fairness", of: html)
        #expect(occurrences("<tr class=\"erased\">", in: fairness) == 1)
        let card = try #require(try section("headlines", of: html).components(separatedBy: "<article").first { $0.contains("data-family=\"fairness\"") })
        #expect(card.contains("card v-concern") && card.contains("Erased from the synthetic data"))
    }

    @Test func renderingIsDeterministicAndNeedsOnlyTheJSON() throws {
        let report = try ReportFixture.full.get()
        let html = HTMLReport.render(report)
        #expect(HTMLReport.render(report) == html)
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let decoded = try decoder.decode(EvaluationReport.self, from: report.json())
        #expect(HTMLReport.render(decoded) == html)
    }

    @Test func numberStyles() {
        let minus = "\u{2212}"
        #expect(NumberStyle.score.text(0.87312) == "0.873")
        #expect(NumberStyle.score.text(-0.0004) == "0.000")
        #expect(NumberStyle.pValue.text(0.00049) == "< 0.001")
        #expect(NumberStyle.pValue.text(0.04567) == "0.0457")
        #expect(NumberStyle.pValue.text(0.48) == "0.480")
        #expect(NumberStyle.pValue.text(1) == "1.00")
        #expect(NumberStyle.count.text(1_234_567) == "1,234,567")
        #expect(NumberStyle.percent.text(0.8731) == "87.3%")
        #expect(NumberStyle.general.text(306.5) == "306.5")
        #expect(NumberStyle.general.text(12_345.6) == "12,346")
        #expect(NumberStyle.general.text(-0.012345) == minus + "0.01235")
        #expect(NumberStyle.general.text(0.000012345) == "1.23e" + minus + "5")
        #expect(NumberStyle.general.text(99_960_000) == "1.00e8")
        #expect(NumberStyle.general.text(.nan) == "n/a")
        #expect(Markup("a \("<b>") \(Markup(trusted: "<i>"))") == Markup(trusted: "a &lt;b&gt; <i>"))
    }
}

// MARK: - The evaluated fixture

/// Reports evaluated once and shared by the tests (the evaluation takes a few seconds).
enum ReportFixture {
    struct Failure: Error, Sendable, CustomStringConvertible { var description: String }

    static let hostileName = "<script>alert(\"x&y\")</script>"
    static let hostileCategory = "<img src=x onerror=alert(1)>"

    /// Every family on 90 real, 90 synthetic and 30 holdout rows.
    static let full: Result<EvaluationReport, Failure> = make { _, _ in }

    /// No target and survival switched off: utility and survival skipped.
    static let reduced: Result<EvaluationReport, Failure> = make { options, _ in
        options.target = nil
        options.families.remove(.survival)
    }

    /// A hostile column name and category, and a synthetic table without sex = 2.
    static let hostile: Result<EvaluationReport, Failure> = make { _, tables in
        for i in tables.indices {
            var t = tables[i]
            t.setColumn(hostileName, t[column: "wt.loss"]!)
            t.removeColumn("wt.loss")
            t.setColumn("ph.ecog", t[column: "ph.ecog"]!.map { $0 == "3" || $0 == "2" ? hostileCategory : $0 })
            tables[i] = t
        }
        tables[1].setColumn("sex", tables[1][column: "sex"]!.map { $0 == nil ? nil : "1" })
    }

    /// Reads the fixture, splits it, shuffles the synthetic table, evaluates and adds the figures
    /// and a provenance record. `adjust` may change the options and the tables (real, synthetic,
    /// holdout) before the run; the schema is inferred from the real table after it.
    static func make(_ adjust: (inout EvaluationOptions, inout [Table]) -> Void) -> Result<EvaluationReport, Failure> {
        do {
            guard let url = Bundle.module.url(forResource: "lung120", withExtension: "csv", subdirectory: "Fixtures/report") else {
                throw Failure(description: "Fixtures/report/lung120.csv is missing from the test bundle")
            }
            let all = try CSVReader.readTable(path: url.path)
            let real = all.rows(Array(0..<90)), holdout = all.rows(Array(90..<all.rowCount))
            var tables = [real, shuffledColumns(real, seed: 7), holdout]
            var options = EvaluationOptions()
            options.target = "status"
            options.sensitive = ["sex"]
            options.quasiIdentifiers = ["age", "sex"]
            // Categorical labels that all parse as numbers are decoded as pandas would ("2" →
            // "2.0"), while event labels are compared as given: both spellings, so deaths count.
            options.survival = .init(time: "time", event: "status", eventLabels: ["2", "2.0"])
            options.group = "sex"
            options.seed = 3
            adjust(&options, &tables)
            let schema = try SchemaInference().infer(tables[0], file: "lung120.csv").schema
            let run = Evaluator(schema: schema, options: options).run(real: tables[0], synthetic: tables[1], holdout: tables[2])
            let provenance = Provenance(
                job: "evaluate", created: "2026-01-01T00:00:00Z",
                inputs: [.init(role: "real", path: "lung120.csv", sha256: String(repeating: "ab", count: 32), bytes: 4_321, rows: 90, columns: 10),
                         .init(role: "holdout", path: "lung120.csv", sha256: String(repeating: "cd", count: 32), bytes: 4_321, rows: 30, columns: 10)],
                outputs: [], synthesizer: .init(name: "column shuffle", parameters: .object([
                    "seed": .number(7), "per column": .bool(true), "note": .string("a test fixture"),
                    "nested": .object(["weights": .array([.number(0.25), .number(1.5)])]),
                ])),
                seed: 7, metricSpecifications: run.evaluation.metricSpecifications, privacyBudget: .notDifferentiallyPrivate)
            return .success(EvaluationReport(provenance: provenance, evaluation: run.evaluation, figures: ReportFigures.compute(run, seed: 3)))
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }

    /// Each column shuffled on its own (Fisher–Yates with a seeded generator): the margins of the
    /// real table with its associations broken, a crude "synthetic" table.
    static func shuffledColumns(_ table: Table, seed: UInt64) -> Table {
        var rng = SeededRandom(seed: seed)
        var out = table
        for name in table.columnNames {
            var cells = table[column: name]!
            for i in stride(from: cells.count - 1, to: 0, by: -1) {
                cells.swapAt(i, Int(rng.next() % UInt64(i + 1)))
            }
            out.setColumn(name, cells)
        }
        return out
    }
}

// MARK: - Reading the page

/// One `<span class="num" data-path=… data-value=…>text</span>`.
struct FigureSpan {
    var path: String
    var value: String
    var text: String
}

func figureSpans(in html: String) throws -> [FigureSpan] {
    let pattern = try Regex("<span class=\"num\" data-path=\"([^\"]*)\" data-value=\"([^\"]*)\">([^<]*)</span>")
    return html.matches(of: pattern).map { m in
        FigureSpan(path: String(m.output[1].substring!), value: String(m.output[2].substring!), text: String(m.output[3].substring!))
    }
}

/// The `<section id="…">` of the page (sections do not nest).
func section(_ id: String, of html: String) throws -> String {
    let start = try #require(html.range(of: "<section id=\"\(id)\""), "no section \(id)")
    let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
    return String(html[start.lowerBound..<end.upperBound])
}

func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

/// The value at a dotted path of the JSON (array elements by index).
func follow(_ path: String, in json: JSONValue) -> JSONValue? {
    var node = json
    for step in path.split(separator: ".", omittingEmptySubsequences: false) {
        switch node {
        case .object(let members):
            guard let next = members[String(step)] else { return nil }
            node = next
        case .array(let items):
            guard let i = Int(step), items.indices.contains(i) else { return nil }
            node = items[i]
        default:
            return nil
        }
    }
    return node
}

/// Whether `text` (as the page prints figures: thousands separators, U+2212 minus, `%`,
/// `m.mme−x`, `< 0.001`, `n/a`, `∞`) is `value` rounded to the digits it shows.
func isRounding(_ text: String, of value: Double) -> Bool {
    if text == "n/a" { return value.isNaN }
    if text == "∞" { return value == .infinity }
    if text == "\u{2212}∞" { return value == -.infinity }
    if text == "&lt; 0.001" || text == "< 0.001" { return value < 0.001 }
    var t = text.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: ",", with: "")
    var scale = 1.0
    if t.hasSuffix("%") {
        t.removeLast()
        scale = 100
    }
    var exponent = 0
    if let e = t.firstIndex(of: "e") {
        guard let x = Int(t[t.index(after: e)...]) else { return false }
        exponent = x
        t = String(t[..<e])
    }
    guard let shown = Double(t) else { return false }
    let decimals = t.split(separator: ".").dropFirst().first?.count ?? 0
    let half = 0.5 * pow(10, Double(exponent - decimals))
    let target = value * scale / pow(10, Double(exponent))
    return Swift.abs(shown - target) * pow(10, Double(exponent)) <= half * (1 + 1e-9) + 1e-12 * Swift.abs(value * scale)
}

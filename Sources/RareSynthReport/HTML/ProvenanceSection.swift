import RareSynthEvaluate
import RareSynthProvenance

/// Where the figures come from: the files (SHA-256, size, rows and columns, never content), the
/// synthesizer with every parameter and its seed, the RareSynth build, when, the
/// differential-privacy budget, and the definition each metric follows.
enum ProvenanceSection {
    static func render(_ report: EvaluationReport) -> Markup {
        var out: Markup = "<section id=\"provenance\"><h2>Provenance and definitions</h2>"
        if let pv = report.provenance {
            out += record(pv)
        } else {
            out += "<p>No provenance record was attached to this report: the files, synthesizer and build it came from are not stated.</p>"
        }
        out += specifications(report)
        return out + "</section>"
    }

    static func record(_ pv: Provenance) -> Markup {
        let p = JSONPath.provenance
        var out: Markup = "<dl class=\"facts\">"
        out += "<dt>Job</dt><dd>\(pv.job)</dd><dt>Created</dt><dd>\(pv.created)</dd>"
        out += "<dt>Software</dt><dd>\(pv.software.name) \(pv.software.version)\(pv.software.commit.map { ", commit <code>\($0)</code>" as Markup } ?? ", commit unknown")</dd>"
        if let s = pv.synthesizer { out += "<dt>Synthesizer</dt><dd>\(s.name)</dd>" }
        out += "<dt>Seed</dt><dd>\(pv.seed.map { Markup.number($0, at: p["seed"]) } ?? "not recorded")</dd>"
        if let b = pv.privacyBudget {
            let bp = p["privacyBudget"]
            // The note of a synthesizer without a guarantee already says so.
            var budget: Markup = b.differentiallyPrivate ? "differential privacy" : (b.note == nil ? "no differential-privacy guarantee" : "")
            if b.epsilon != nil { budget += ", ε = \(Markup.number(b.epsilon, at: bp["epsilon"]))" }
            if b.delta != nil { budget += ", δ = \(Markup.number(b.delta, at: bp["delta"]))" }
            if let a = b.accountant { budget += " (accountant: \(a))" }
            if let n = b.note { budget += budget.isEmpty ? "\(n)" : "; \(n)" }
            out += "<dt>Privacy budget</dt><dd>\(budget)</dd>"
        } else {
            out += "<dt>Privacy budget</dt><dd>not recorded</dd>"
        }
        out += "</dl>"
        out += files(pv.inputs, at: p["inputs"], caption: "Files read") + files(pv.outputs, at: p["outputs"], caption: "Files written")
        if let s = pv.synthesizer {
            var t = HTMLTable(["Parameter", "Value"], caption: "Synthesizer parameters")
            for (key, value, path) in flatten(s.parameters, at: p["synthesizer"]["parameters"], prefix: "") { t.row(["<code>\(key)</code>", render(value, at: path)]) }
            if !t.isEmpty { out += t.markup }
        }
        return out
    }

    static func files(_ records: [Provenance.FileRecord], at p: JSONPath, caption: Markup) -> Markup {
        guard !records.isEmpty else { return .empty }
        var t = HTMLTable(["Role", "Path", "SHA-256", "Bytes", "Rows", "Columns"], numeric: [3, 4, 5], caption: caption)
        for (i, f) in records.enumerated() {
            let fp = p[i]
            t.row(["\(f.role)", "<code>\(f.path)</code>", "<code>\(f.sha256)</code>", .number(f.bytes, at: fp["bytes"]),
                   f.rows == nil ? "–" : .number(f.rows, at: fp["rows"]), f.columns == nil ? "–" : .number(f.columns, at: fp["columns"])])
        }
        return t.markup
    }

    /// The leaves of a JSON value with their dotted names, objects in sorted key order.
    static func flatten(_ value: JSONValue, at path: JSONPath, prefix: String) -> [(String, JSONValue, JSONPath)] {
        switch value {
        case .object(let members):
            if members.isEmpty { return [(prefix.isEmpty ? "(none)" : prefix, value, path)] }
            return members.keys.sorted().flatMap { k in flatten(members[k]!, at: path[k], prefix: prefix.isEmpty ? k : prefix + "." + k) }
        case .array(let items) where items.contains(where: { if case .object = $0 { true } else { false } }):
            return items.enumerated().flatMap { i, v in flatten(v, at: path[i], prefix: prefix + "." + String(i)) }
        default:
            return [(prefix, value, path)]
        }
    }

    static func render(_ value: JSONValue, at path: JSONPath) -> Markup {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): .number(n, at: path)
        case .string(let s): "\(s)"
        case .array(let items): "[" + items.enumerated().map { render($1, at: path[$0]) }.joined(separator: ", ") + "]"
        case .object: "{}"
        }
    }

    static func specifications(_ report: EvaluationReport) -> Markup {
        let specs = report.evaluation.metricSpecifications
        guard !specs.isEmpty else { return .empty }
        var t = HTMLTable(["Figures", "Definition followed"], caption: "Metric definitions")
        for key in specs.keys.sorted() { t.row(["<code>\(key)</code>", "\(specs[key]!)"]) }
        return t.markup
    }
}

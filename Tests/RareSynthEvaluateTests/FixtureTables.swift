import FixtureSupport
import Foundation
import RareSynthEvaluate

/// Turns a fixture case's CSVs into ``MetricColumn``s the way `make_fixtures.py` (after
/// `peers/score.py`) hands them to SDMetrics.
///
/// pandas infers each real column's dtype (bool when every cell is a spelling of True/False,
/// float when every cell is a number, text otherwise) and `align` coerces the synthetic column to
/// it; datetimes are parsed with the metadata's `datetime_format`. Category labels must be equal
/// exactly when pandas' values are equal, so numbers are relabelled canonically (`4` and `4.0` are
/// one category) and booleans become `true`/`false`.
enum FixtureTables {
    struct Meta: Decodable {
        struct Column: Decodable {
            var sdtype: String
            var datetime_format: String?
        }
        var columns: [String: Column]
    }

    static func directory(_ name: String) throws -> URL {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return root.appendingPathComponent(name)
    }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// The real and synthetic columns of a case, in the real file's column order, without the
    /// columns SDMetrics does not score.
    static func load(case name: String) throws -> (real: [MetricColumn], synthetic: [MetricColumn]) {
        let (real, others) = try load(directory: try directory(name), reference: "real.csv", others: ["synthetic.csv"])
        return (real, others[0])
    }

    /// The columns of `reference` and of each file in `others` (coerced to the reference
    /// column's type, as `align` does), in the reference file's column order, without the columns
    /// SDMetrics does not score; a column absent from another file is all missing there.
    static func load(directory dir: URL, reference: String, others: [String]) throws -> (reference: [MetricColumn], others: [[MetricColumn]]) {
        let meta = try JSONDecoder().decode(Meta.self, from: Data(contentsOf: dir.appendingPathComponent("meta.json")))
        let base = FixtureCSV.parse(try read(dir.appendingPathComponent(reference)))
        let tables = try others.map { FixtureCSV.parse(try read(dir.appendingPathComponent($0))) }
        var baseColumns: [MetricColumn] = []
        var otherColumns = [[MetricColumn]](repeating: [], count: tables.count)
        for (j, name) in base.header.enumerated() {
            guard let column = meta.columns[name] else { continue }
            let kind: MetricColumnKind
            switch column.sdtype {
            case "numerical": kind = .numerical
            case "datetime": kind = .datetime
            case "categorical", "ordinal": kind = .categorical
            case "boolean": kind = .boolean
            default: continue  // id and other sdtypes: SDMetrics skips them
            }
            for (t, table) in tables.enumerated() {
                let cells = table.header.firstIndex(of: name).map { table.columns[$0] }
                    ?? Array(repeating: nil, count: table.columns.first?.count ?? 0)
                let (r, s) = convert(base.columns[j], cells, kind: kind, format: column.datetime_format)
                if t == 0 { baseColumns.append(MetricColumn(name: name, kind: kind, data: r)) }
                otherColumns[t].append(MetricColumn(name: name, kind: kind, data: s))
            }
        }
        return (baseColumns, otherColumns)
    }

    static func convert(_ real: [String?], _ synthetic: [String?], kind: MetricColumnKind,
                        format: String?) -> (MetricColumnData, MetricColumnData) {
        switch kind {
        case .datetime:
            let f = format ?? "%Y-%m-%d"
            return (.numerical(real.map { $0.flatMap { nanoseconds($0, format: f) } }),
                    .numerical(synthetic.map { $0.flatMap { nanoseconds($0, format: f) } }))
        case .numerical:
            // pd.to_numeric(errors='coerce'): unparsable text is missing.
            return (.numerical(real.map { $0.flatMap(number) }), .numerical(synthetic.map { $0.flatMap(number) }))
        case .categorical, .boolean:
            let present = real.compactMap { $0 }
            if !present.isEmpty && present.allSatisfy({ booleanSpellings[$0] != nil }) {
                // A bool column; `align` maps synthetic cells with lower() in (true, 1, 1.0).
                return (.categorical(real.map { $0.map { booleanSpellings[$0]! ? "true" : "false" } }),
                        .categorical(synthetic.map { $0.map {
                            ["true", "1", "1.0"].contains($0.trimmingCharacters(in: .whitespaces).lowercased()) ? "true" : "false"
                        } }))
            }
            if present.allSatisfy({ number($0) != nil }) {
                return (.categorical(real.map { $0.flatMap(number).map(label) }),
                        .categorical(synthetic.map { $0.flatMap(number).map(label) }))
            }
            return (.categorical(real), .categorical(synthetic))
        }
    }

    /// The spellings pandas' CSV reader turns into booleans.
    static let booleanSpellings: [String: Bool] = [
        "True": true, "TRUE": true, "true": true, "False": false, "FALSE": false, "false": false,
    ]

    static func number(_ text: String) -> Double? {
        Double(text.trimmingCharacters(in: .whitespaces)).flatMap { $0.isNaN ? nil : $0 }
    }

    /// One label per numeric value: pandas compares 4 and 4.0 as equal.
    static func label(_ v: Double) -> String {
        v == v.rounded() && Swift.abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    /// Nanoseconds since the Unix epoch for the `%Y-%m-%d[ %H:%M:%S]` formats the fixtures use;
    /// `nil` where pandas would fail.
    static func nanoseconds(_ text: String, format: String) -> Double? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" || $0 == "T" }).map { Int($0) }
        guard parts.count >= 3, let y = parts[0], let m = parts[1], let d = parts[2] else { return nil }
        var seconds = daysFromCivil(y, m, d) * 86_400
        if format.contains("%H"), parts.count >= 5 {
            seconds += (parts[3] ?? 0) * 3600 + (parts[4] ?? 0) * 60 + (parts.count > 5 ? parts[5] ?? 0 : 0)
        }
        return Double(seconds) * 1e9
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

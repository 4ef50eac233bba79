/// The inference summary as a fixed-width table for a terminal:
///
/// ```
/// column  type         missing  range / top values           notes
/// id      identifier      0.0%  418 distinct                 identifier, unique; regenerated
/// time    numerical       0.0%  41 – 4795
/// sex     categorical     0.0%  f (374), m (44)
/// ```
extension InferredSchema {
    public var summaryText: String {
        let header = ["column", "type", "missing", "range / top values", "notes"]
        let rows = summaries.map { s -> [String] in
            let missing = s.missingFraction * 100
            let missingText = missing > 0 && missing < 0.1 ? "<0.1%" : formatted(missing) + "%"
            return [Self.clip(s.name, 24), s.type.rawValue, missingText, Self.clip(Self.spread(s), 64),
                    s.notes.map(\.description).joined(separator: "; ")]
        }
        var widths = header.map(\.count)
        for row in rows { for k in 0..<4 { widths[k] = max(widths[k], row[k].count) } }
        func line(_ cells: [String]) -> String {
            var text = ""
            for k in 0..<4 {
                let cell = cells[k]
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                text += (k == 2 ? pad + cell : cell + pad) + "  "
            }
            text += cells[4]
            return String(text.reversed().drop(while: { $0 == " " }).reversed())
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// "low – high" for numbers and dates, "a (12), b (3), c (1), … (9)" for categories, a count for identifiers.
    private static func spread(_ s: ColumnSummary) -> String {
        if let low = s.lowest, let high = s.highest { return low == high ? low : "\(low) – \(high)" }
        if !s.topValues.isEmpty {
            return s.topValues.map { "\(clip($0.value, 14)) (\($0.count))" }.joined(separator: ", ")
                + (s.distinctCount > s.topValues.count ? ", … (\(s.distinctCount))" : "")
        }
        return s.distinctCount > 0 ? "\(s.distinctCount) distinct" : ""
    }

    private static func clip(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}

/// One decimal place without Foundation's formatter.
private func formatted(_ percent: Double) -> String {
    let tenths = Int((percent * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}

/// A data table: a header row, body rows, numeric columns right-aligned so digits line up.
///
/// Tables scroll sideways inside their own box on a narrow screen (the page never does) and
/// repeat their header on every printed page.
struct HTMLTable {
    struct Row {
        var cells: [Markup]
        /// `erased`, `issue`: highlights the row.
        var cssClass: String?
    }

    var header: [Markup]
    /// Indices of the columns holding numbers.
    var numeric: Set<Int>
    var caption: Markup?
    private(set) var rows: [Row] = []

    init(_ header: [Markup], numeric: Set<Int> = [], caption: Markup? = nil) {
        self.header = header
        self.numeric = numeric
        self.caption = caption
    }

    mutating func row(_ cells: [Markup], class cssClass: String? = nil) {
        rows.append(Row(cells: cells, cssClass: cssClass))
    }

    var isEmpty: Bool { rows.isEmpty }

    var markup: Markup {
        var out: Markup = "<div class=\"table-wrap\"><table>"
        if let caption { out += "<caption>\(caption)</caption>" }
        out += "<thead><tr>"
        for (j, h) in header.enumerated() { out += numeric.contains(j) ? "<th class=\"n\">\(h)</th>" : "<th>\(h)</th>" }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += row.cssClass.map { "<tr class=\"\($0)\">" } ?? "<tr>"
            for (j, c) in row.cells.enumerated() { out += numeric.contains(j) ? "<td class=\"n\">\(c)</td>" : "<td>\(c)</td>" }
            out += "</tr>"
        }
        return out + "</tbody></table></div>"
    }
}

/// A minimal CSV reader for the fixture files, kept apart from the library so the reference
/// comparisons do not depend on RareSynthTable's reader (itself under test). Shared by the test
/// targets through the `FixtureSupport` target, which no product links.
///
/// The fixtures are pandas `to_csv` output: comma-separated, a header row, `"` quoting with `""`
/// escapes, `\n` line ends. An empty cell is a missing value (`nil`), as in `peers/common.py`.
public enum FixtureCSV {
    /// The header and the columns (`columns[j][i]` is row `i` of column `j`).
    public static func parse(_ text: String) -> (header: [String], columns: [[String?]]) {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var inQuotes = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { cell.unicodeScalars.append("\""); chars.removeFirst() } else { inQuotes = false }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                row.append(cell); cell = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                row.append(cell); cell = ""
                rows.append(row); row = []
            } else {
                cell.unicodeScalars.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        guard let header = rows.first else { return ([], []) }
        var columns = [[String?]](repeating: [], count: header.count)
        for r in rows.dropFirst() {
            for j in header.indices {
                let v = j < r.count ? r[j] : ""
                columns[j].append(v.isEmpty ? nil : v)
            }
        }
        return (header, columns)
    }
}

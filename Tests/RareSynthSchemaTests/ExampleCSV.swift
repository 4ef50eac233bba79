import Foundation
import RareSynthTable

/// The R `survival` example files as tables, read with a deliberately tiny splitter so these tests do
/// not depend on the real CSV reader: split lines on commas, strip one pair of surrounding quotes,
/// empty cell = missing. Correct for these files only: none has a comma, quote or line break inside
/// a field (checked with Python's `csv` module when the files were added).
enum ExampleCSV {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")

    static func table(_ name: String) throws -> Table {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { field -> String? in
                var cell = Substring(field)
                if cell.hasSuffix("\r") { cell = cell.dropLast() }
                if cell.count >= 2, cell.first == "\"", cell.last == "\"" { cell = cell.dropFirst().dropLast() }
                return cell.isEmpty ? nil : String(cell)
            }
        }
        let header = lines.removeFirst().map { $0 ?? "" }
        var table = Table(columnNames: header)
        for line in lines { table.append(row: line) }
        return table
    }
}

/// A table from literal columns, for rule-by-rule tests.
func makeTable(_ columns: KeyValuePairs<String, [String?]>) -> Table {
    Table(columnNames: columns.map(\.key), columns: columns.map(\.value))
}

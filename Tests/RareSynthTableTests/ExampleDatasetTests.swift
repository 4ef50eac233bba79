import Testing
@testable import RareSynthTable

/// The real clinical datasets in Examples/ (R `survival` package exports) read with the expected
/// shapes. Counts are those of the R datasets (`dim(survival::pbc)` is 418 × 20, and so on).
@Suite struct ExampleDatasetTests {
    @Test(arguments: [
        ("pbc", 418, 20), ("pbcseq", 1945, 19), ("cgd", 203, 16), ("lung", 228, 10),
        ("colon", 1858, 16), ("nwtco", 4028, 9), ("veteran", 137, 8),
    ])
    func readsWithExpectedShape(_ name: String, _ rows: Int, _ columns: Int) throws {
        let table = try CSVReader.readTable(path: "\(examplesDirectory)/\(name).csv")
        #expect(table.rowCount == rows)
        #expect(table.columnCount == columns)
    }

    @Test func pbcHasEmptyCellsAsMissing() throws {
        let table = try CSVReader.readTable(path: "\(examplesDirectory)/pbc.csv")
        #expect(table.columnNames.first == "id")
        #expect(table.columnNames.contains("alk.phos"))
        // 106 of the 418 patients were not in the randomised trial: `trt` is missing for them.
        #expect(table[column: "trt"]?.filter { $0 == nil }.count == 106)
        #expect(table[column: "sex"]?.first == "f")
    }

    @Test func pbcRoundTripsThroughTheWriter() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let table = try CSVReader.readTable(path: "\(examplesDirectory)/pbc.csv")
        try CSVWriter().write(table, to: dir.path + "/pbc.csv")
        #expect(try CSVReader.readTable(path: dir.path + "/pbc.csv") == table)
    }
}

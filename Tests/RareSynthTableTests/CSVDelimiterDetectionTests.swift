import Testing
@testable import RareSynthTable

/// The delimiter rule in `CSVDelimiter.detect`: consistent per-line counts outside quotes.
@Suite struct CSVDelimiterDetectionTests {
    private func detect(_ text: String) throws -> CSVDelimiter {
        try CSVReader(text: text).delimiter
    }

    @Test func detectsCommaSemicolonAndTab() throws {
        #expect(try detect("a,b,c\n1,2,3\n") == .comma)
        #expect(try detect("a;b;c\n1;2;3\n") == .semicolon)
        #expect(try detect("a\tb\tc\n1\t2\t3\n") == .tab)
    }

    @Test func semicolonFileWithDecimalCommas() throws {
        // European spreadsheets: `;` between fields, `,` inside numbers. The header has no comma.
        let table = try CSVReader.readTable(text: "id;weight;height\n1;72,5;180\n2;61,25;165,5\n")
        #expect(table.columnNames == ["id", "weight", "height"])
        #expect(table.row(1) == ["2", "61,25", "165,5"])
    }

    @Test func tabFileWithCommasInText() throws {
        let table = try CSVReader.readTable(text: "id\tdiagnosis\n1\tfever, cough\n2\tnone\n")
        #expect(table.columnNames == ["id", "diagnosis"])
        #expect(table.row(0) == ["1", "fever, cough"])
    }

    @Test func delimitersInsideQuotesAreNotCounted() throws {
        #expect(try detect("\"a;x\",\"b;y\"\n\"1;2\",3\n") == .comma)
        #expect(try detect("\"a,b\";c\n\"1,2,3\";4\n") == .semicolon)
    }

    @Test func raggedSampleFallsBackToTheHeader() throws {
        #expect(try detect("a;b;c\n1;2;3;4\n1;2\n") == .semicolon)
    }

    @Test func singleColumnDefaultsToComma() throws {
        #expect(try detect("value\n1\n2\n") == .comma)
    }

    @Test func explicitDelimiterOverridesDetection() throws {
        let options = CSVOptions(delimiter: .semicolon)
        let table = try CSVReader.readTable(text: "a,b;c\n1,2;3\n", options: options)
        #expect(table.columnNames == ["a,b", "c"])
        #expect(table.row(0) == ["1,2", "3"])
    }

    @Test func tabDelimiterIsNotTrimmedAway() throws {
        let table = try CSVReader.readTable(text: "a\tb\tc\n1\t\t3\n")
        #expect(table.row(0) == ["1", nil, "3"])
    }
}

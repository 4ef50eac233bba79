import Testing
@testable import RareSynthTable

/// What the reader makes of well-formed input: quoting, line ends, missing values, trimming.
@Suite struct CSVReaderTests {
    @Test func readsHeaderAndRowsColumnByColumn() throws {
        let table = try CSVReader.readTable(text: "id,age,sex\n1,58.7,f\n2,56.4,m\n")
        #expect(table.columnNames == ["id", "age", "sex"])
        #expect(table.columns == [["1", "2"], ["58.7", "56.4"], ["f", "m"]])
    }

    @Test func headerOnlyIsAnEmptyTable() throws {
        let table = try CSVReader.readTable(text: "a,b\n")
        #expect(table.columnNames == ["a", "b"])
        #expect(table.rowCount == 0)
        #expect(try CSVReader.readTable(text: "a,b").columnNames == ["a", "b"])
    }

    @Test func skipsUTF8ByteOrderMark() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.file("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\n1,Zoë\n".utf8))
        let table = try CSVReader.readTable(path: path)
        #expect(table.columnNames == ["id", "name"])
        #expect(table.columns == [["1"], ["Zoë"]])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func acceptsEveryLineEnding(_ end: String) throws {
        var reader = try CSVReader(text: "a,b\(end)1,2\(end)3,4\(end)")
        #expect(try reader.nextRow() == ["1", "2"])
        #expect(reader.rowLine == 2)
        #expect(try reader.nextRow() == ["3", "4"])
        #expect(reader.rowLine == 3)
        #expect(try reader.nextRow() == nil)
    }

    @Test func lastLineWithoutLineEndAndTrailingEmptyField() throws {
        let table = try CSVReader.readTable(text: "a,b,c\n1,2,\n4,5,6")
        #expect(table.columns == [["1", "4"], ["2", "5"], [nil, "6"]])
    }

    @Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws {
        let text = "id,note\n1,\"a, b\"\n2,\"she said \"\"hi\"\"\"\n3,\"line one\nline two\"\n4,\"crlf\r\ninside\"\n"
        let table = try CSVReader.readTable(text: text)
        #expect(table[column: "note"] == ["a, b", "she said \"hi\"", "line one\nline two", "crlf\r\ninside"])
    }

    @Test func lineNumbersCountLineBreaksInsideQuotes() throws {
        var reader = try CSVReader(text: "a,b\n1,\"x\ny\nz\"\n2,w\n")
        _ = try reader.nextRow()
        #expect(reader.rowLine == 2)
        _ = try reader.nextRow()
        #expect(reader.rowLine == 5)
        #expect(reader.rowCount == 2)
    }

    @Test func defaultMissingTokensAreMissingOnlyUnquoted() throws {
        let table = try CSVReader.readTable(text: "v\n\nNA\nNaN\nNULL\n.\n\"NA\"\n\"\"\nna\n0\n")
        // Line 2 is blank and skipped; `na` is not a token (tokens are case-sensitive).
        #expect(table[column: "v"] == [nil, nil, nil, nil, "NA", nil, "na", "0"])
    }

    @Test func emptyCellsInTheMiddleAreMissing() throws {
        let table = try CSVReader.readTable(text: "a,b,c\n,2,\n")
        #expect(table.row(0) == [nil, "2", nil])
    }

    @Test func missingTokensAndQuotedEmptyAreConfigurable() throws {
        let options = CSVOptions(missingTokens: ["-999", ""], quotedEmptyIsMissing: false)
        let table = try CSVReader.readTable(text: "v,w\n-999,NA\n\"\",\n", options: options)
        #expect(table.columns == [[nil, ""], ["NA", nil]])
    }

    @Test func trimsBlanksAroundUnquotedFieldsAndQuotes() throws {
        let table = try CSVReader.readTable(text: "a , b\n  12.5 ,\t\" x \" \n NA , \n")
        #expect(table.columnNames == ["a", "b"])
        #expect(table.columns == [["12.5", nil], [" x ", nil]])
    }

    @Test func trimmingCanBeTurnedOff() throws {
        let options = CSVOptions(trimsWhitespace: false)
        let table = try CSVReader.readTable(text: "a,b\n 1 , NA\n", options: options)
        #expect(table.row(0) == [" 1 ", " NA"])
    }

    @Test func strayQuotesInUnquotedFieldsAreLiteral() throws {
        let table = try CSVReader.readTable(text: "h,n\n5\" tall,a\"b\"\n")
        #expect(table.row(0) == ["5\" tall", "a\"b\""])
    }

    @Test func textAfterAClosingQuoteIsAppended() throws {
        let table = try CSVReader.readTable(text: "a,b\n\"ab\"c,\"x\" \n")
        #expect(table.row(0) == ["abc", "x"])
    }

    @Test func blankLinesBetweenRecordsAreSkipped() throws {
        var reader = try CSVReader(text: "\na,b\n\n1,2\r\n\r\n3,4\n\n")
        #expect(reader.header == ["a", "b"])
        #expect(try reader.nextRow() == ["1", "2"])
        #expect(reader.rowLine == 4)
        #expect(try reader.nextRow() == ["3", "4"])
        #expect(reader.rowLine == 6)
        #expect(try reader.nextRow() == nil)
    }

    @Test func emptyColumnNamesAreGenerated() throws {
        // R's write.csv(row.names = TRUE) writes "" as the first header cell.
        let table = try CSVReader.readTable(text: "\"\",x,,unnamed_3\n1,2,3,4\n")
        #expect(table.columnNames == ["unnamed_1", "x", "unnamed_3_2", "unnamed_3"])
    }

    @Test func headerCellsAreNeverMissing() throws {
        let table = try CSVReader.readTable(text: "NA,NULL\n1,2\n")
        #expect(table.columnNames == ["NA", "NULL"])
    }

    @Test func forEachRowVisitsEveryRow() throws {
        var reader = try CSVReader(text: "a\n1\n2\n3\n")
        var seen: [String?] = []
        try reader.forEachRow { seen += $0 }
        #expect(seen == ["1", "2", "3"])
    }

    @Test func streamsAFileInSmallChunks() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var text = "id,note,value\n"
        for i in 0 ..< 500 { text += "\(i),\"note \(i), with \"\"quotes\"\"\nand a line\",\(Double(i) / 4)\r\n" }
        let path = try dir.file("big.csv", text)
        let whole = try CSVReader.readTable(path: path)
        #expect(whole.rowCount == 500)
        for chunk in [16, 17, 64, 1000] {
            let table = try CSVReader.readTable(path: path, options: CSVOptions(chunkSize: chunk))
            #expect(table == whole, "chunk size \(chunk)")
        }
        var reader = try CSVReader(path: path, options: CSVOptions(chunkSize: 16))
        while try reader.nextRow() != nil {}
        #expect(reader.rowLine == 2 + 499 * 2)
    }

    @Test func recordLongerThanTheChunkGrowsTheBuffer() throws {
        let long = String(repeating: "x", count: 10_000)
        let table = try CSVReader.readTable(text: "a,b\n\"\(long)\",1\n", options: CSVOptions(chunkSize: 16))
        #expect(table.row(0) == [long, "1"])
    }
}

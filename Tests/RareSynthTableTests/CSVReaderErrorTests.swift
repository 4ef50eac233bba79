import Testing
@testable import RareSynthTable

/// Every kind of bad input is a `DataError` that names the file, line and field a user must fix.
@Suite struct CSVReaderErrorTests {
    @Test func missingFileNamesThePath() throws {
        let error = #expect(throws: DataError.self) {
            try CSVReader.readTable(path: "/nonexistent/dir/labs.csv")
        }
        #expect(error?.file == "/nonexistent/dir/labs.csv")
        #expect(error?.message.contains("No such file") == true)
    }

    @Test func unreadableFileNamesThePath() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // A directory opens on Linux but cannot be read; permissions cannot be tested as root.
        let error = #expect(throws: DataError.self) { try CSVReader.readTable(path: dir.path) }
        #expect(error?.file == dir.path)
        #expect(error?.message.hasPrefix("cannot") == true)
    }

    @Test(arguments: ["", "\n\n", "\u{FEFF}", "\r\n"])
    func emptyFileHasNoHeader(_ text: String) throws {
        let error = #expect(throws: DataError.self) { try CSVReader.readTable(text: text, name: "empty.csv") }
        #expect(error?.file == "empty.csv")
        #expect(error?.message == "empty file: no header row")
    }

    @Test func raggedRowSaysExpectedAndFound() throws {
        let short = #expect(throws: DataError.self) {
            try CSVReader.readTable(text: "a,b,c\n1,2,3\n4,5\n", name: "r.csv")
        }
        #expect(short == DataError(file: "r.csv", line: 3, column: 3, "expected 3 fields, found 2"))
        let long = #expect(throws: DataError.self) {
            try CSVReader.readTable(text: "a,b\n1,2\n3,4\n5,6,7\n", name: "r.csv")
        }
        #expect(long == DataError(file: "r.csv", line: 4, column: 3, "expected 2 fields, found 3"))
        #expect(long?.description == "r.csv:4:3: expected 2 fields, found 3")
    }

    @Test func raggedRowAfterMultiLineQuoteHasThePhysicalLine() throws {
        let text = "id,note\n1,\"first\nsecond\r\nthird\"\n2,ok\n3\n"
        let error = #expect(throws: DataError.self) { try CSVReader.readTable(text: text) }
        #expect(error?.line == 6)
        #expect(error?.message == "expected 2 fields, found 1")
    }

    @Test func unterminatedQuoteNamesTheLineItOpened() throws {
        let text = "id,note\n1,ok\n2,\"never closed\n3,x\n4,y\n"
        let error = #expect(throws: DataError.self) { try CSVReader.readTable(text: text, name: "q.csv") }
        #expect(error?.file == "q.csv")
        #expect(error?.line == 3)
        #expect(error?.column == 2)
        #expect(error?.columnName == "note")
        #expect(error?.message.contains("unterminated") == true)
    }

    @Test func unterminatedQuoteIsFoundAcrossChunks() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.file("q.csv", "a,b\n1,2\n\"open" + String(repeating: "\nmore", count: 200))
        let error = #expect(throws: DataError.self) {
            try CSVReader.readTable(path: path, options: CSVOptions(chunkSize: 32))
        }
        #expect(error?.line == 3)
        #expect(error?.column == 1)
    }

    @Test func invalidUTF8NamesLineAndField() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bytes = Array("id,name\n1,ok\n2,".utf8) + [0x66, 0xC3, 0x28] + Array("\n".utf8)
        let path = try dir.file("latin.csv", bytes: bytes)
        let error = #expect(throws: DataError.self) { try CSVReader.readTable(path: path) }
        #expect(error?.file == path)
        #expect(error?.line == 3)
        #expect(error?.column == 2)
        #expect(error?.columnName == "name")
        #expect(error?.message.contains("UTF-8") == true)
    }

    @Test func invalidUTF8InAQuotedFieldAndInTheHeader() throws {
        let quoted = Array("a,b\n1,\"x\ny".utf8) + [0xFF] + Array("\"\n".utf8)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let quotedError = #expect(throws: DataError.self) {
            try CSVReader.readTable(path: try dir.file("q.csv", bytes: quoted))
        }
        #expect(quotedError?.line == 2)
        #expect(quotedError?.column == 2)
        let headerError = #expect(throws: DataError.self) {
            try CSVReader.readTable(path: try dir.file("h.csv", bytes: [0x61, 0x2C, 0x80, 0x0A]))
        }
        #expect(headerError?.line == 1)
        #expect(headerError?.column == 2)
    }

    @Test func duplicateColumnNamesNameBothPositions() throws {
        let error = #expect(throws: DataError.self) {
            try CSVReader.readTable(text: "id,age,sex,age\n1,2,3,4\n", name: "d.csv")
        }
        #expect(error?.file == "d.csv")
        #expect(error?.line == 1)
        #expect(error?.column == 4)
        #expect(error?.columnName == "age")
        #expect(error?.message == "duplicate column name 'age' in fields 2 and 4")
    }

    @Test func errorsStopTheStreamingReaderAtTheBadRow() throws {
        var reader = try CSVReader(text: "a,b\n1,2\n3\n")
        #expect(try reader.nextRow() == ["1", "2"])
        #expect(throws: DataError.self) { try reader.nextRow() }
    }
}

import Foundation
import Testing
@testable import RareSynth

/// Each bad input of issue 3: a clear error naming the file (and line and column where they
/// apply), and no output file left behind. Inputs that are odd but valid must synthesize.
@Suite struct BadInputTests {
    /// Runs `synthesize` on `csv` and returns the error; asserts that the output directory holds
    /// no file at all afterwards (not even a hidden temporary one).
    func failure(_ csv: String, conditions: [String] = [], schema: String? = nil,
                 bytes: [UInt8]? = nil) throws -> DataErrorOrOther {
        let dir = TestSupport.scratch("bad")
        defer { TestSupport.cleanUp(dir) }
        let input = "\(dir)/in.csv"
        if let bytes { _ = FileManager.default.createFile(atPath: input, contents: Data(bytes)) } else { TestSupport.write(csv, to: input) }
        var schemaPath: String?
        if let schema {
            schemaPath = "\(dir)/schema.json"
            TestSupport.write(schema, to: schemaPath!)
        }
        let out = "\(dir)/out"
        defer { #expect(TestSupport.files(in: out).isEmpty, "output left behind: \(TestSupport.files(in: out))") }
        do {
            _ = try Synthesis(input: input, outputDirectory: out, schemaPath: schemaPath,
                              conditions: try conditions.map(Condition.parse)).run()
        } catch let e as DataError {
            return .data(e)
        } catch {
            return .other(String(describing: error))
        }
        Issue.record("expected an error for \(csv.prefix(40).debugDescription)")
        return .other("")
    }

    enum DataErrorOrOther {
        case data(DataError)
        case other(String)

        var text: String {
            switch self {
            case let .data(e): e.description
            case let .other(s): s
            }
        }
        var error: DataError? { if case let .data(e) = self { e } else { nil } }
    }

    @Test func emptyFile() throws {
        let e = try failure("")
        #expect(e.error?.file?.hasSuffix("in.csv") == true)
    }

    @Test func headerOnly() throws {
        let e = try failure("a,b,c\n")
        #expect(e.text.contains("no data rows"))
    }

    @Test func raggedRow() throws {
        let e = try #require(try failure("a,b,c\n1,2,3\n4,5\n").error)
        #expect(e.line == 3)
        #expect(e.message.contains("3") && e.message.contains("2"))
    }

    @Test func unterminatedQuote() throws {
        let e = try #require(try failure("a,b\n1,\"open\n2,3\n").error)
        #expect(e.line == 2)
    }

    @Test func invalidUTF8() throws {
        let e = try #require(try failure("", bytes: Array("a,b\n1,".utf8) + [0xC3, 0x28] + Array("\n".utf8)).error)
        #expect(e.line == 2 && e.column == 2)
    }

    @Test func duplicateColumnNames() throws {
        let e = try failure("a,b,a\n1,2,3\n")
        #expect(e.text.contains("a"))
        #expect(e.error?.line == 1)
    }

    @Test func mixedDateFormats() throws {
        let rows = (1...20).map { "2020-01-\(String(format: "%02d", $0)),\($0)" } + ["03/15/2020,21"]
        let e = try #require(try failure("when,x\n" + rows.joined(separator: "\n") + "\n").error)
        #expect(e.columnName == "when")
        #expect(e.line == 22)
    }

    @Test func unknownColumnInACondition() throws {
        let e = try failure("a,b\n1,x\n2,y\n3,x\n", conditions: ["nope=1"])
        #expect(e.text.contains("nope"))
    }

    @Test func impossibleConditions() throws {
        #expect(try failure("a,b\n1,x\n2,y\n3,x\n", conditions: ["b=z"]).text.contains("categories are"))
        #expect(try failure("a,b\n1,x\n2,y\n3,x\n4,x\n5,y\n6,y\n7,x\n8,x\n9,y\n10,x\n11,y\n12,x\n", conditions: ["a>=100"]).text.contains("a"))
    }

    @Test func schemaThatNamesAMissingColumn() throws {
        let schema = #"{"version": 1, "columns": [{"name": "a", "type": "numerical"}, {"name": "zzz", "type": "categorical"}]}"#
        let e = try failure("a\n1\n2\n", schema: schema)
        #expect(e.text.contains("zzz"))
    }

    @Test func unwritableOutputPath() throws {
        let dir = TestSupport.scratch("unwritable")
        defer { TestSupport.cleanUp(dir) }
        TestSupport.write("x", to: "\(dir)/file")
        // A regular file where a directory should be.
        #expect(throws: DataError.self) {
            try Synthesis(input: TestSupport.example("veteran.csv"), outputDirectory: "\(dir)/file/out").run()
        }
        #expect(TestSupport.files(in: dir) == ["file"])
    }

    // MARK: odd but valid

    func synthesizes(_ csv: String, rows: Int? = nil, score: Bool = true) throws -> Table {
        let dir = TestSupport.scratch("odd")
        defer { TestSupport.cleanUp(dir) }
        TestSupport.write(csv, to: "\(dir)/in.csv")
        let result = try Synthesis(input: "\(dir)/in.csv", outputDirectory: "\(dir)/out", rows: rows, score: score).run()
        return try CSVReader.readTable(path: result.dataPath)
    }

    @Test func allMissingColumnStaysMissing() throws {
        let out = try synthesizes("a,b\n1,\n2,\n3,NA\n4,\n5,\n6,\n")
        #expect(out[column: "b"]!.allSatisfy { $0 == nil })
        #expect(out.rowCount == 6)
    }

    @Test func singleRow() throws {
        let out = try synthesizes("age,sex\n61,f\n", rows: 5)
        #expect(out[column: "age"]! == Array(repeating: "61", count: 5))
    }

    @Test func constantColumn() throws {
        let out = try synthesizes("k,x\n7,1.5\n7,2.5\n7,3.5\n7,1.0\n7,2.0\n7,3.0\n")
        #expect(out[column: "k"]!.allSatisfy { $0 == "7" })
    }

    @Test func tenThousandCategories() throws {
        var csv = "code,v\n"
        for i in 0..<10_000 { csv += "c\(i % 10_000)x,\(i % 7)\n" }
        // Sampling is what this checks; the evaluation of 10,000 labels takes minutes in a debug build.
        let out = try synthesizes(csv, score: false)
        #expect(out.rowCount == 10_000)
    }
}

@Suite struct ErrorLineTests {
    @Test func linesCountTheRecordsThatSpanSeveralLines() throws {
        // Row 2 has a quoted note over three lines, and a blank line follows: the bad cell of the
        // third row sits on line 7 of the file, not on line 4.
        let dir = TestSupport.scratch("lines")
        defer { TestSupport.cleanUp(dir) }
        let csv = "age,note\n61,plain\n62,\"first\nsecond\nthird\"\n\n6x3,bad\n"
        TestSupport.write(csv, to: "\(dir)/in.csv")
        let table = try CSVReader.readTable(path: "\(dir)/in.csv")
        #expect(table.line(ofRow: 2) == 7)
        let schema = Schema(columns: [ColumnSchema(name: "age", type: .numerical, integer: true),
                                      ColumnSchema(name: "note", type: .categorical)])
        #expect { try schema.validate(table, file: "in.csv") } throws: { ($0 as? DataError)?.line == 7 }
        #expect { try TableTransformer.fit(table, schema: schema, file: "in.csv") } throws: { ($0 as? DataError)?.line == 7 }
    }
}

@Suite struct DateErrorLineTests {
    @Test func mixedDateFormatsNameThePhysicalLine() throws {
        // Header on line 1, a quoted note over lines 2–3, 19 rows on lines 4–22: the bad date of the
        // last row (data row 21) is on line 23, not on row + 2 = 22.
        var csv = "when,note\n2020-01-01,\"two\nlines\"\n"
        for day in 2...20 { csv += "2020-01-\(day < 10 ? "0" : "")\(day),x\n" }
        csv += "03/15/2020,y\n"
        let table = try CSVReader.readTable(text: csv, name: "in.csv")
        #expect { try SchemaInference().infer(table, file: "in.csv") } throws: { ($0 as? DataError)?.line == 23 }
    }
}

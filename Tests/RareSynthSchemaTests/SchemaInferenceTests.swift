import RareSynthTable
import Testing
@testable import RareSynthSchema

/// One test per inference rule (see `SchemaInference`), on small literal columns.
@Suite struct SchemaInferenceTests {
    private func infer(_ name: String, _ cells: [String?]) throws -> (ColumnSchema, ColumnSummary) {
        let result = try SchemaInference().infer(makeTable([name: cells]))
        return (result.schema.columns[0], result.summaries[0])
    }

    private func repeating(_ values: [String?], _ times: Int) -> [String?] {
        Array((0..<times).map { _ in values }.joined())
    }

    @Test func allMissingIsCategoricalAndFlagged() throws {
        let (column, summary) = try infer("x", [nil, nil, nil])
        #expect(column == ColumnSchema(name: "x", type: .categorical))
        #expect(summary.notes == [.allMissing])
        #expect(summary.missingFraction == 1)
    }

    @Test(arguments: ["id", "ID", "seqno", "pid", "mrn", "patient_id", "patientid", "case_id", "case.id",
                      "subjectId", "Subject ID"])
    func identifierByName(name: String) throws {
        let (column, _) = try infer(name, ["7", "8", "9"])
        #expect(column.type == .identifier)
        #expect(column.onOutput == .regenerate)
        #expect(column.repeated == false)
    }

    @Test(arguments: ["idx", "valid", "paid", "width"])
    func namesThatOnlyContainIdAreNotIdentifiers(name: String) throws {
        #expect(try infer(name, repeating(["1", "2"], 30)).0.type != .identifier)
    }

    @Test func repeatedIdentifier() throws {
        let (column, summary) = try infer("id", ["1", "1", "2", "3", "3", "3"])
        #expect(column.repeated == true)
        #expect(summary.notes == [.identifier(distinct: 3, maxRowsPerValue: 3)])
    }

    @Test func uniqueIntegersWithAnIdLikeNameAreIdentifiers() throws {
        let values = (1...50).map { String($0 * 7) as String? }
        #expect(try infer("patient_no", values).0.type == .identifier)
        #expect(try infer("subject", values).0.type == .identifier)
        #expect(try infer("weight", values).0.type == .numerical)
    }

    @Test func codeShapedUniqueTextIsAnIdentifier() throws {
        let codes = (1...20).map { "P-\(1000 + $0 * 37)X" as String? }
        let (column, _) = try infer("ref", codes)
        #expect(column.type == .identifier)
        #expect(column.repeated == false)
        // Repeats are allowed when the name sounds like an id.
        #expect(try infer("sample", codes + codes).0 == ColumnSchema(name: "sample", type: .identifier,
                                                                      onOutput: .regenerate, repeated: true))
        // Too few rows for uniqueness to mean anything.
        #expect(try infer("ref", Array(codes.prefix(4))).0.type == .categorical)
        // Different lengths: not one code shape.
        #expect(try infer("ref", codes + ["P-1X"]).0.type != .identifier)
    }

    @Test(arguments: [
        ("first_name", PIIKind.name), ("lastName", .name), ("surname", .name), ("Patient Name", .name), ("name", .name),
        ("email", .email), ("e-mail", .email), ("E_Mail", .email), ("phone", .phone), ("tel", .phone),
        ("mobile", .phone), ("telephone_number", .phone), ("address", .address), ("street", .address),
        ("city", .address), ("zip", .address), ("postcode", .address), ("ssn", .recordNumber),
        ("nhs_number", .recordNumber), ("medical_record", .recordNumber),
    ])
    func piiByName(name: String, kind: PIIKind) throws {
        let (column, summary) = try infer(name, ["a", "b", "a"])
        #expect(column == ColumnSchema(name: name, type: .pii, onOutput: .regenerate, piiKind: kind))
        #expect(summary.notes == [.pii(kind, byName: true)])
    }

    @Test(arguments: ["drug_name", "mobility", "cell_type", "telomere", "hospital", "nameless"])
    func wordsInsideOtherWordsAreNotPII(name: String) throws {
        #expect(try infer(name, repeating(["a", "b"], 10)).0.type == .categorical)
    }

    @Test func piiByContent() throws {
        let emails = (1...30).map { "person\($0)@clinic.example.org" as String? }
        #expect(try infer("contact", emails).0.piiKind == .email)
        let phones = (1...30).map { "+44 20 7946 \(1000 + $0)" as String? }
        #expect(try infer("contact", phones).0.piiKind == .phone)
        let firsts = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald"]
        let lasts = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth"]
        let people = firsts.flatMap { f in lasts.map { "\(f) \($0)" as String? } }
        let (column, summary) = try infer("contact", people)
        #expect(column.piiKind == .name)
        #expect(summary.notes == [.pii(.name, byName: false)])
        let notes = (1...30).map { "patient reported mild pain on day \($0) after the dose" as String? }
        #expect(try infer("remarks", notes).0.piiKind == .freeText)
    }

    /// Capitalised pairs with few distinct values are places or labels, not people (`cgd$center`).
    @Test func lowCardinalityCapitalisedPairsAreCategories() throws {
        let (column, _) = try infer("center", repeating(["Scripps Institute", "Harvard Medical"], 20))
        #expect(column.type == .categorical)
    }

    @Test func constantColumn() throws {
        let (column, summary) = try infer("study", ["1", "1", nil, "1"])
        #expect(column.type == .categorical)
        #expect(summary.notes == [.constant("1")])
        #expect(try infer("site", ["A", "A"]).1.notes == [.constant("A")])
    }

    @Test(arguments: [(["TRUE", "FALSE"], ["FALSE", "TRUE"]), (["yes", "no"], ["no", "yes"]), (["Y", "N"], ["N", "Y"]),
                      (["T", "F"], ["F", "T"]), (["True", "False"], ["False", "True"])])
    func booleanPairs(values: [String], tokens: [String]) throws {
        let (column, _) = try infer("flag", repeating(values, 10))
        #expect(column == ColumnSchema(name: "flag", type: .boolean, booleanTokens: tokens))
    }

    @Test func zeroOneAndMismatchedPairsAreNotBoolean() throws {
        #expect(try infer("flag", repeating(["0", "1"], 10)).0.type == .categorical)
        #expect(try infer("flag", repeating(["TRUE", "no"], 10)).0.type == .categorical)
    }

    /// SDV's threshold: at most min(10, round(rows / 10)) distinct numbers are codes.
    @Test func fewDistinctNumbersAreCategories() throws {
        let stage = (0..<100).map { String($0 % 4 + 1) as String? }
        let (column, summary) = try infer("stage", stage)
        #expect(column.type == .categorical)
        #expect(summary.notes == [.numericCodes])
        #expect(try infer("edema", repeating(["0", "0.5", "1"], 20)).0.type == .categorical)
        // 11 distinct values exceed the cap of 10 ...
        #expect(try infer("score", (0..<200).map { String($0 % 11) }).0.type == .numerical)
        // ... and with 30 rows the cap is round(3) = 3, so 4 distinct values are numbers.
        #expect(try infer("score", (0..<30).map { String($0 % 4) }).0.type == .numerical)
        // round half to even, as Python's round(): 25 rows → cap 2.
        #expect(try infer("score", (0..<25).map { String($0 % 3) }).0.type == .numerical)
        #expect(try infer("score", (0..<25).map { String($0 % 2) }).0.type == .categorical)
    }

    @Test func numericalFacts() throws {
        let (column, summary) = try infer("bili", ["0.3", "14.5", "1.25", nil, "28", "1e-3", ".5", "-2"]
            + (0..<20).map { "\($0).\($0)" })
        #expect(column == ColumnSchema(name: "bili", type: .numerical, integer: false, decimals: 3,
                                       minimum: -2, maximum: 28))
        #expect(summary.lowest == "-2")
        #expect(summary.highest == "28")
        let ages = (0..<40).map { String(20 + $0 * 3) as String? }
        #expect(try infer("age", ages).0 == ColumnSchema(name: "age", type: .numerical, integer: true,
                                                        minimum: 20, maximum: 137))
    }

    @Test func leadingZerosAndNonNumbersStayText() throws {
        let zips = (0..<30).map { "0\(2100 + $0)" as String? }
        #expect(try infer("code", zips).0.type == .identifier) // unique 5-digit codes, id-like name
        #expect(try infer("area", repeating(["02139", "02140"], 20)).0.type == .categorical)
        #expect(try infer("x", repeating(["1", "2", "NA"], 20)).0.type == .categorical)
        #expect(try infer("x", repeating(["1,5", "2,5"], 20)).0.type == .categorical)
    }

    @Test func datetimeColumns() throws {
        let (column, summary) = try infer("visit", ["2020-01-31", nil, "2019-12-01", "2021-06-15"])
        #expect(column == ColumnSchema(name: "visit", type: .datetime, format: "%Y-%m-%d"))
        #expect(summary.lowest == "2019-12-01")
        #expect(summary.highest == "2021-06-15")
        #expect(try infer("visit_date", ["20200131", "20191201"]).0.format == "%Y%m%d")
        #expect(try infer("amount", (0..<40).map { String(20_200_101 + $0 * 37) }).0.type == .numerical)
        let ambiguous = try infer("seen", ["01/02/2020", "03/04/2020"])
        #expect(ambiguous.1.notes == [.ambiguousDayMonth(format: "%m/%d/%Y")])
    }

    @Test func mixedDateFormatsThrowWithFileLineAndColumn() throws {
        let table = makeTable(["id": ["1", "2", "3", "4"], "dx": ["2020-01-31", "2020-02-01", "03/02/2020", "2020-02-05"]])
        let error = try #require(throws: DataError.self) { try SchemaInference().infer(table, file: "d.csv") }
        #expect(error.file == "d.csv")
        #expect(error.line == 4)
        #expect(error.column == 2)
        #expect(error.columnName == "dx")
        #expect(error.description.hasPrefix("d.csv:4:2 (column 'dx'): mixed date formats"))
    }

    @Test func mostlyDatesIsNotedAndKeptAsText() throws {
        let (column, summary) = try infer("visit", ["2020-01-31", "2020-02-01", "n/a", "2020-02-05"])
        #expect(column.type == .categorical)
        #expect(summary.notes == [.notAllDates(format: "%Y-%m-%d", row: 3, value: "n/a")])
    }

    @Test func highCardinalityTextIsFlagged() throws {
        let values = (0..<100).map { "item\($0 % 60)x" as String? } // repeats, so not an identifier
        let (column, summary) = try infer("label", values)
        #expect(column.type == .categorical)
        #expect(summary.notes == [.highCardinality(distinct: 60)])
        #expect(try infer("label", repeating(["a", "b", "c"], 30)).1.notes.isEmpty)
    }

    @Test func topValuesAreByCountThenFirstAppearance() throws {
        let (_, summary) = try infer("c", ["b", "a", "c", "a", "b", "d", "e", "f", "g", "h", "i", "j", "k", "l"])
        #expect(summary.topValues == [ValueCount("b", 2), ValueCount("a", 2), ValueCount("c", 1)])
        #expect(summary.distinctCount == 12)
    }

    @Test func emptyTable() throws {
        let result = try SchemaInference().infer(Table(columnNames: ["a"]))
        #expect(result.schema.columns == [ColumnSchema(name: "a", type: .categorical)])
        #expect(result.summaries[0].notes == [.allMissing])
        #expect(result.summaryText.contains("all missing"))
    }
}

import Testing
@testable import RareSynthEvaluate

/// The DiagnosticReport's rules that the clinical fixtures do not reach, on hand-made tables. The
/// expected values follow the SDMetrics 0.32.0 source and were confirmed by running SDMetrics
/// 0.32.0 on the same in-memory data (single_table.DiagnosticReport and the metrics' `compute`).
@Suite struct DiagnosticEdgeTests {
    @Test func boundaryAdherenceNullableRule() {
        // Real has a missing value: the missing synthetic value is dropped; 2 of the 3 kept are in range.
        #expect(BoundaryAdherence.compute(real: [1, nil, 5], synthetic: [1, 6, nil, 5]) == 2.0 / 3)
        // Real has none: a missing synthetic value is invalid.
        #expect(BoundaryAdherence.compute(real: [1, 5], synthetic: [1, 6, nil, 5]) == 0.5)
        #expect(BoundaryAdherence.compute(real: [1, nil], synthetic: [nil]) == nil)
        #expect(BoundaryAdherence.compute(real: [nil], synthetic: [1, 2]) == 0)
        #expect(BoundaryAdherence.compute(real: [1, 5], synthetic: [0, 9], rangeMin: 0, rangeMax: 10) == 1)
    }

    @Test func categoryAdherenceKeepsMissingRows() {
        #expect(CategoryAdherence.compute(real: ["a", "b"], synthetic: ["a", "c", nil, "b"]) == 0.5)
        #expect(CategoryAdherence.compute(real: ["a", nil], synthetic: ["a", "c", nil, "b"]) == 0.5)
        #expect(CategoryAdherence.compute(real: ["a"], synthetic: ["b", nil], rangeValues: ["b", nil]) == 1)
        #expect(CategoryAdherence.compute(real: ["a"], synthetic: []) == nil)
    }

    @Test func keyUniquenessCountsRepeatsAndMissingKeys() {
        // Second "a", the first all-missing row and its repeat are bad: 1 − 3/5.
        #expect(KeyUniqueness.compute(synthetic: [["a", "a", nil, nil, "b"]]) == 1 - 3.0 / 5)
        // Composite: a row is missing only when every part is.
        #expect(KeyUniqueness.compute(synthetic: [["1", "1", nil, nil], ["x", "y", "x", nil]]) == 0.75)
    }

    @Test func tableStructureIsAJaccardIndexOfNameAndDtype() {
        let real = (0..<10).map { DiagnosticTable.StorageColumn(name: "c\($0)", dtype: .int64) }
        var synthetic = real
        synthetic[3].dtype = .float64
        #expect(TableStructure.compute(real: real, synthetic: synthetic) == 9.0 / 11)
        #expect(TableStructure.compute(real: [], synthetic: []) == nil)
    }

    @Test func csvDtypeInference() {
        #expect(PandasDType.inferred(fromCSVCells: ["1", "+2", "-3"]) == .int64)
        #expect(PandasDType.inferred(fromCSVCells: ["1", nil]) == .float64)
        #expect(PandasDType.inferred(fromCSVCells: ["1.5", "2", ".5", "1e3"]) == .float64)
        #expect(PandasDType.inferred(fromCSVCells: ["True", "false"]) == .bool)
        #expect(PandasDType.inferred(fromCSVCells: ["True", nil]) == .object)
        #expect(PandasDType.inferred(fromCSVCells: [nil, nil]) == .float64)
        #expect(PandasDType.inferred(fromCSVCells: []) == .object)
        #expect(PandasDType.inferred(fromCSVCells: ["nan", "1"]) == .object)
        #expect(PandasDType.datetime64ns.description == "datetime64[ns]")
    }

    /// Which metric runs where: composite key first, numerical key keeps BoundaryAdherence,
    /// alternate id key, plain id skipped, sequence index skipped, formats only when given.
    @Test func metricDispatch() {
        let metadata = DiagnosticMetadata(
            columns: [.init(name: "k1", sdtype: .id), .init(name: "k2", sdtype: .numerical),
                      .init(name: "alt", sdtype: .id), .init(name: "plain", sdtype: .id),
                      .init(name: "mail", sdtype: .other("email")),
                      .init(name: "t", sdtype: .datetime, datetimeFormat: "%Y-%m-%d"),
                      .init(name: "u", sdtype: .datetime), .init(name: "seq", sdtype: .numerical),
                      .init(name: "flag", sdtype: .boolean)],
            primaryKey: ["k1", "k2"], alternateKeys: ["alt", "mail"], sequenceIndex: "seq")
        let tasks = DiagnosticReport.validityTasks(metadata).map { ($0.0, $0.1) }
        let expected: [([String], ValidityMetric)] = [
            (["k1", "k2"], .keyUniqueness), (["k2"], .boundaryAdherence), (["alt"], .keyUniqueness),
            (["mail"], .keyUniqueness), (["t"], .boundaryAdherence), (["t"], .datetimeFormatAdherence),
            (["u"], .boundaryAdherence), (["flag"], .categoryAdherence),
        ]
        #expect(tasks.map(\.0) == expected.map(\.0))
        #expect(tasks.map(\.1) == expected.map(\.1))
    }

    @Test func typedDatetimesSkipTheFormatCheck() throws {
        let day = 86_400e9
        let metadata = DiagnosticMetadata(columns: [.init(name: "t", sdtype: .datetime, datetimeFormat: "%Y-%m-%d")])
        let real = DiagnosticTable(columns: [.datetime("t", nanosecondsSinceEpoch: [0, 10 * day])],
                                   storage: [.init(name: "t", dtype: .datetime64ns)])
        let synthetic = DiagnosticTable(columns: [.datetime("t", nanosecondsSinceEpoch: [day, 11 * day])],
                                        storage: [.init(name: "t", dtype: .datetime64ns)])
        let report = DiagnosticReport.compute(real: real, synthetic: synthetic, metadata: metadata)
        #expect(report.validityDetails.map(\.score) == [0.5, nil])
        #expect(report.validityDetails.allSatisfy { $0.error == nil })
        #expect(report.dataValidity == 0.5 && report.dataStructure == 1 && report.overall == 0.75)
    }

    @Test func unparsableRealDatetimesCompareAsText() throws {
        let metadata = DiagnosticMetadata(columns: [.init(name: "t", sdtype: .datetime, datetimeFormat: "%Y-%m-%d")])
        func table(_ text: [String?]) -> DiagnosticTable {
            DiagnosticTable(columns: [], storage: [.init(name: "t", dtype: .object)], datetimeText: ["t": text])
        }
        // The real column does not parse: nothing is converted; bounds are the strings "2001-01-01"
        // and "2001/05/05", and "2001-02-01" lies between them by code point.
        let report = DiagnosticReport.compute(real: table(["2001-01-01", "2001/05/05"]),
                                              synthetic: table(["2001-02-01", "2002-01-01", "1999-01-01"]), metadata: metadata)
        #expect(report.validityDetails[0].score == 1.0 / 3)
        #expect(report.validityDetails[1].score == 1)
        #expect(report.dataStructure == 1)
        // The real column parses, the synthetic one does not: BoundaryAdherence is an error.
        let mixed = DiagnosticReport.compute(real: table(["2001-01-01", nil]), synthetic: table(["2001/01/01", nil]),
                                             metadata: metadata)
        #expect(mixed.validityDetails[0].error == .unparsedSyntheticDatetime(column: "t"))
        #expect(mixed.validityDetails[1].score == 0.5)
        #expect(mixed.dataStructure == 0)  // {(t, datetime64[ns])} vs {(t, object)}
    }
}

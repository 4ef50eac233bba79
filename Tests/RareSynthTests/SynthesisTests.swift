import Foundation
import Testing
@testable import RareSynth

/// End to end on the bundled real data (pbc: Mayo Clinic PBC trial, from R `survival`).
@Suite(.serialized) struct SynthesisTests {
    @Test func synthesizesPBCWithHighFidelityAndNoCopiedIdentifiers() throws {
        let dir = TestSupport.scratch("pbc")
        defer { TestSupport.cleanUp(dir) }
        let result = try Synthesis(input: TestSupport.example("pbc.csv"), outputDirectory: dir, seed: 1).run()
        #expect(TestSupport.files(in: dir) == ["model.json", "quality.json", "report.html", "report.json", "schema.json",
                                             "synthetic.csv", "synthetic.csv.provenance.json"])
        let real = try CSVReader.readTable(path: TestSupport.example("pbc.csv"))
        let synthetic = try CSVReader.readTable(path: result.dataPath)
        #expect(synthetic.columnNames == real.columnNames)
        #expect(synthetic.rowCount == real.rowCount)
        // Identifiers are regenerated, never copied.
        let realIDs = Set(real[column: "id"]!.compactMap { $0 })
        #expect(synthetic[column: "id"]!.allSatisfy { $0 != nil && !realIDs.contains($0!) })
        // SDV's GaussianCopula scores 0.744 on pbc with the same metric (shared/peers README).
        let quality = try #require(result.quality?.overall)
        #expect(quality > 0.8)
        // The missing share of trt (106 of 418 not randomised) survives within sampling error.
        let missing = Double(synthetic[column: "trt"]!.filter { $0 == nil }.count) / Double(synthetic.rowCount)
        #expect(abs(missing - 106.0 / 418) < 0.07)
        // No synthetic row equals a real row on the modelled columns.
        let modelled = real.columnNames.filter { $0 != "id" }
        let realRows = Set((0..<real.rowCount).map { real.selecting(modelled).row($0).map { $0 ?? "" } })
        let copies = (0..<synthetic.rowCount).filter { realRows.contains(synthetic.selecting(modelled).row($0).map { $0 ?? "" }) }
        #expect(copies.isEmpty)
    }

    @Test func sameSeedGivesByteIdenticalFilesOnOneAndTwoThreads() throws {
        let a = TestSupport.scratch("det-a"), b = TestSupport.scratch("det-b")
        defer { TestSupport.cleanUp(a); TestSupport.cleanUp(b) }
        let before = Parallel.threadCount
        defer { Parallel.threadCount = before }
        Parallel.threadCount = 1
        _ = try Synthesis(input: TestSupport.example("cgd.csv"), outputDirectory: a, rows: 5_000, seed: 9, score: false).run()
        Parallel.threadCount = 2
        _ = try Synthesis(input: TestSupport.example("cgd.csv"), outputDirectory: b, rows: 5_000, seed: 9, score: false).run()
        for file in ["synthetic.csv", "model.json", "schema.json"] {
            #expect(TestSupport.bytes("\(a)/\(file)") == TestSupport.bytes("\(b)/\(file)"), "\(file) differs")
        }
    }

    @Test func savedModelSamplesTheSameRowsAsTheFittedOne() throws {
        let dir = TestSupport.scratch("save")
        defer { TestSupport.cleanUp(dir) }
        let table = try CSVReader.readTable(path: TestSupport.example("veteran.csv"))
        let schema = try SchemaInference().infer(table).schema
        let model = try ModelFile.fit(table, schema: schema)
        try model.save(to: "\(dir)/m.json")
        let loaded = try ModelFile.load(path: "\(dir)/m.json")
        #expect(loaded == model)
        #expect(try loaded.sample(SampleOptions(rows: 50, seed: 3)) == model.sample(SampleOptions(rows: 50, seed: 3)))
    }

    @Test func conditionsAndRebalancingAreMetExactly() throws {
        let table = try CSVReader.readTable(path: TestSupport.example("pbc.csv"))
        let schema = try SchemaInference().infer(table).schema
        let model = try ModelFile.fit(table, schema: schema)
        let conditioned = try model.sample(SampleOptions(rows: 300, seed: 1, conditions: [
            Condition.parse("sex=m"), Condition.parse("age>=60"), Condition.parse("stage>=3"),
        ]))
        #expect(conditioned.rowCount == 300)
        #expect(conditioned[column: "sex"]!.allSatisfy { $0 == "m" })
        #expect(conditioned[column: "age"]!.allSatisfy { Double($0!)! >= 60 })
        #expect(conditioned[column: "stage"]!.allSatisfy { Double($0!)! >= 3 })
        let balanced = try model.sample(SampleOptions(rows: 301, seed: 2, rebalance: "edema"))
        let counts = Dictionary(grouping: balanced[column: "edema"]!.compactMap { $0 }, by: { $0 }).mapValues(\.count)
        #expect(counts.count == 3)
        #expect(counts.values.max()! - counts.values.min()! <= 1)
        let missingCopper = try model.sample(SampleOptions(rows: 20, seed: 3, conditions: [Condition.parse("copper=NA")]))
        #expect(missingCopper[column: "copper"]!.allSatisfy { $0 == nil })
    }

    @Test func aCSVOfConditionsGivesOneRowPerConditionRow() throws {
        let dir = TestSupport.scratch("cond")
        defer { TestSupport.cleanUp(dir) }
        TestSupport.write("sex,stage\nf,1\nm,\nf,4\n", to: "\(dir)/c.csv")
        let table = try CSVReader.readTable(path: TestSupport.example("pbc.csv"))
        let model = try ModelFile.fit(table, schema: try SchemaInference().infer(table).schema)
        let out = try model.sample(SampleOptions(rows: 0, seed: 1, conditionRows: try CSVReader.readTable(path: "\(dir)/c.csv")))
        #expect(out[column: "sex"]! == ["f", "m", "f"])
        #expect(out[column: "stage"]![0] == "1" && out[column: "stage"]![2] == "4")
    }

    @Test func constraintsInTheSchemaHoldOnEveryRow() throws {
        let table = try CSVReader.readTable(path: TestSupport.example("pbc.csv"))
        var schema = try SchemaInference().infer(table).schema
        schema.constraints = [.valueInequality(column: "time", op: .greaterThan, value: "100"),
                              .columnInequality(left: "ast", op: .greaterOrEqual, right: "albumin"),
                              .fixedCombinations(columns: ["ascites", "hepato"])]
        // pbc has times below 100 days: the constraint must be refused with the line that breaks it.
        #expect(throws: DataError.self) { try ModelFile.fit(table, schema: schema) }
        schema.constraints[0] = .valueInequality(column: "time", op: .greaterThan, value: "0")
        let model = try ModelFile.fit(table, schema: schema)
        let out = try model.sample(SampleOptions(rows: 2_000, seed: 4))
        #expect(out[column: "time"]!.allSatisfy { Double($0!)! > 0 })
        for (ast, albumin) in zip(out[column: "ast"]!, out[column: "albumin"]!) {
            if let ast, let albumin { #expect(Double(ast)! >= Double(albumin)!) }
        }
        let seen = Set(zip(table[column: "ascites"]!, table[column: "hepato"]!).map { "\($0 ?? "NA")|\($1 ?? "NA")" })
        for pair in zip(out[column: "ascites"]!, out[column: "hepato"]!) { #expect(seen.contains("\(pair.0 ?? "NA")|\(pair.1 ?? "NA")")) }
    }
}

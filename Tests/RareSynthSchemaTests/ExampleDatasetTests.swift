import RareSynthTable
import Testing
@testable import RareSynthSchema

/// Inference on the real `survival` datasets (see `Examples/`). The expected roles come from the R
/// package's help pages (`?pbc`, `?cgd`, `?colon`, `?nwtco`): `id`/`seqno` identify patients,
/// `status`/`sex`/`stage` are codes, `time`/`age`/lab values are measurements, `cgd$random` is the
/// randomisation date.
@Suite struct ExampleDatasetTests {
    private func inferred(_ file: String) throws -> InferredSchema {
        try SchemaInference().infer(try ExampleCSV.table(file), file: file)
    }

    private func types(_ schema: Schema, _ names: [String]) -> [ColumnType?] { names.map { schema[$0]?.type } }

    @Test func pbc() throws {
        let result = try inferred("pbc.csv")
        let schema = result.schema
        #expect(schema.columns.count == 20)
        #expect(schema["id"]?.type == .identifier)
        #expect(schema["id"]?.repeated == false)
        #expect(schema["id"]?.onOutput == .regenerate)
        let numerical = ["time", "age", "bili", "chol", "albumin", "copper", "alk.phos", "ast", "trig", "platelet",
                         "protime"]
        #expect(types(schema, numerical) == Array(repeating: .numerical, count: numerical.count))
        let categorical = ["status", "trt", "sex", "ascites", "hepato", "spiders", "edema", "stage"]
        #expect(types(schema, categorical) == Array(repeating: .categorical, count: categorical.count))

        #expect(schema["time"] == ColumnSchema(name: "time", type: .numerical, integer: true, minimum: 41, maximum: 4795))
        #expect(schema["albumin"]?.decimals == 2)
        #expect(schema["alk.phos"]?.integer == false)
        #expect(schema["alk.phos"]?.decimals == 1)
        #expect(schema["age"]?.minimum == 26.2778918548939)
        // 106 patients were not randomised: trt and several labs are missing for them (`?pbc`).
        #expect(result["trt"]?.missingCount == 106)
        #expect(result["status"]?.topValues == [ValueCount("0", 232), ValueCount("2", 161), ValueCount("1", 25)])
        #expect(result["edema"]?.notes == [.numericCodes])
    }

    @Test func cgd() throws {
        let result = try inferred("cgd.csv")
        let schema = result.schema
        #expect(schema["id"]?.type == .identifier)
        #expect(schema["id"]?.repeated == true)
        #expect(schema["random"]?.type == .datetime)
        #expect(schema["random"]?.format == "%Y-%m-%d")
        #expect(result["random"]?.lowest == "1989-06-07")
        #expect(result["random"]?.highest == "1989-12-29")
        #expect(types(schema, ["center", "treat", "sex", "inherit", "hos.cat", "status"])
            == Array(repeating: .categorical, count: 6))
        #expect(types(schema, ["age", "height", "weight", "tstart", "tstop"]) == Array(repeating: .numerical, count: 5))
        #expect(result["id"]?.notes == [.identifier(distinct: 128, maxRowsPerValue: 8)])
    }

    @Test func colon() throws {
        let result = try inferred("colon.csv")
        #expect(result.schema["id"]?.type == .identifier)
        #expect(result.schema["id"]?.repeated == true)
        #expect(result["study"]?.notes == [.constant("1")]) // every patient is in study 1
        #expect(result.schema["time"]?.type == .numerical)
        #expect(result.schema["rx"]?.type == .categorical)
    }

    @Test func nwtcoAndVeteran() throws {
        let nwtco = try inferred("nwtco.csv").schema
        #expect(nwtco["seqno"]?.type == .identifier)
        #expect(nwtco["in.subcohort"] == ColumnSchema(name: "in.subcohort", type: .boolean,
                                                     booleanTokens: ["FALSE", "TRUE"]))
        #expect(nwtco["edrel"]?.type == .numerical)
        let veteran = try inferred("veteran.csv").schema
        #expect(types(veteran, ["trt", "celltype", "status", "prior"]) == Array(repeating: .categorical, count: 4))
        #expect(types(veteran, ["time", "karno", "diagtime", "age"]) == Array(repeating: .numerical, count: 4))
    }

    /// Every example validates against its own inferred schema, and the schema survives JSON.
    @Test(arguments: ["pbc.csv", "cgd.csv", "colon.csv", "lung.csv", "nwtco.csv", "veteran.csv", "pbcseq.csv"])
    func validatesAgainstItsOwnSchemaAndRoundTrips(file: String) throws {
        let table = try ExampleCSV.table(file)
        let schema = try SchemaInference().infer(table, file: file).schema
        try schema.validate(table, file: file)
        #expect(try Schema(json: try schema.jsonData()) == schema)
    }

    @Test func summaryTextOfPBC() throws {
        let text = try inferred("pbc.csv").summaryText
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 21)
        #expect(lines[0].hasPrefix("column    type         missing  range / top values"))
        #expect(lines[1] == "id        identifier      0.0%  418 distinct"
            + String(repeating: " ", count: 25) + "identifier, unique; regenerated")
        #expect(lines[2] == "time      numerical       0.0%  41 – 4795")
        #expect(lines[4].hasPrefix("trt       categorical    25.4%  1 (158), 2 (154)"))
        #expect(lines[6] == "sex       categorical     0.0%  f (374), m (44)")
    }
}

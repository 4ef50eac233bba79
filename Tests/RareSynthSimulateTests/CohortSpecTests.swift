import Foundation
import Testing
@testable import RareSynthSimulate

/// Reading specs: the bundled ones are valid, and every kind of mistake is an error that names
/// the line, column and key path before anything is drawn.
@Suite struct CohortSpecTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A small valid spec; tests replace one line of it.
    static let base = """
    version: 1
    name: Test cohort
    references:
      a: Author A. A paper. 2020.
    population:
      index_date: 2023-12-31
      birth_year: {distribution: uniform, min: 1950, max: 2020}
      sex: {female: 0.5, male: 0.5}
    disease:
      name: Test disease
      onset_age: {distribution: uniform, min: 0, max: 10}
    mortality:
      annual_hazard_by_age:
        - {from: 0, to: 20, value: 0.01}
        - {from: 20, value: 0.05}
    parameters:
      - {name: x, distribution: normal, mean: 10, sd: 2}
      - {name: y, distribution: lognormal, median: 5, gsd: 1.5}
    correlations:
      - {between: [x, y], value: 0.5, refs: [a]}
    """

    func error(_ text: String) -> CohortSpecError? {
        do {
            _ = try CohortSpec.parse(text, file: "t.yaml")
            return nil
        } catch let error as CohortSpecError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.base.contains(old), "no '\(old)' in the base spec")
        return Self.base.replacingOccurrences(of: old, with: new)
    }

    @Test func bundledSpecsAreValid() throws {
        let dir = Self.root + "/specs"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            let spec = try CohortSpec.load(path: "\(dir)/\(file)")
            #expect(!spec.references.isEmpty, "\(file) cites nothing")
        }
        // A US-only code goes under icd10cm, so that FHIR names ICD-10-CM as its system.
        let dmd = try CohortSpec.load(path: "\(dir)/duchenne-muscular-dystrophy.yaml")
        #expect(dmd.disease.codes.icd10cm == "G71.01" && dmd.disease.codes.icd10 == nil)
    }

    @Test func aValidSpecReadsAsWritten() throws {
        let spec = try CohortSpec.parse(Self.base)
        #expect(spec.population.sex.labels == ["female", "male"])
        #expect(spec.population.race.labels == ["unknown"])
        #expect(spec.parameters.map(\.name) == ["x", "y"])
        #expect(spec.correlation[0, 1] == 0.5 && spec.correlation[1, 0] == 0.5)
        #expect(spec.mortality.starts == [0, 20] && spec.mortality.hazards == [0.01, 0.05])
        #expect(spec.disease.diagnosisDelay.family == .constant(0))
    }

    @Test func jsonIsReadToo() throws {
        let json = """
        {"name": "J", "population": {"index_date": "2020-01-01", "birth_year": {"distribution": "uniform", "min": 1990, "max": 2000},
         "sex": {"male": 1}}, "disease": {"name": "D", "onset_age": {"distribution": "constant", "value": 2}}}
        """
        let spec = try CohortSpec.parse(json)
        #expect(spec.name == "J" && spec.disease.onsetAge.family == .constant(2))
    }

    @Test func mistakesNameTheirPlace() {
        let cases: [(text: String, line: Int, path: String, says: String)] = [
            (replacing("mortality:", "mortalty:"), 12, "mortalty", "unknown key"),
            (replacing("sex: {female: 0.5, male: 0.5}", "sex: {female: 0.5, male: 0.6}"), 8, "population.sex", "sum to 1.1"),
            (replacing("sex: {female: 0.5, male: 0.5}", "sex: {female: 0.5, male: 0.5, other: 0}"), 8, "population.sex.other", "unknown category"),
            (replacing("value: 0.5, refs: [a]", "value: 0.5, refs: [b]"), 20, "correlations[0].refs[0]", "unknown reference 'b'"),
            (replacing("min: 0, max: 10", "min: 10, max: 0"), 11, "disease.onset_age", "must be below"),
            (replacing("{from: 20, value: 0.05}", "{from: 25, value: 0.05}"), 15, "mortality.annual_hazard_by_age[1].from", "contiguous"),
            (replacing("mean: 10, sd: 2", "mean: 10, sd: -2"), 17, "parameters[0].sd", "positive"),
            (replacing("mean: 10, sd: 2", "mean: ten, sd: 2"), 17, "parameters[0].mean", "expected a number"),
            (replacing("mean: 10, sd: 2", "mean: 10"), 17, "parameters[0]", "takes 'mean, sd'"),
            (replacing("distribution: normal", "distribution: normall"), 17, "parameters[0].distribution", "unknown distribution"),
            (replacing("between: [x, y]", "between: [x, z]"), 20, "correlations[0].between[1]", "no parameter named 'z'"),
            (replacing("index_date: 2023-12-31", "index_date: 2023-02-30"), 6, "population.index_date", "YYYY-MM-DD"),
            (replacing("name: Test cohort", "name: [Test cohort"), 0, "", "not valid YAML"),
            (replacing("  birth_year: {distribution: uniform, min: 1950, max: 2020}\n", ""), 6, "population",
             "expected birth_year (a prevalent cohort) or diagnosis_year"),
            (replacing("  birth_year: {distribution: uniform, min: 1950, max: 2020}\n",
                       "  birth_year: {distribution: uniform, min: 1950, max: 2020}\n  diagnosis_year: {distribution: uniform, min: 2019, max: 2023}\n"),
             8, "population.diagnosis_year", "not both"),
            (replacing("birth_year: {distribution: uniform, min: 1950, max: 2020}", "diagnosis_year: {distribution: uniform, min: 2024, max: 2025}"),
             7, "population.diagnosis_year", "every diagnosis falls after the index date"),
        ]
        for c in cases {
            guard let e = error(c.text) else {
                Issue.record("no error for '\(c.path)'")
                continue
            }
            #expect(e.file == "t.yaml")
            #expect(c.line == 0 ? e.line != nil : e.line == c.line, "\(e)")
            #expect(e.keyPath == c.path, "\(e)")
            #expect(e.description.contains(c.says), "\(e)")
        }
    }

    @Test func correlationsThatNoDistributionHasAreRejected() {
        let text = replacing("  - {name: y, distribution: lognormal, median: 5, gsd: 1.5}",
                             "  - {name: y, distribution: lognormal, median: 5, gsd: 1.5}\n  - {name: z, distribution: uniform, min: 0, max: 1}")
            .replacingOccurrences(of: "  - {between: [x, y], value: 0.5, refs: [a]}",
                                  with: "  - {between: [x, y], value: 0.9}\n  - {between: [x, z], value: 0.9}\n  - {between: [y, z], value: -0.9}")
        let e = error(text)
        #expect(e?.keyPath == "correlations")
        #expect(e?.description.contains("positive definite") == true, "\(String(describing: e))")
    }

    @Test func durationsCannotBeNegative() {
        let e = error(replacing("onset_age: {distribution: uniform, min: 0, max: 10}", "onset_age: {distribution: normal, mean: 5, sd: 2}"))
        #expect(e?.keyPath == "disease.onset_age")
        #expect(e?.description.contains("negative") == true, "\(String(describing: e))")
    }

    @Test func durationsAreConvertedToYears() throws {
        let spec = try CohortSpec.parse(replacing("onset_age: {distribution: uniform, min: 0, max: 10}",
                                                  "onset_age: {distribution: uniform, min: 0, max: 24, unit: months}"))
        #expect(spec.disease.onsetAge.family == .uniform(lower: 0, upper: 2))
        let days = try CohortSpec.parse(replacing("onset_age: {distribution: uniform, min: 0, max: 10}",
                                                  "onset_age: {distribution: exponential, mean: 365.2425, unit: days}"))
        #expect(days.disease.onsetAge.family == .exponential(mean: 1))
    }
}

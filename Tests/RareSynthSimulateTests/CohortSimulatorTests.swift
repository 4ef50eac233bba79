import Foundation
import RareSynthNumerics
import RareSynthTable
import Testing
@testable import RareSynthSimulate

/// The cohort reproduces its spec: marginals, bounds, correlations and death rates by age band
/// agree with the spec within sampling error (4 standard errors), and patient i depends only on
/// (seed, i).
@Suite struct CohortSimulatorTests {
    static let spec = try! CohortSpec.parse("""
    name: Check cohort
    population:
      index_date: 2023-12-31
      birth_year: {distribution: uniform, min: 1940, max: 2022}
      sex: {female: 0.3, male: 0.7}
      race: {white: 0.6, black: 0.3, asian: 0.1}
      ethnicity: {hispanic: 0.2, not_hispanic: 0.8}
    disease:
      name: Check disease
      onset_age: {distribution: gamma, shape: 2, scale: 3}
      diagnosis_delay: {distribution: exponential, mean: 6, unit: months}
    mortality:
      annual_hazard_by_age:
        - {from: 0, to: 20, value: 0.005}
        - {from: 20, to: 50, value: 0.02}
        - {from: 50, value: 0.08}
    parameters:
      - {name: a, distribution: normal, mean: 100, sd: 15, decimals: 3}
      - {name: b, distribution: lognormal, median: 8, gsd: 2, min: 1, max: 60, decimals: 3}
      - {name: c, distribution: uniform, min: 0, max: 1, decimals: 4, missing: 0.25}
    correlations:
      - {between: [a, b], value: 0.6}
      - {between: [a, c], value: -0.3}
    """)

    static let n = 20_000
    static let cohort: [SimulatedPatient] = try! CohortSimulator(spec: spec, seed: 5).patients(0..<n)

    func withinSE(_ observed: Double, _ expected: Double, se: Double, _ label: String) {
        #expect(abs(observed - expected) <= 4 * se, "\(label): \(observed) vs \(expected) (se \(se))")
    }

    @Test func categoriesFollowTheirShares() {
        let n = Double(Self.n)
        for (k, p) in Self.spec.population.sex.probabilities.enumerated() {
            withinSE(Double(Self.cohort.filter { $0.sex == k }.count) / n, p, se: (p * (1 - p) / n).squareRoot(), "sex \(k)")
        }
        for (k, p) in Self.spec.population.race.probabilities.enumerated() {
            withinSE(Double(Self.cohort.filter { $0.race == k }.count) / n, p, se: (p * (1 - p) / n).squareRoot(), "race \(k)")
        }
    }

    @Test func datesAreInOrderAndDiagnosisIsByTheIndexDate() {
        let index = Self.spec.population.indexDate
        for p in Self.cohort {
            #expect(p.birthDate <= p.onsetDate && p.onsetDate <= p.diagnosisDate && p.diagnosisDate <= index)
            if let death = p.deathDate { #expect(death >= p.diagnosisDate && death <= index) }
        }
    }

    /// Occurrence/exposure: deaths in a band over the person-years at risk in it (from diagnosis
    /// to death or the index date), which estimates the band's hazard without bias under the
    /// cohort's delayed entry; its standard error is √deaths / person-years.
    @Test func deathRatesByAgeBandMatchTheHazards() {
        let m = Self.spec.mortality
        let ends = Array(m.starts.dropFirst()) + [Double.infinity]
        var deaths = [Double](repeating: 0, count: ends.count), exposure = deaths
        let year = CivilDate.daysPerYear
        for p in Self.cohort {
            let entry = Double(p.diagnosisDate - p.birthDate) / year
            let exit = Double((p.deathDate ?? Self.spec.population.indexDate) - p.birthDate) / year
            for k in ends.indices {
                exposure[k] += Swift.max(0, Swift.min(exit, ends[k]) - Swift.max(entry, m.starts[k]))
                if p.deathDate != nil && exit >= m.starts[k] && exit < ends[k] { deaths[k] += 1 }
            }
        }
        for k in ends.indices {
            #expect(deaths[k] > 30, "band \(k) has too few deaths to test")
            withinSE(deaths[k] / exposure[k], m.hazards[k], se: deaths[k].squareRoot() / exposure[k], "hazard band \(k)")
        }
    }

    @Test func parametersFollowTheirDistributionsBoundsAndMissingShare() {
        let a = Self.cohort.compactMap { $0.parameters[0] }, b = Self.cohort.compactMap { $0.parameters[1] }
        let n = Double(a.count)
        let mean = a.reduce(0, +) / n
        let sd = (a.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        withinSE(mean, 100, se: 15 / n.squareRoot(), "mean of a")
        withinSE(sd, 15, se: 15 / (2 * n).squareRoot(), "sd of a")
        #expect(b.allSatisfy { (1...60).contains($0) })
        let bDist = Self.spec.parameters[1].distribution
        let p = bDist.cdf(8)
        withinSE(Double(b.filter { $0 <= 8 }.count) / n, p, se: (p * (1 - p) / n).squareRoot(), "P(b ≤ 8)")
        let missing = Double(Self.cohort.filter { $0.parameters[2] == nil }.count) / Double(Self.n)
        withinSE(missing, 0.25, se: (0.25 * 0.75 / Double(Self.n)).squareRoot(), "missing share of c")
    }

    /// The copula's correlation of the normal scores Φ⁻¹(F(x)) is the spec's; Fisher's z has
    /// standard error 1/√(n − 3).
    @Test func normalScoresCarryTheSpecCorrelations() {
        let rows = Self.cohort.filter { $0.parameters.allSatisfy { $0 != nil } }
        func scores(_ j: Int) -> [Double] {
            let d = Self.spec.parameters[j].distribution
            return rows.map { SpecialFunctions.normalQuantile(Swift.min(Swift.max(d.cdf($0.parameters[j]!), 1e-12), 1 - 1e-12)) }
        }
        func correlation(_ x: [Double], _ y: [Double]) -> Double {
            let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
            var sxy = 0.0, sxx = 0.0, syy = 0.0
            for (u, v) in zip(x, y) { sxy += (u - mx) * (v - my); sxx += (u - mx) * (u - mx); syy += (v - my) * (v - my) }
            return sxy / (sxx * syy).squareRoot()
        }
        let (sa, sb, sc) = (scores(0), scores(1), scores(2))
        let se = 1 / Double(rows.count - 3).squareRoot()
        withinSE(atanh(correlation(sa, sb)), atanh(0.6), se: se, "z(a, b)")
        withinSE(atanh(correlation(sa, sc)), atanh(-0.3), se: se, "z(a, c)")
        withinSE(atanh(correlation(sb, sc)), 0, se: se, "z(b, c)")
    }

    /// An incident cohort (diagnosis_year): every diagnosis in the window, spread as drawn, and
    /// the age at diagnosis distributed as onset_age + diagnosis_delay, with nothing lost to the
    /// index date (a prevalent cohort keeps the younger ages of late births only).
    @Test func anIncidentCohortKeepsItsAgesAndItsDiagnosisWindow() throws {
        let text = """
        name: Incident cohort
        population:
          index_date: 2023-12-31
          diagnosis_year: {distribution: uniform, min: 2019, max: 2023.5}
          sex: {female: 0.5, male: 0.5}
        disease:
          name: Check disease
          onset_age: {distribution: normal, mean: 67, sd: 12, min: 18, max: 100}
          diagnosis_delay: {distribution: constant, value: 30, unit: days}
        mortality:
          annual_hazard_by_age:
            - {from: 0, value: 0.3}
        """
        let spec = try CohortSpec.parse(text)
        let n = 10_000
        let cohort = try CohortSimulator(spec: spec, seed: 9).patients(0..<n)
        let start = CivilDate.day(year: 2019, month: 1, day: 1)!, end = CivilDate.day(year: 2023, month: 7, day: 2)!
        #expect(cohort.allSatisfy { $0.diagnosisDate >= start && $0.diagnosisDate <= end })
        #expect(cohort.allSatisfy { $0.birthDate <= $0.onsetDate && $0.onsetDate < $0.diagnosisDate })
        let ages = cohort.map { Double($0.diagnosisDate - $0.birthDate) / CivilDate.daysPerYear }
        let onset = try #require(ValueDistribution(.normal(mean: 67, standardDeviation: 12), lower: 18, upper: 100))
        var mean = 0.0, second = 0.0
        for i in 0..<200_000 { let x = onset.value(forUniform: (Double(i) + 0.5) / 200_000); mean += x; second += x * x }
        mean /= 200_000
        let sd = (second / 200_000 - mean * mean).squareRoot()
        withinSE(ages.reduce(0, +) / Double(n), mean + 30 / CivilDate.daysPerYear, se: sd / Double(n).squareRoot(), "mean age at diagnosis")
        let years = cohort.map { Double($0.diagnosisDate - start) / Double(end - start) }
        withinSE(years.reduce(0, +) / Double(n), 0.5, se: (1.0 / 12 / Double(n)).squareRoot(), "mean position in the window")
        withinSE(Double(years.filter { $0 < 0.25 }.count) / Double(n), 0.25, se: (0.25 * 0.75 / Double(n)).squareRoot(), "first quarter")
    }

    @Test func aPatientDependsOnlyOnSeedAndIndex() throws {
        let simulator = try CohortSimulator(spec: Self.spec, seed: 5)
        #expect(try simulator.patients(0..<500, threads: 1) == Array(Self.cohort[0..<500]))
        #expect(try simulator.patients(300..<700, threads: 2) == Array(Self.cohort[300..<700]))
        #expect(try simulator.patient(12_345) == Self.cohort[12_345])
        let other = try CohortSimulator(spec: Self.spec, seed: 6)
        #expect(try other.patients(0..<50) != Array(Self.cohort[0..<50]))
    }

    @Test func theCSVIsTheSameWhateverTheThreadsAndAPrefixOfALongerRun() throws {
        let dir = NSTemporaryDirectory() + "raresynth-simulate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let simulator = try CohortSimulator(spec: Self.spec, seed: 5)
        try CohortCSVWriter.write(simulator, patients: 20_000, to: "\(dir)/one.csv", threads: 1)
        try CohortCSVWriter.write(simulator, patients: 20_000, to: "\(dir)/two.csv", threads: 2)
        try CohortCSVWriter.write(simulator, patients: 20_500, to: "\(dir)/long.csv", threads: 2)
        let one = try #require(FileManager.default.contents(atPath: "\(dir)/one.csv"))
        #expect(one == FileManager.default.contents(atPath: "\(dir)/two.csv"))
        let long = try #require(FileManager.default.contents(atPath: "\(dir)/long.csv"))
        #expect(long.prefix(one.count) == one)
        // Read back with the project's CSV reader: one row per patient, dates and numbers as written.
        let table = try CSVReader.readTable(path: "\(dir)/one.csv")
        #expect(table.rowCount == 20_000)
        #expect(table.columnNames == ["person_id", "sex", "race", "ethnicity", "birth_date", "onset_date", "diagnosis_date",
                                      "death_date", "cause_of_death", "a", "b", "c"])
        let p = Self.cohort[7]
        let row = table.columns.map { $0[7] }
        #expect(row[4] == CivilDate.iso(p.birthDate) && row[9].flatMap(Double.init) == p.parameters[0])
        #expect((row[7] == nil) == (p.deathDate == nil))
    }
}

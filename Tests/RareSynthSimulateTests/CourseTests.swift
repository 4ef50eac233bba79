import Foundation
import RareSynthNumerics
import RareSynthTable
import Testing
@testable import RareSynthSimulate

/// The longitudinal course: the state machine is checked on reading (names, reachability, dead
/// ends, loops without a wait, probabilities), and simulated courses follow it: transition
/// shares, waits, guards, death events and the measurements' autocorrelation.
@Suite struct CourseTests {
    static let text = """
    name: Course check
    population:
      index_date: 2023-12-31
      birth_year: {distribution: uniform, min: 1940, max: 2000}
      sex: {female: 0.5, male: 0.5}
    disease:
      name: D
      onset_age: {distribution: uniform, min: 0, max: 20}
    parameters:
      - {name: x, distribution: normal, mean: 50, sd: 10, decimals: 4, autocorrelation: 0.9}
    course:
      start: first
      states:
        first:
          events: [{visit: outpatient}, {measure: x}]
          next: routine
        routine:
          wait: {distribution: constant, value: 0.25}
          events: [{visit: outpatient}, {measure: x}]
          next:
            - {to: flare, probability: 0.2}
            - {to: routine, probability: 0.8}
        flare:
          events:
            - {visit: inpatient, length: {distribution: constant, value: 5, unit: days}}
            - {condition: {name: Flare, codes: {snomed: "12345"}}}
            - {drug: {name: Drug A, codes: {rxnorm: "678"}}, duration: {distribution: constant, value: 14, unit: days}}
          next:
            - when: {age: {min: 60}, sex: male}
              to: dies
            - to: routine
        dies:
          events: [{death: {cause: {name: Fatal flare}}}]
    """

    static let spec = try! CohortSpec.parse(text)
    static let cohort = try! CohortSimulator(spec: spec, seed: 3).patients(0..<4000)

    func error(_ old: String, _ new: String) -> CohortSpecError? {
        precondition(Self.text.contains(old), "no '\(old)'")
        do {
            _ = try CohortSpec.parse(Self.text.replacingOccurrences(of: old, with: new), file: "c.yaml")
            return nil
        } catch let e as CohortSpecError {
            return e
        } catch {
            return nil
        }
    }

    @Test func mistakesInTheStateMachineNameTheirPlace() {
        let cases: [(old: String, new: String, path: String, says: String)] = [
            ("next: routine", "next: routin", "course.states.first.next", "no state named 'routin'"),
            ("{to: flare, probability: 0.2}", "{to: flare, probability: 0.3}", "course.states.routine.next", "sum to 1.1"),
            ("      next: routine\n", "      end: true\n", "course.states.routine", "cannot be reached"),
            ("        - to: routine\n", "", "course.states.flare.next[0]", "the last branch must have no 'when'"),
            ("      events: [{death: {cause: {name: Fatal flare}}}]", "      events: [{visit: outpatient}]",
             "course.states.dies", "dead end"),
            ("      wait: {distribution: constant, value: 0.25}\n", "", "course.states", "loop without any wait"),
            ("[{visit: outpatient}, {measure: x}]\n      next: routine", "[{visit: outpatient, measure: x}]\n      next: routine",
             "course.states.first.events[0]", "got visit and measure"),
            ("{measure: x}]\n      next: routine", "{measure: y}]\n      next: routine", "course.states.first.events[1].measure",
             "no parameter named 'y'"),
            ("when: {age: {min: 60}, sex: male}", "when: {age: {min: 60}, sex: man}", "course.states.flare.next[0].when.sex",
             "no sex 'man'"),
            ("{visit: inpatient, length", "{visit: hospital, length", "course.states.flare.events[0].visit", "expected outpatient"),
        ]
        for c in cases {
            guard let e = error(c.old, c.new) else {
                Issue.record("no error for \(c.path)")
                continue
            }
            #expect(e.keyPath == c.path, "\(e)")
            #expect(e.description.contains(c.says), "\(e)")
            #expect(e.line != nil, "\(e)")
        }
    }

    @Test func eventsStayBetweenDiagnosisAndDeathOrTheIndexDate() {
        let index = Self.spec.population.indexDate
        for p in Self.cohort {
            let end = p.deathDate ?? index
            #expect(!p.events.isEmpty)
            for e in p.events {
                #expect(e.date >= p.diagnosisDate && e.date <= end)
                switch e.kind {
                case let .visit(_, endDate), let .drug(_, endDate): #expect(endDate >= e.date && endDate <= end)
                default: break
                }
            }
            #expect(zip(p.events, p.events.dropFirst()).allSatisfy { $0.date <= $1.date })
        }
    }

    /// Each routine visit is followed, the same day, by a flare with probability 0.2; routine
    /// visits are a quarter of a year apart (91 or 92 days after rounding to days).
    @Test func transitionsAndWaitsFollowTheSpec() {
        var routine = 0, flares = 0
        for p in Self.cohort {
            let outpatient = p.events.filter { if case .visit(.outpatient, _) = $0.kind { return true } else { return false } }
            routine += outpatient.count - 1
            flares += p.events.filter { if case .condition = $0.kind { return true } else { return false } }.count
            for (a, b) in zip(outpatient.dropFirst(), outpatient.dropFirst(2)) {
                let gap = b.date - a.date
                #expect(gap == 91 || gap == 92, "gap \(gap)")
            }
        }
        let share = Double(flares) / Double(routine)
        #expect(abs(share - 0.2) < 4 * (0.2 * 0.8 / Double(routine)).squareRoot(), "\(share) of \(routine)")
    }

    /// Men aged 60 or more die at a flare, with its cause; nobody else dies (no mortality hazard).
    @Test func guardsDecideAndDeathEndsTheCourse() throws {
        let male = Self.spec.population.sex.labels.firstIndex(of: "male")!
        var deaths = 0
        for p in Self.cohort {
            guard let death = p.deathDate else { continue }
            deaths += 1
            #expect(p.sex == male)
            #expect(Double(death - p.birthDate) / CivilDate.daysPerYear >= 60 - 1e-9)
            #expect(p.causeOfDeath.map { Self.spec.course!.concepts[$0].name } == "Fatal flare")
            let flare = p.events.last { if case .condition = $0.kind { return true } else { return false } }
            #expect(flare?.date == death)
        }
        #expect(deaths > 100)
    }

    /// Successive values' normal scores have the parameter's autocorrelation (Fisher z, 4 SE).
    @Test func repeatedMeasurementsHaveTheirAutocorrelation() {
        var x: [Double] = [], y: [Double] = []
        for p in Self.cohort {
            let values = p.events.compactMap { e -> Double? in
                if case let .measurement(_, v) = e.kind { return (v - 50) / 10 } else { return nil }
            }
            for (a, b) in zip(values, values.dropFirst()) { x.append(a); y.append(b) }
        }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
        let r = sxy / (sxx * syy).squareRoot()
        #expect(abs(atanh(r) - atanh(0.9)) < 4 / (n - 3).squareRoot(), "r = \(r) over \(x.count) pairs")
    }

    @Test func aStaticSpecIsUnchangedByTheCourseMachinery() throws {
        // The course draws come after every baseline draw, so a patient's baseline does not depend on its course.
        var noCourse = Self.spec
        noCourse.course = nil
        let a = try CohortSimulator(spec: noCourse, seed: 3).patient(17), b = Self.cohort[17]
        #expect(a.birthDate == b.birthDate && a.diagnosisDate == b.diagnosisDate && a.parameters == b.parameters)
        #expect(a.events.isEmpty)
    }
}

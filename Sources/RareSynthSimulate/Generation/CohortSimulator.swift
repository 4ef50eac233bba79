import RareSynthTable
import Foundation
import RareSynthNumerics

/// One simulated patient: demographics, the disease's dates and the clinical values at diagnosis.
/// Dates are days since 1970-01-01; categories index the spec's labels.
public struct SimulatedPatient: Sendable, Equatable {
    /// 1-based, the patient's position in the cohort.
    public let personID: Int
    public let sex: Int
    public let race: Int
    public let ethnicity: Int
    public let birthDate: Int
    public let onsetDate: Int
    public let diagnosisDate: Int
    /// Nil when the patient is alive at the spec's index date.
    public let deathDate: Int?
    /// One per spec parameter, rounded to its decimals; nil where not measured.
    public let parameters: [Double?]
    /// The course after diagnosis, in date order (empty without a course in the spec).
    public let events: [ClinicalEvent]
    /// When the course ended in a death event with a cause: an index into the course's concepts.
    public let causeOfDeath: Int?
    /// The end of follow-up for a patient alive at it; nil: the cohort's index date (simulated
    /// patients are all followed to it).
    public let observationEnd: Int?

    public init(personID: Int, sex: Int, race: Int, ethnicity: Int, birthDate: Int, onsetDate: Int, diagnosisDate: Int,
                deathDate: Int?, parameters: [Double?], events: [ClinicalEvent], causeOfDeath: Int?, observationEnd: Int? = nil) {
        self.personID = personID
        self.sex = sex
        self.race = race
        self.ethnicity = ethnicity
        self.birthDate = birthDate
        self.onsetDate = onsetDate
        self.diagnosisDate = diagnosisDate
        self.deathDate = deathDate
        self.parameters = parameters
        self.events = events
        self.causeOfDeath = causeOfDeath
        self.observationEnd = observationEnd
    }
}

/// A failure while drawing patients (the spec was valid but cannot produce a patient).
public struct SimulationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Draws the patients a ``CohortSpec`` describes.
///
/// Patient i is a function of (seed, i) alone: it is drawn from its own random stream
/// `SeededRandom(seed:stream: i)`, so any thread count, any chunking and any prefix of N give
/// the same patients, and a cohort can be generated in parallel and streamed.
///
/// The cohort is prevalent at the index date: a patient is born (birth_year), develops the
/// disease (onset_age) and is diagnosed (diagnosis_delay later); draws whose diagnosis would
/// fall after the index date are not patients yet and are drawn again from the same stream.
/// An incident cohort (diagnosis_year) draws the diagnosis date and the age at it, and is born
/// that many years before.
/// Death is drawn from the mortality hazard conditionally on being alive at diagnosis (the
/// patient was diagnosed, so survived to it); a death after the index date is not yet known.
/// Clinical values at diagnosis are joined by a Gaussian copula: correlated normals z = L·ε
/// (L the Cholesky factor of the spec's correlation matrix) become uniforms Φ(z), which each
/// parameter's distribution inverts.
public struct CohortSimulator: Sendable {
    public let spec: CohortSpec
    public let seed: UInt64
    let factor: Matrix
    /// The spec's course in the form the simulator walks (nil: no course).
    let course: CompiledCourse?

    /// Draws per patient before giving up on its diagnosis falling by the index date.
    public static let maximumAttempts = 10_000

    public init(spec: CohortSpec, seed: UInt64) throws {
        self.spec = spec
        self.seed = seed
        factor = try Cholesky(spec.correlation).lower
        course = spec.course.map { CompiledCourse($0, parameters: spec.parameters) }
    }

    /// Patient `index` (0-based; its person id is index + 1).
    public func patient(_ index: Int) throws(SimulationError) -> SimulatedPatient {
        var rng = SeededRandom(seed: seed, stream: UInt64(index))
        let population = spec.population
        let sex = population.sex.index(forUniform: rng.nextUniform())
        let race = population.race.index(forUniform: rng.nextUniform())
        let ethnicity = population.ethnicity.index(forUniform: rng.nextUniform())
        var timeline: (birth: Int, onset: Int, diagnosis: Int, diagnosisAge: Double, death: Int?)?
        for _ in 0..<Self.maximumAttempts {
            let uYear = rng.nextUniform(), uOnset = rng.nextUniform(), uDelay = rng.nextUniform(), uDeath = rng.nextUniform()
            let onsetAge = spec.disease.onsetAge.value(forUniform: uOnset)
            let diagnosisAge = onsetAge + spec.disease.diagnosisDelay.value(forUniform: uDelay)
            let birth: Int, diagnosis: Int
            if let diagnosisYear = population.diagnosisYear {
                diagnosis = Self.day(ofYear: diagnosisYear.value(forUniform: uYear))
                birth = diagnosis - Self.days(diagnosisAge)
            } else {
                birth = Self.day(ofYear: population.birthYear!.value(forUniform: uYear))
                diagnosis = birth + Self.days(diagnosisAge)
            }
            guard diagnosis <= population.indexDate else { continue }
            let deathAge = spec.mortality.deathAge(aliveAt: diagnosisAge, uniform: uDeath)
            timeline = (birth, birth + Self.days(onsetAge), diagnosis, diagnosisAge, deathAge.isFinite ? birth + Self.days(deathAge) : nil)
            break
        }
        guard let timeline else {
            throw SimulationError("patient \(index + 1): none of \(Self.maximumAttempts) draws was diagnosed by the index date "
                                  + "\(CivilDate.iso(population.indexDate)); check population.birth_year or diagnosis_year, disease.onset_age and "
                                  + "disease.diagnosis_delay")
        }
        let k = spec.parameters.count
        var epsilon = [Double](repeating: 0, count: k)
        for j in 0..<k { epsilon[j] = rng.nextStandardNormal() }
        var values = [Double?](repeating: nil, count: k)
        var scores = [Double](repeating: 0, count: k)
        for (j, parameter) in spec.parameters.enumerated() {
            var z = 0.0
            for m in 0...j { z += factor[j, m] * epsilon[m] }
            scores[j] = z
            values[j] = value(of: parameter, score: z)
        }
        for (j, parameter) in spec.parameters.enumerated() where rng.nextUniform() < parameter.missing {
            values[j] = nil
        }
        // Deaths after the index date are not yet known; the course stops at whichever comes first.
        let end = Swift.min(timeline.death ?? .max, population.indexDate)
        var course = CourseRun(events: [], death: nil, cause: nil)
        if let plan = self.course {
            course = try run(plan, patient: index, birth: timeline.birth, age: timeline.diagnosisAge, end: end, sex: sex,
                             values: values, scores: scores, rng: &rng)
        }
        let death = course.death ?? timeline.death.flatMap { $0 <= population.indexDate ? $0 : nil }
        return SimulatedPatient(personID: index + 1, sex: sex, race: race, ethnicity: ethnicity, birthDate: timeline.birth,
                                onsetDate: timeline.onset, diagnosisDate: timeline.diagnosis, deathDate: death,
                                parameters: values, events: course.events, causeOfDeath: course.cause)
    }

    /// A parameter's value at the normal score `z`, rounded to its decimals.
    func value(of parameter: CohortSpec.ClinicalParameter, score z: Double) -> Double {
        Self.value(of: parameter.distribution, decimals: parameter.decimals, score: z)
    }

    static func value(of distribution: ValueDistribution, decimals: Int, score z: Double) -> Double {
        let u = Swift.min(Swift.max(SpecialFunctions.normalCDF(z), 1e-300), 1 - 1e-16)
        return rounded(distribution.value(forUniform: u), decimals: decimals)
    }

    /// Patients `range`, drawn on `threads` workers (the result does not depend on it).
    public func patients(_ range: Range<Int>, threads: Int? = nil) throws -> [SimulatedPatient] {
        let start = range.lowerBound
        let results = Parallel.map(count: range.count, chunkSize: 256, threads: threads) { [self] i in
            Result { () throws(SimulationError) in try patient(start + i) }
        }
        return try results.map { try $0.get() }
    }

    // MARK: Time

    /// The day a fractional calendar year falls on (1990.0 is 1 January 1990).
    static func day(ofYear year: Double) -> Int {
        let whole = Int(year.rounded(.down))
        let start = CivilDate.day(year: whole, month: 1, day: 1)!
        let next = CivilDate.day(year: whole + 1, month: 1, day: 1)!
        return start + Int(((year - Double(whole)) * Double(next - start)).rounded(.down))
    }

    /// Whole days in a duration of `years`.
    static func days(_ years: Double) -> Int { Int((years * CivilDate.daysPerYear).rounded()) }

    static func rounded(_ x: Double, decimals: Int) -> Double {
        let scale = Foundation.pow(10, Double(decimals))
        return (x * scale).rounded() / scale
    }
}

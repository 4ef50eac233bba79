import RareSynthNumerics
import RareSynthTable

/// One event of a patient's course, on `date` (days since 1970-01-01).
public struct ClinicalEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case visit(Course.VisitKind, endDate: Int)
        case measurement(parameter: Int, value: Double)
        /// A complication, by its index in the course's concepts.
        case condition(Int)
        case drug(Int, endDate: Int)
        case procedure(Int)
    }

    public let date: Int
    public let kind: Kind
    /// The index in the patient's events of the visit this event was recorded at (a visit
    /// earlier in the same state), if any.
    public let visit: Int?

    public init(date: Int, kind: Kind, visit: Int?) {
        self.date = date
        self.kind = kind
        self.visit = visit
    }
}

struct CourseRun {
    var events: [ClinicalEvent]
    var death: Int?
    var cause: Int?
}

extension CohortSimulator {
    /// States a patient may pass through before the run is taken to be a runaway loop.
    static let maximumSteps = 100_000

    /// The course from diagnosis (`age` in years) until death, the index date (`end`, a day) or
    /// an `end` state; draws continue from the patient's own stream.
    func run(_ course: Course, patient index: Int, birth: Int, age start: Double, end: Int, sex: Int, values baseline: [Double?],
             scores initialScores: [Double], rng: inout SeededRandom) throws(SimulationError) -> CourseRun {
        var run = CourseRun(events: [], death: nil, cause: nil)
        var latest = baseline, scores = initialScores
        var visited = [Bool](repeating: false, count: course.states.count)
        var state = course.start, age = start
        for step in 0... {
            guard step < Self.maximumSteps else {
                throw SimulationError("patient \(index + 1): the course passed \(Self.maximumSteps) states without ending; "
                                      + "check the waits and transitions of course.states")
            }
            let current = course.states[state]
            if let wait = current.wait { age += wait.value(forUniform: rng.nextUniform()) }
            let day = birth + Self.days(age)
            guard day <= end else { break }
            visited[state] = true
            var visit: Int?
            for event in current.events {
                switch event {
                case let .visit(kind, length):
                    let days = length.map { Self.days($0.value(forUniform: rng.nextUniform())) } ?? 0
                    run.events.append(ClinicalEvent(date: day, kind: .visit(kind, endDate: Swift.min(day + days, end)), visit: nil))
                    visit = run.events.count - 1
                case .measure(let j):
                    let r = spec.parameters[j].autocorrelation
                    scores[j] = r * scores[j] + (1 - r * r).squareRoot() * rng.nextStandardNormal()
                    let v = value(of: spec.parameters[j], score: scores[j])
                    latest[j] = v
                    run.events.append(ClinicalEvent(date: day, kind: .measurement(parameter: j, value: v), visit: visit))
                case .condition(let c):
                    run.events.append(ClinicalEvent(date: day, kind: .condition(c), visit: visit))
                case let .drug(c, duration):
                    let days = duration.map { Self.days($0.value(forUniform: rng.nextUniform())) } ?? 0
                    run.events.append(ClinicalEvent(date: day, kind: .drug(c, endDate: Swift.min(day + days, end)), visit: visit))
                case .procedure(let c):
                    run.events.append(ClinicalEvent(date: day, kind: .procedure(c), visit: visit))
                case .death(let cause):
                    run.death = day
                    run.cause = cause
                }
            }
            if let death = run.death {
                // Nothing outlives the patient: visits and treatments still running stop at death.
                run.events = run.events.map { e in
                    switch e.kind {
                    case let .visit(kind, endDate) where endDate > death:
                        return ClinicalEvent(date: e.date, kind: .visit(kind, endDate: death), visit: e.visit)
                    case let .drug(c, endDate) where endDate > death:
                        return ClinicalEvent(date: e.date, kind: .drug(c, endDate: death), visit: e.visit)
                    default: return e
                    }
                }
                break
            }
            switch current.next {
            case .end: return run
            case .direct(let s): state = s
            case .distributed(let targets): state = Self.pick(targets, rng.nextUniform())
            case .conditional(let branches):
                let branch = branches.first { b in
                    guard let g = b.guardCondition else { return true }
                    return Self.holds(g, age: age, sex: sex, latest: latest, visited: visited)
                }!
                state = branch.targets.count == 1 ? branch.targets[0].state : Self.pick(branch.targets, rng.nextUniform())
            }
        }
        return run
    }

    static func pick(_ targets: [(state: Int, probability: Double)], _ u: Double) -> Int {
        var total = 0.0
        for target in targets {
            total += target.probability
            if u < total { return target.state }
        }
        return targets.last { $0.probability > 0 }!.state
    }

    static func holds(_ g: Course.Guard, age: Double, sex: Int, latest: [Double?], visited: [Bool]) -> Bool {
        if let sexes = g.sex, !sexes.contains(sex) { return false }
        if let minimum = g.minimumAge, age < minimum { return false }
        if let maximum = g.maximumAge, age >= maximum { return false }
        if let (j, minimum, maximum) = g.parameter {
            guard let v = latest[j] else { return false }
            if let minimum, v < minimum { return false }
            if let maximum, v > maximum { return false }
        }
        if g.visited.contains(where: { !visited[$0] }) { return false }
        if g.notVisited.contains(where: { visited[$0] }) { return false }
        return true
    }
}

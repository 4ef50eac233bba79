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
    func run(_ course: CompiledCourse, patient index: Int, birth: Int, age start: Double, end: Int, sex: Int, values baseline: [Double?],
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
            if let wait = current.wait { age += course.value(wait, grid: current.waitGrid, forUniform: rng.nextUniform()) }
            let day = birth + Self.days(age)
            guard day <= end else { break }
            visited[state] = true
            var visit: Int?
            for e in current.firstEvent..<current.endEvent {
                switch course.events[e] {
                case let .visit(kind, length):
                    let days = length.map { Self.days(course.value($0, grid: course.eventGrids[e], forUniform: rng.nextUniform())) } ?? 0
                    run.events.append(ClinicalEvent(date: day, kind: .visit(kind, endDate: Swift.min(day + days, end)), visit: nil))
                    visit = run.events.count - 1
                case .measure(let j):
                    let parameter = course.parameters[j]
                    let r = parameter.autocorrelation
                    scores[j] = r * scores[j] + (1 - r * r).squareRoot() * rng.nextStandardNormal()
                    let u = Swift.min(Swift.max(SpecialFunctions.normalCDF(scores[j]), 1e-300), 1 - 1e-16)
                    let v = Self.rounded(course.value(parameter.distribution, grid: parameter.grid, forUniform: u), decimals: parameter.decimals)
                    latest[j] = v
                    run.events.append(ClinicalEvent(date: day, kind: .measurement(parameter: j, value: v), visit: visit))
                case .condition(let c):
                    run.events.append(ClinicalEvent(date: day, kind: .condition(c), visit: visit))
                case let .drug(c, duration):
                    let days = duration.map { Self.days(course.value($0, grid: course.eventGrids[e], forUniform: rng.nextUniform())) } ?? 0
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
            case let .distributed(first, end): state = course.pick(first: first, end: end, rng.nextUniform())
            case let .conditional(first, end):
                var chosen = end - 1
                for b in first..<end {
                    guard let g = course.branches[b].guardIndex else { chosen = b; break }
                    if course.holds(g, age: age, sex: sex, latest: latest, visited: visited) { chosen = b; break }
                }
                let branch = course.branches[chosen]
                state = branch.endTarget - branch.firstTarget == 1
                    ? course.targets[branch.firstTarget].state
                    : course.pick(first: branch.firstTarget, end: branch.endTarget, rng.nextUniform())
            }
        }
        return run
    }
}

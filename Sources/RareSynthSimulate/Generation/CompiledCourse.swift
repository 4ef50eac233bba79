/// A course and the parameters it measures laid out as flat arrays of plain values, the form the
/// simulator walks for every patient.
///
/// ``Course`` is made for reading and checking specs: its states hold names, arrays of events and
/// transitions with arrays of targets. Copying a state out of it retains and releases each of
/// those, on reference counts that both simulating threads share, and a cystic fibrosis patient
/// enters about a hundred states; those atomic operations cost more than the drawing. Here every
/// element is a value without references, so reading one costs a load. The walk, its draws and
/// their order are the same as over ``Course``. Gamma draws read a tabulated quantile
/// (``QuantileGrid``).
struct CompiledCourse: Sendable {
    struct State: Sendable {
        var wait: ValueDistribution?
        /// Where the wait's quantile grid starts in `grids` (nil: exact quantile).
        var waitGrid: Int?
        /// The state's events: `events[firstEvent..<endEvent]`.
        var firstEvent: Int, endEvent: Int
        var next: Next
    }

    enum Next: Sendable {
        case end
        case direct(Int)
        /// `targets[first..<end]`.
        case distributed(first: Int, end: Int)
        /// `branches[first..<end]`.
        case conditional(first: Int, end: Int)
    }

    struct Branch: Sendable {
        /// An index into `guards`; nil: always holds.
        var guardIndex: Int?
        /// `targets[firstTarget..<endTarget]`.
        var firstTarget: Int, endTarget: Int
    }

    struct Guard: Sendable {
        /// Bit s set: sex s passes; nil: any sex.
        var sexes: UInt64?
        var minimumAge: Double?, maximumAge: Double?
        var parameter: Int?, parameterMinimum: Double?, parameterMaximum: Double?
        /// `stateLists[firstVisited..<endVisited]` must have been entered, `stateLists[endVisited..<endNotVisited]` not.
        var firstVisited: Int, endVisited: Int, endNotVisited: Int
    }

    struct Target: Sendable {
        var state: Int
        var probability: Double
    }

    /// What a measurement needs of its parameter.
    struct Measured: Sendable {
        var distribution: ValueDistribution
        var grid: Int?
        var decimals: Int
        var autocorrelation: Double
    }

    let start: Int
    let states: [State]
    let events: [Course.Event]
    /// Per event, where the grid of its distribution (a visit's length, a drug's duration) starts.
    let eventGrids: [Int?]
    /// ``QuantileGrid`` nodes of every gamma the course draws from, one after another.
    let grids: [Double]
    let branches: [Branch]
    let guards: [Guard]
    let targets: [Target]
    let stateLists: [Int]
    let parameters: [Measured]

    init(_ course: Course, parameters: [CohortSpec.ClinicalParameter]) {
        var states: [State] = [], events: [Course.Event] = [], branches: [Branch] = []
        var guards: [Guard] = [], targets: [Target] = [], stateLists: [Int] = []
        var grids: [Double] = [], eventGrids: [Int?] = []
        func grid(_ d: ValueDistribution?) -> Int? {
            guard let d, let nodes = QuantileGrid.nodes(d) else { return nil }
            defer { grids += nodes }
            return grids.count
        }
        func add(_ list: [(state: Int, probability: Double)]) -> (Int, Int) {
            let first = targets.count
            targets += list.map { Target(state: $0.state, probability: $0.probability) }
            return (first, targets.count)
        }
        for state in course.states {
            let firstEvent = events.count
            events += state.events
            for event in state.events {
                switch event {
                case let .visit(_, length): eventGrids.append(grid(length))
                case let .drug(_, duration): eventGrids.append(grid(duration))
                default: eventGrids.append(nil)
                }
            }
            let next: Next
            switch state.next {
            case .end: next = .end
            case .direct(let s): next = .direct(s)
            case .distributed(let list):
                let (first, end) = add(list)
                next = .distributed(first: first, end: end)
            case .conditional(let list):
                let first = branches.count
                for branch in list {
                    var guardIndex: Int?
                    if let g = branch.guardCondition {
                        let firstVisited = stateLists.count
                        stateLists += g.visited
                        let endVisited = stateLists.count
                        stateLists += g.notVisited
                        guardIndex = guards.count
                        guards.append(Guard(sexes: g.sex.map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) } },
                                            minimumAge: g.minimumAge, maximumAge: g.maximumAge,
                                            parameter: g.parameter?.index, parameterMinimum: g.parameter?.minimum,
                                            parameterMaximum: g.parameter?.maximum,
                                            firstVisited: firstVisited, endVisited: endVisited, endNotVisited: stateLists.count))
                    }
                    let (firstTarget, endTarget) = add(branch.targets)
                    branches.append(Branch(guardIndex: guardIndex, firstTarget: firstTarget, endTarget: endTarget))
                }
                next = .conditional(first: first, end: branches.count)
            }
            states.append(State(wait: state.wait, waitGrid: grid(state.wait), firstEvent: firstEvent, endEvent: events.count, next: next))
        }
        var measured: [Measured] = []
        for p in parameters {
            measured.append(Measured(distribution: p.distribution, grid: grid(p.distribution), decimals: p.decimals,
                                     autocorrelation: p.autocorrelation))
        }
        self.parameters = measured
        start = course.start
        self.states = states
        self.events = events
        self.eventGrids = eventGrids
        self.branches = branches
        self.guards = guards
        self.targets = targets
        self.stateLists = stateLists
        self.grids = grids
    }

    /// `distribution.value(forUniform: u)`, from its grid where it has one.
    @inline(__always)
    func value(_ distribution: ValueDistribution, grid: Int?, forUniform u: Double) -> Double {
        guard let grid else { return distribution.value(forUniform: u) }
        return QuantileGrid.value(distribution, nodes: grids, offset: grid, forUniform: u)
    }

    /// The target `u` falls on: the first whose cumulative probability passes u (else the last with a probability).
    func pick(first: Int, end: Int, _ u: Double) -> Int {
        var total = 0.0
        for t in first..<end {
            total += targets[t].probability
            if u < total { return targets[t].state }
        }
        var t = end - 1
        while t > first && !(targets[t].probability > 0) { t -= 1 }
        return targets[t].state
    }

    /// Whether guard `g` holds for a patient of this sex and age, with these latest values and
    /// states entered so far.
    func holds(_ g: Int, age: Double, sex: Int, latest: [Double?], visited: [Bool]) -> Bool {
        let g = guards[g]
        if let sexes = g.sexes, sexes & (1 << UInt64(sex)) == 0 { return false }
        if let minimum = g.minimumAge, age < minimum { return false }
        if let maximum = g.maximumAge, age >= maximum { return false }
        if let j = g.parameter {
            guard let v = latest[j] else { return false }
            if let minimum = g.parameterMinimum, v < minimum { return false }
            if let maximum = g.parameterMaximum, v > maximum { return false }
        }
        for i in g.firstVisited..<g.endVisited where !visited[stateLists[i]] { return false }
        for i in g.endVisited..<g.endNotVisited where visited[stateLists[i]] { return false }
        return true
    }
}

import RareSynthNumerics
import RareSynthTable

extension SpecReader {
    /// `course: {start: S, states: {NAME: {wait, events, next | end}}}`; see ``Course``.
    func course(_ node: SpecNode, parameters: [CohortSpec.ClinicalParameter], sexLabels: [String]) throws -> Course {
        let f = try node.fields(["start", "states", "refs"], required: ["start", "states"])
        try checkRefs(f["refs"])
        let entries = try f["states"]!.entries()
        guard !entries.isEmpty else { throw f["states"]!.error("expected at least one state") }
        let index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) })
        func state(_ node: SpecNode) throws -> Int {
            let name = try node.text()
            guard let i = index[name] else { throw node.error("no state named '\(name)'") }
            return i
        }
        var concepts = ConceptTable()
        var states: [Course.State] = []
        var nodes: [SpecNode] = []
        for (name, stateNode) in entries {
            let s = try stateNode.fields(["wait", "events", "next", "end", "refs"])
            try checkRefs(s["refs"])
            let wait = try s["wait"].map { try duration($0) }
            let events = try s["events"].map { try $0.list().map { try event($0, parameters: parameters, concepts: &concepts) } } ?? []
            let dies = events.contains { if case .death = $0 { return true } else { return false } }
            let ends = try s["end"].map { node -> Bool in
                guard case .scalar(let scalar) = node.node, let value = Bool(scalar.string) else { throw node.error("expected true or false") }
                return value
            } ?? false
            let next: Course.Transition
            switch (s["next"], ends || dies) {
            case (let n?, true):
                throw n.error(dies ? "the course ends at death: a state with a death event has no 'next'"
                                   : "a state marked 'end' has no 'next'")
            case (nil, true): next = .end
            case (nil, false):
                throw stateNode.error("a dead end: give 'next', or 'end: true' if the course stops here")
            case (let n?, false): next = try transition(n, state: state, parameters: parameters, sexLabels: sexLabels)
            }
            states.append(Course.State(name: name, wait: wait, events: events, next: next))
            nodes.append(stateNode)
        }
        let start = try state(f["start"]!)
        try Self.checkGraph(states, start: start, nodes: nodes, statesNode: f["states"]!)
        return Course(start: start, states: states, concepts: concepts.concepts)
    }

    /// Every state reachable from `start`; no loop of states without a wait.
    static func checkGraph(_ states: [Course.State], start: Int, nodes: [SpecNode], statesNode: SpecNode) throws {
        func targets(_ t: Course.Transition) -> [Int] {
            switch t {
            case .end: return []
            case .direct(let s): return [s]
            case .distributed(let list): return list.filter { $0.probability > 0 }.map(\.state)
            case .conditional(let branches): return branches.flatMap { $0.targets.filter { $0.probability > 0 }.map(\.state) }
            }
        }
        var reached = Set([start]), frontier = [start]
        while let s = frontier.popLast() {
            for t in targets(states[s].next) where reached.insert(t).inserted { frontier.append(t) }
        }
        if let lost = states.indices.first(where: { !reached.contains($0) }) {
            throw nodes[lost].error("state '\(states[lost].name)' cannot be reached from the start state '\(states[start].name)'")
        }
        // A cycle among states that do not wait would repeat on one day forever.
        func waits(_ s: Int) -> Bool {
            guard let wait = states[s].wait else { return false }
            if case .constant(let v) = wait.family, v == 0 { return false }
            return true
        }
        var mark = [Int](repeating: 0, count: states.count)   // 0 new, 1 on the path, 2 done
        var path: [Int] = []
        func visit(_ s: Int) throws {
            mark[s] = 1
            path.append(s)
            for t in targets(states[s].next) where !waits(t) {
                if mark[t] == 1 {
                    let loop = path[path.firstIndex(of: t)!...].map { states[$0].name } + [states[t].name]
                    throw statesNode.error("the states \(loop.joined(separator: " → ")) loop without any wait; give one of them a 'wait'")
                }
                if mark[t] == 0 { try visit(t) }
            }
            path.removeLast()
            mark[s] = 2
        }
        for s in states.indices where mark[s] == 0 { try visit(s) }
    }

    func transition(_ node: SpecNode, state: (SpecNode) throws -> Int, parameters: [CohortSpec.ClinicalParameter],
                    sexLabels: [String]) throws -> Course.Transition {
        if case .scalar = node.node { return .direct(try state(node)) }
        let items = try node.list()
        guard !items.isEmpty else { throw node.error("expected a state name or a list of branches") }
        let conditional = try items.contains { try $0.fields(["to", "probability", "when", "distributed", "refs"])["when"] != nil }
        if !conditional {
            return .distributed(try distributed(node, state: state))
        }
        var branches: [Course.Branch] = []
        for (k, item) in items.enumerated() {
            let b = try item.fields(["to", "probability", "when", "distributed", "refs"])
            try checkRefs(b["refs"])
            if let p = b["probability"] { throw p.error("a conditional branch takes 'to' or 'distributed', not 'probability'") }
            let guardCondition = try b["when"].map { try self.guardCondition($0, state: state, parameters: parameters, sexLabels: sexLabels) }
            if guardCondition == nil && k != items.count - 1 {
                throw item.error("only the last branch may have no 'when' (it is taken when no guard holds)")
            }
            if guardCondition != nil && k == items.count - 1 {
                throw item.error("the last branch must have no 'when', so that some branch is always taken")
            }
            let targets: [(state: Int, probability: Double)]
            switch (b["to"], b["distributed"]) {
            case (let to?, nil): targets = [(try state(to), 1)]
            case (nil, let d?): targets = try distributed(d, state: state)
            default: throw item.error("give either 'to' or 'distributed'")
            }
            branches.append(Course.Branch(guardCondition: guardCondition, targets: targets))
        }
        return .conditional(branches)
    }

    func distributed(_ node: SpecNode, state: (SpecNode) throws -> Int) throws -> [(state: Int, probability: Double)] {
        var out: [(state: Int, probability: Double)] = []
        for item in try node.list() {
            let b = try item.fields(["to", "probability", "refs"], required: ["to", "probability"])
            try checkRefs(b["refs"])
            out.append((try state(b["to"]!), try probability(b["probability"]!)))
        }
        guard !out.isEmpty else { throw node.error("expected at least one branch") }
        let total = out.reduce(0) { $0 + $1.probability }
        guard abs(total - 1) <= 1e-6 else { throw node.error("the probabilities sum to \(total), not 1") }
        return out
    }

    func guardCondition(_ node: SpecNode, state: (SpecNode) throws -> Int, parameters: [CohortSpec.ClinicalParameter],
                        sexLabels: [String]) throws -> Course.Guard {
        let f = try node.fields(["sex", "age", "parameter", "visited", "not_visited"])
        guard !f.isEmpty else { throw node.error("an empty guard; give sex, age, parameter, visited or not_visited") }
        var g = Course.Guard()
        func names(_ node: SpecNode) throws -> [SpecNode] { node.isMapping ? [node] : (try? node.list()) ?? [node] }
        if let sex = f["sex"] {
            g.sex = try names(sex).map { n in
                let label = try n.text()
                guard let i = sexLabels.firstIndex(of: label) else {
                    throw n.error("no sex '\(label)' in population.sex (\(sexLabels.joined(separator: ", ")))")
                }
                return i
            }
        }
        if let age = f["age"] {
            let a = try age.fields(["min", "max"])
            g.minimumAge = try a["min"].map { try quantity($0) }
            g.maximumAge = try a["max"].map { try quantity($0) }
            if let lo = g.minimumAge, let hi = g.maximumAge, lo >= hi { throw age.error("min (\(lo)) must be below max (\(hi))") }
        }
        if let parameter = f["parameter"] {
            let p = try parameter.fields(["name", "min", "max"], required: ["name"])
            let name = try p["name"]!.text()
            guard let i = parameters.firstIndex(where: { $0.name == name }) else { throw p["name"]!.error("no parameter named '\(name)'") }
            g.parameter = (i, try p["min"].map { try quantity($0) }, try p["max"].map { try quantity($0) })
        }
        g.visited = try f["visited"].map { try names($0).map(state) } ?? []
        g.notVisited = try f["not_visited"].map { try names($0).map(state) } ?? []
        return g
    }

    func event(_ node: SpecNode, parameters: [CohortSpec.ClinicalParameter], concepts: inout ConceptTable) throws -> Course.Event {
        let f = try node.fields(["visit", "length", "measure", "condition", "drug", "duration", "procedure", "death", "refs"])
        try checkRefs(f["refs"])
        let kinds = ["visit", "measure", "condition", "drug", "procedure", "death"].filter { f[$0] != nil }
        guard kinds.count == 1 else {
            throw node.error("an event is one of visit, measure, condition, drug, procedure or death, got \(kinds.isEmpty ? "none" : kinds.joined(separator: " and "))")
        }
        if let length = f["length"], kinds[0] != "visit" { throw length.error("'length' goes with a visit") }
        if let duration = f["duration"], kinds[0] != "drug" { throw duration.error("'duration' goes with a drug") }
        switch kinds[0] {
        case "visit":
            let text = try f["visit"]!.text()
            guard let kind = Course.VisitKind(rawValue: text) else {
                throw f["visit"]!.error("expected outpatient, inpatient or emergency")
            }
            return .visit(kind, length: try f["length"].map { try duration($0) })
        case "measure":
            let name = try f["measure"]!.text()
            guard let i = parameters.firstIndex(where: { $0.name == name }) else { throw f["measure"]!.error("no parameter named '\(name)'") }
            return .measure(i)
        case "condition": return .condition(concepts.index(try concept(f["condition"]!)))
        case "drug": return .drug(concepts.index(try concept(f["drug"]!)), duration: try f["duration"].map { try duration($0) })
        case "procedure": return .procedure(concepts.index(try concept(f["procedure"]!)))
        default:
            let death = f["death"]!
            if case .scalar(let scalar) = death.node, scalar.string == "true" { return .death(cause: nil) }
            let d = try death.fields(["cause"], required: ["cause"])
            return .death(cause: concepts.index(try concept(d["cause"]!)))
        }
    }

    func concept(_ node: SpecNode) throws -> Course.Concept {
        let f = try node.fields(["name", "codes", "refs"], required: ["name"])
        try checkRefs(f["refs"])
        return Course.Concept(name: try f["name"]!.text(), codes: try f["codes"].map { try codes($0) } ?? CohortSpec.Codes())
    }
}

/// Concepts by first use, each once.
struct ConceptTable {
    var concepts: [Course.Concept] = []
    mutating func index(_ concept: Course.Concept) -> Int {
        if let i = concepts.firstIndex(of: concept) { return i }
        concepts.append(concept)
        return concepts.count - 1
    }
}

/// The longitudinal part of a cohort spec: the patient's course after diagnosis as a state
/// machine, in the manner of Synthea's modules.
///
/// The patient enters `start` on the diagnosis date. Entering a state first waits (`wait`, a
/// duration drawn afresh each time), then records the state's events on that date (a visit, the
/// measurements, a complication, a treatment, a procedure, or death), then takes the next
/// transition: direct, distributed (probabilities), or conditional (the first branch whose guard
/// holds; a branch may itself be distributed), as Synthea's direct, distributed, conditional and
/// complex transitions. The course ends at death (an event, or the spec's mortality hazard,
/// whichever comes first), at the index date, or in a state marked `end`.
///
/// Checked on reading: every transition names a state, every state is reachable from `start`,
/// every state either moves on or ends (no dead ends), probabilities sum to 1, conditional
/// branches end with an unguarded one, and no loop of states can repeat without waiting.
public struct Course: Sendable {
    public let start: Int
    public let states: [State]
    /// Every concept the events name, once each; events refer to them by index.
    public let concepts: [Concept]

    public struct State: Sendable {
        public let name: String
        /// Drawn on entering, before the events (years); nil: no wait.
        public let wait: ValueDistribution?
        public let events: [Event]
        public let next: Transition
    }

    public enum Transition: Sendable {
        /// The course ends here (the patient lives on, unobserved by the course).
        case end
        case direct(Int)
        case distributed([(state: Int, probability: Double)])
        /// The first branch whose guard holds; the last branch has no guard.
        case conditional([Branch])
    }

    public struct Branch: Sendable {
        public let guardCondition: Guard?
        /// A direct or distributed target.
        public let targets: [(state: Int, probability: Double)]
    }

    /// All of its parts must hold.
    public struct Guard: Sendable {
        public var sex: [Int]?
        /// Age in years at the current date, [min, max).
        public var minimumAge: Double?
        public var maximumAge: Double?
        /// A clinical parameter's latest value, [min, max].
        public var parameter: (index: Int, minimum: Double?, maximum: Double?)?
        /// States entered before.
        public var visited: [Int] = []
        public var notVisited: [Int] = []
    }

    public enum Event: Sendable {
        case visit(VisitKind, length: ValueDistribution?)
        /// A new value of a clinical parameter (see ``CohortSpec/ClinicalParameter/autocorrelation``).
        case measure(Int)
        /// A complication (an index into ``concepts``).
        case condition(Int)
        /// A treatment started on this date, taken for `duration` (years, drawn).
        case drug(Int, duration: ValueDistribution?)
        case procedure(Int)
        case death(cause: Int?)
    }

    public enum VisitKind: String, Sendable, CaseIterable {
        case outpatient, inpatient, emergency
    }

    /// A named clinical concept with its codes (a complication, a drug, a procedure, a cause of death).
    public struct Concept: Sendable, Equatable {
        public var name: String
        public var codes: CohortSpec.Codes
    }
}

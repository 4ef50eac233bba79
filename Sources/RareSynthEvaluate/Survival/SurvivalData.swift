/// Right-censored survival data, validated: one row per subject with its follow-up time, whether
/// the follow-up ended in the event (1) or was censored (0), and an optional group label.
///
/// This is what R's `Surv(time, status)` (with an optional `~ group`) holds. Validation happens
/// once, here, so the estimators never meet a NaN, a negative time or an event code they cannot
/// read: each problem is a ``SurvivalError`` naming the row.
public struct SurvivalData: Sendable, Equatable {
    /// What to do with a row whose time, event or group is missing (`nil` or NaN).
    public enum MissingValues: Sendable, Equatable {
        /// Throw ``SurvivalError/missingValue(column:row:)`` or ``SurvivalError/notANumber(column:row:)``.
        case reject
        /// Leave the row out, as R's default `na.action = na.omit` does in `survfit`/`survdiff`.
        case dropRow
    }

    /// Follow-up times, ≥ 0 and finite.
    public let times: [Double]
    /// `true` where the follow-up ended in the event, `false` where it was censored.
    public let events: [Bool]
    /// The group of each row, or `nil` for a single group.
    public let groups: [String]?

    /// Validates and keeps the rows.
    /// - Parameters:
    ///   - times: follow-up times; `nil` or NaN is missing.
    ///   - events: 0 (censored) or 1 (event); `nil` or NaN is missing.
    ///   - groups: a label per row (`nil` label is missing), or `nil` for one group.
    ///   - missingValues: reject (default) or drop rows with a missing value.
    public init(times: [Double?], events: [Double?], groups: [String?]? = nil,
                missingValues: MissingValues = .reject) throws(SurvivalError) {
        guard times.count == events.count, groups.map({ $0.count == times.count }) ?? true else {
            throw .lengthMismatch(times: times.count, events: events.count, groups: groups?.count)
        }
        var keptTimes: [Double] = []
        var keptEvents: [Bool] = []
        var keptGroups: [String] = []
        keptTimes.reserveCapacity(times.count)
        keptEvents.reserveCapacity(times.count)
        rows: for row in times.indices {
            let time = times[row], event = events[row], group = groups?[row]
            // Missing values first, column by column, so the error names the first culprit.
            guard let t = time, !t.isNaN, let e = event, !e.isNaN, groups == nil || group != nil else {
                if missingValues == .dropRow { continue rows }
                if time == nil { throw .missingValue(column: .time, row: row) }
                if time!.isNaN { throw .notANumber(column: .time, row: row) }
                if event == nil { throw .missingValue(column: .event, row: row) }
                if event!.isNaN { throw .notANumber(column: .event, row: row) }
                throw .missingValue(column: .group, row: row)
            }
            guard t.isFinite else { throw .infiniteTime(row: row, value: t) }
            guard t >= 0 else { throw .negativeTime(row: row, value: t) }
            guard e == 0 || e == 1 else { throw .invalidEvent(row: row, value: e) }
            keptTimes.append(t)
            keptEvents.append(e == 1)
            if let group { keptGroups.append(group) }
        }
        guard !keptTimes.isEmpty else { throw .empty }
        self.times = keptTimes
        self.events = keptEvents
        self.groups = groups == nil ? nil : keptGroups
    }

    /// Complete data with Boolean event flags; still checked for NaN, infinite and negative times.
    public init(times: [Double], events: [Bool], groups: [String]? = nil) throws(SurvivalError) {
        try self.init(times: times.map { $0 }, events: events.map { $0 ? 1 : 0 },
                      groups: groups?.map { $0 }, missingValues: .reject)
    }

    /// Already validated rows (internal: the time fix and the pooling of tables build these).
    init(validatedTimes times: [Double], events: [Bool], groups: [String]?) {
        self.times = times
        self.events = events
        self.groups = groups
    }

    /// The number of rows.
    public var count: Int { times.count }

    /// The distinct group labels in ascending order (Swift `String` comparison, which for ASCII
    /// labels is R's factor-level order in the C locale), or `nil` for ungrouped data.
    public var groupLabels: [String]? {
        groups.map { Array(Set($0)).sorted() }
    }

    /// Real and synthetic rows pooled into one data set whose group is the table of origin,
    /// labelled `"real"` and `"synthetic"` (any groups of the inputs are ignored): the input of a
    /// log-rank test or of a pair of curves comparing the two tables.
    public static func pooled(real: SurvivalData, synthetic: SurvivalData) -> SurvivalData {
        SurvivalData(validatedTimes: real.times + synthetic.times,
                     events: real.events + synthetic.events,
                     groups: Array(repeating: "real", count: real.count)
                        + Array(repeating: "synthetic", count: synthetic.count))
    }
}

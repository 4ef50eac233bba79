
extension SurvivalData {
    /// Survival data from the decoded columns of a real or synthetic table, so survival metrics
    /// plug in where the quality report takes its input.
    ///
    /// - Parameters:
    ///   - time: a `numerical` column of follow-up times (a `datetime` column is a point in
    ///     time, not a duration, and is rejected).
    ///   - event: a `numerical` column of 0/1, or a `categorical`/`boolean` one whose labels in
    ///     `eventLabels` mark the event and every other label a censoring (pbc's `status` as
    ///     labels with `eventLabels: ["2"]` counts deaths and censors transplants).
    ///   - group: an optional `categorical`/`boolean` column of group labels.
    ///   - missingValues: reject (default) or drop rows with a missing time, event or group.
    /// - Throws: ``SurvivalError``, naming the column or the row.
    public init(time: MetricColumn, event: MetricColumn, eventLabels: Set<String> = ["1", "true"],
                group: MetricColumn? = nil, missingValues: MissingValues = .reject) throws(SurvivalError) {
        guard time.kind == .numerical, case .numerical(let times) = time.data else {
            throw .unsupportedColumn(name: time.name, reason: "a follow-up time must be a numerical column, not \(time.kind.rawValue)")
        }
        let events: [Double?]
        switch event.data {
        case .numerical(let values): events = values
        case .categorical(let labels): events = labels.map { $0.map { eventLabels.contains($0) ? 1 : 0 } }
        }
        var groups: [String?]? = nil
        if let group {
            guard case .categorical(let labels) = group.data else {
                throw .unsupportedColumn(name: group.name, reason: "a group must be a categorical or boolean column")
            }
            groups = labels
        }
        try self.init(times: times, events: events, groups: groups, missingValues: missingValues)
    }
}

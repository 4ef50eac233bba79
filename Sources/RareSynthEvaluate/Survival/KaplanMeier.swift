/// The Kaplan–Meier estimator, one curve per group: R's `survfit(Surv(time, status) ~ group)`.
public enum KaplanMeier {
    /// Fits one ``KaplanMeierCurve`` per group (a single curve with `group == nil` for ungrouped
    /// data), in the order of ``SurvivalData/groupLabels``.
    ///
    /// - Parameter mergesNearlyEqualTimes: R's `timefix = TRUE` (the default there and here):
    ///   times closer than √ε are first made equal over the whole data, all groups together
    ///   (``SurvivalData/mergingNearlyEqualTimes(tolerance:)``).
    public static func fit(_ data: SurvivalData, mergesNearlyEqualTimes: Bool = true) -> [KaplanMeierCurve] {
        let data = mergesNearlyEqualTimes ? data.mergingNearlyEqualTimes() : data
        guard let groups = data.groups, let labels = data.groupLabels else {
            return [curve(times: data.times, events: data.events, group: nil)]
        }
        var index: [String: Int] = [:]
        for (k, label) in labels.enumerated() { index[label] = k }
        var times = [[Double]](repeating: [], count: labels.count)
        var events = [[Bool]](repeating: [], count: labels.count)
        for row in 0..<data.count {
            let k = index[groups[row]]!
            times[k].append(data.times[row])
            events[k].append(data.events[row])
        }
        return labels.indices.map { curve(times: times[$0], events: events[$0], group: labels[$0]) }
    }

    /// One curve from a non-empty set of rows.
    ///
    /// Counts per distinct time as `survfitkm.c` does (walking backwards, the number at risk is a
    /// running count of times ≥ t), then the estimates forwards:
    /// `km *= (n − d)/n; v1 += d/(n(n − d)); nelson += d/n; v2 += d/(n·n)`, updated only at times
    /// with an event.
    static func curve(times: [Double], events: [Bool], group: String?) -> KaplanMeierCurve {
        let order = times.indices.sorted { times[$0] < times[$1] }
        var distinct: [Double] = []
        var eventCounts: [Int] = []
        var censorCounts: [Int] = []
        for row in order {
            let t = times[row]
            if distinct.last != t {
                distinct.append(t)
                eventCounts.append(0)
                censorCounts.append(0)
            }
            if events[row] { eventCounts[eventCounts.count - 1] += 1 } else { censorCounts[censorCounts.count - 1] += 1 }
        }
        let m = distinct.count
        var atRisk = [Int](repeating: 0, count: m)
        var running = 0
        for k in stride(from: m - 1, through: 0, by: -1) {
            running += eventCounts[k] + censorCounts[k]
            atRisk[k] = running
        }
        var survival = [Double](repeating: 0, count: m)
        var standardError = [Double](repeating: 0, count: m)
        var hazard = [Double](repeating: 0, count: m)
        var hazardError = [Double](repeating: 0, count: m)
        var km = 1.0, nelson = 0.0, v1 = 0.0, v2 = 0.0
        for k in 0..<m {
            let d = Double(eventCounts[k]), n = Double(atRisk[k])
            if eventCounts[k] > 0 {
                nelson += d / n
                v2 += d / (n * n)
                km *= (n - d) / n
                v1 += d / (n * (n - d))   // +∞ once every subject at risk has the event
            }
            survival[k] = km
            standardError[k] = v1.squareRoot()
            hazard[k] = nelson
            hazardError[k] = v2.squareRoot()
        }
        return KaplanMeierCurve(group: group, subjectCount: times.count, times: distinct, atRisk: atRisk,
                                events: eventCounts, censored: censorCounts, survival: survival,
                                standardError: standardError, cumulativeHazard: hazard,
                                cumulativeHazardStandardError: hazardError)
    }
}

/// Real against synthetic survival, as a clinician would read two Kaplan–Meier plots: both curves
/// with their bands, both medians with their confidence intervals, a log-rank test of whether the
/// two samples could share one survival function, and how far apart the curves lie — for the
/// whole table and, with a group column, for every group (a rare subgroup whose survival the
/// generator lost shows up here even when the pooled curves agree).
///
/// Every figure comes from the R-equivalent pieces of this folder (`KaplanMeier`, `LogRankTest`,
/// `CurveDistance`); medians use `print.survfit`'s rule (what R users see), bands R's default
/// `conf.type = "log"` at 95%.
public struct SurvivalComparison: Sendable, Equatable, Codable {
    /// One Kaplan–Meier curve: the step function and its pointwise band at each event or
    /// censoring time (R's `survfit` rows).
    public struct Curve: Sendable, Equatable, Codable {
        /// `real` or `synthetic`.
        public var origin: String
        /// The group label, `nil` for the whole table.
        public var group: String?
        public var subjects: Int
        public var events: Int
        public var times: [Double]
        public var survival: [Double]
        /// Lower and upper 95% limits (log scale); `nil` where R prints NA.
        public var lower: [Double?]
        public var upper: [Double?]
        /// Median survival time with its 95% CI; `nil` parts are not reached.
        public var median: Double?
        public var medianLower: Double?
        public var medianUpper: Double?
    }

    /// Log-rank test (R `survdiff`, ρ = 0) of real against synthetic.
    public struct Test: Sendable, Equatable, Codable {
        public var group: String?
        public var chiSquare: Double
        public var degreesOfFreedom: Int
        /// `nil` where R gives NaN (no degrees of freedom left).
        public var pValue: Double?
        /// Observed and expected events, real then synthetic.
        public var observed: [Double]
        public var expected: [Double]
    }

    /// `CurveDistance` of the real and the synthetic curve.
    public struct Gap: Sendable, Equatable, Codable {
        public var group: String?
        public var horizon: Double
        public var maximumGap: Double
        public var maximumGapTime: Double
        public var integratedGap: Double
        public var meanGap: Double?
    }

    /// A comparison that could not be made (e.g. a group with no synthetic rows), and why.
    public struct Omission: Sendable, Equatable, Codable {
        public var group: String?
        public var reason: String
    }

    public var timeColumn: String
    public var eventColumn: String
    public var groupColumn: String?
    public var curves: [Curve]
    public var tests: [Test]
    public var gaps: [Gap]
    public var omissions: [Omission]

    /// Compares the survival of `real` and `synthetic` (decoded columns of both tables).
    /// - Parameters:
    ///   - eventLabels: labels of a categorical event column that mark the event (pbc: `["2"]`);
    ///     a numerical event column must hold 0/1.
    /// - Throws: ``SurvivalError`` when a column is absent or unusable, or a value is invalid
    ///   (negative time, event not 0/1), naming the row.
    public static func compute(real: [MetricColumn], synthetic: [MetricColumn], time: String, event: String,
                               eventLabels: Set<String> = ["1", "true"], group: String? = nil) throws(SurvivalError) -> SurvivalComparison {
        func column(_ name: String, in table: [MetricColumn]) throws(SurvivalError) -> MetricColumn {
            guard let found = table.first(where: { $0.name == name }) else {
                throw .unsupportedColumn(name: name, reason: "no such column among the scored columns")
            }
            return found
        }
        let realData = try SurvivalData(time: column(time, in: real), event: column(event, in: real), eventLabels: eventLabels,
                                        group: group == nil ? nil : try column(group!, in: real), missingValues: .dropRow)
        let syntheticData = try SurvivalData(time: column(time, in: synthetic), event: column(event, in: synthetic),
                                             eventLabels: eventLabels,
                                             group: group == nil ? nil : try column(group!, in: synthetic), missingValues: .dropRow)
        var out = SurvivalComparison(timeColumn: time, eventColumn: event, groupColumn: group, curves: [], tests: [], gaps: [], omissions: [])
        try out.compare(real: realData.withoutGroups(), synthetic: syntheticData.withoutGroups(), group: nil)
        if group != nil {
            let labels = Set(realData.groupLabels ?? []).union(syntheticData.groupLabels ?? []).sorted()
            for label in labels {
                let r = realData.subset(group: label), s = syntheticData.subset(group: label)
                guard let r, let s else {
                    out.omissions.append(Omission(group: label, reason: r == nil ? "no real rows in this group" : "no synthetic rows in this group: the generator did not produce it"))
                    continue
                }
                try out.compare(real: r, synthetic: s, group: label)
            }
        }
        return out
    }

    private mutating func compare(real: SurvivalData, synthetic: SurvivalData, group: String?) throws(SurvivalError) {
        guard let r = KaplanMeier.fit(real).first, let s = KaplanMeier.fit(synthetic).first else { return }
        curves.append(Self.curve(r, origin: "real", group: group))
        curves.append(Self.curve(s, origin: "synthetic", group: group))
        let d = CurveDistance(r, s)
        gaps.append(Gap(group: group, horizon: d.horizon, maximumGap: d.maximumGap, maximumGapTime: d.maximumGapTime,
                        integratedGap: d.integratedGap, meanGap: d.meanGap))
        if real.events.contains(true) || synthetic.events.contains(true) {
            let t = try LogRankTest.compute(real: real, synthetic: synthetic)
            tests.append(Test(group: group, chiSquare: t.chiSquare, degreesOfFreedom: t.degreesOfFreedom, pValue: t.pValue.isNaN ? nil : t.pValue,
                              observed: t.observed, expected: t.expected))
        } else {
            omissions.append(Omission(group: group, reason: "no events in either table: the log-rank test is undefined"))
        }
    }

    private static func curve(_ c: KaplanMeierCurve, origin: String, group: String?) -> Curve {
        let band = c.confidenceBand(.log)
        let median = c.printedMedian()
        return Curve(origin: origin, group: group, subjects: c.subjectCount, events: c.eventCount, times: c.times,
                     survival: c.survival, lower: band.lower, upper: band.upper,
                     median: median.estimate, medianLower: median.lower, medianUpper: median.upper)
    }
}

extension SurvivalData {
    /// The same subjects as one group.
    func withoutGroups() -> SurvivalData {
        SurvivalData(validatedTimes: times, events: events, groups: nil)
    }

    /// The subjects of one group (as a single group), `nil` when it has none.
    func subset(group label: String) -> SurvivalData? {
        guard let groups else { return nil }
        let rows = groups.indices.filter { groups[$0] == label }
        guard !rows.isEmpty else { return nil }
        return SurvivalData(validatedTimes: rows.map { times[$0] }, events: rows.map { events[$0] }, groups: nil)
    }
}

import Testing
@testable import RareSynthEvaluate

@Suite("Survival input is validated as values")
struct SurvivalDataTests {
    func error(_ body: () throws(SurvivalError) -> SurvivalData) -> SurvivalError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test("Each problem is an error naming the row")
    func rejects() {
        #expect(error { () throws(SurvivalError) in try SurvivalData(times: [], events: []) } == .empty)
        #expect(error { () throws(SurvivalError) in try SurvivalData(times: [1, 2], events: [1]) }
            == .lengthMismatch(times: 2, events: 1, groups: nil))
        #expect(error { () throws(SurvivalError) in try SurvivalData(times: [1, 2], events: [1, 0], groups: ["a"]) }
            == .lengthMismatch(times: 2, events: 2, groups: 1))
        #expect(error { () throws(SurvivalError) in try SurvivalData(times: [1, -2, 3], events: [1, 0, 1]) }
            == .negativeTime(row: 1, value: -2))
        #expect(error { () throws(SurvivalError) in try SurvivalData(times: [1, .nan], events: [1, 0]) }
            == .notANumber(column: .time, row: 1))
        #expect(error { () throws(SurvivalError) in try SurvivalData(times: [1, 2], events: [1, .nan]) }
            == .notANumber(column: .event, row: 1))
        #expect(error { () throws(SurvivalError) in try SurvivalData(times: [1, .infinity], events: [1, 0]) }
            == .infiniteTime(row: 1, value: .infinity))
        #expect(error { () throws(SurvivalError) in try SurvivalData(times: [1, 2, 3], events: [1, 0, 2]) }
            == .invalidEvent(row: 2, value: 2))
        #expect(error { () throws(SurvivalError) in try SurvivalData(times: [1, nil], events: [1, 0]) }
            == .missingValue(column: .time, row: 1))
        #expect(error { () throws(SurvivalError) in try SurvivalData(times: [1, 2], events: [1, 0], groups: ["a", nil]) }
            == .missingValue(column: .group, row: 1))
        let message = SurvivalError.invalidEvent(row: 7, value: 2).description
        #expect(message.contains("row index 7") && message.contains("neither 0"))
        #expect(SurvivalError.negativeTime(row: 3, value: -1).description.contains("row index 3"))
        #expect(SurvivalError.notANumber(column: .time, row: 4).description == "row index 4: the time is NaN")
    }

    @Test("dropRow leaves out missing and NaN rows, as R's na.omit")
    func dropsMissingRows() throws {
        let data = try SurvivalData(times: [1, nil, .nan, 4, 5], events: [1, 0, 1, nil, 0],
                                    groups: ["a", "b", "a", "b", nil], missingValues: .dropRow)
        #expect(data.times == [1])
        #expect(data.events == [true])
        #expect(data.groups == ["a"])
        // Dropping does not excuse an invalid value.
        #expect(error { () throws(SurvivalError) in
            try SurvivalData(times: [nil, -1], events: [0, 0], missingValues: .dropRow)
        } == .negativeTime(row: 1, value: -1))
        #expect(error { () throws(SurvivalError) in
            try SurvivalData(times: [nil], events: [0], missingValues: .dropRow)
        } == .empty)
    }

    @Test("Nearly equal times are merged as aeqSurv does")
    func timeFix() throws {
        let data = try SurvivalData(times: [2, 1 + 1e-10, 1, 1e6 + 1e-3, 1e6, 7], events: [true, true, false, true, true, false])
        let fixed = data.mergingNearlyEqualTimes()
        #expect(fixed.times == [2, 1, 1, 1e6, 1e6, 7])
        #expect(fixed.events == data.events)
        #expect(data.mergingNearlyEqualTimes(tolerance: 0) == data)
        // Without the fix 1 and 1 + 1e-10 stay distinct times.
        #expect(KaplanMeier.fit(data, mergesNearlyEqualTimes: false)[0].times.count == 6)
        #expect(KaplanMeier.fit(data)[0].times.count == 4)
    }

    @Test("MetricColumn entry point")
    func metricColumns() throws {
        let status = MetricColumn.categorical("status", ["0", "2", "1", nil, "2"])
        let time = MetricColumn.numerical("time", [10, 20, 30, 40, 50])
        let data = try SurvivalData(time: time, event: status, eventLabels: ["2"], missingValues: .dropRow)
        #expect(data.times == [10, 20, 30, 50])
        #expect(data.events == [false, true, false, true])
        let numeric = try SurvivalData(time: time, event: .numerical("dead", [0, 1, 1, 0, 0]),
                                       group: .boolean("treated", [true, false, true, false, true]))
        #expect(numeric.groups == ["true", "false", "true", "false", "true"])
        #expect(error { () throws(SurvivalError) in
            try SurvivalData(time: .datetime("date", secondsSinceEpoch: [0]), event: .numerical("e", [1]))
        } == .unsupportedColumn(name: "date", reason: "a follow-up time must be a numerical column, not datetime"))
        #expect(error { () throws(SurvivalError) in
            try SurvivalData(time: time, event: .numerical("e", [0, 1, 3, 0, 0]))
        } == .invalidEvent(row: 2, value: 3))
    }
}

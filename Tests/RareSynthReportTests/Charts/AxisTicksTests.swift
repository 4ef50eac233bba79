import Testing
@testable import RareSynthReport

@Suite("Nice ticks (Heckbert) and tick labels")
struct AxisTicksTests {
    @Test("Heckbert's loose labelling on known cases")
    func heckbert() {
        // Graphics Gems' example range.
        let a = NiceScale(min: 105, max: 543, targetTickCount: 5)
        #expect(a.ticks == [100, 200, 300, 400, 500, 600])
        #expect(a.step == 100 && a.fractionDigits == 0)
        let unit = NiceScale(min: 0, max: 1)
        #expect(unit.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(unit.fractionDigits == 1)
        let signed = NiceScale(min: -1, max: 1)
        #expect(signed.ticks == [-1, -0.5, 0, 0.5, 1])
        // The tick at 0.3 is the double nearest 0.3, not 0.1 + 0.1 + 0.1.
        let small = NiceScale(min: 0.3, max: 0.7, targetTickCount: 5)
        #expect(small.ticks == [0.3, 0.4, 0.5, 0.6, 0.7])
        // Heckbert would round the range 1022 up to 2000 first and step by 500 (to 1500).
        let survival = NiceScale(min: 0, max: 1022, targetTickCount: 6)
        #expect(survival.ticks == [0, 200, 400, 600, 800, 1000, 1200])
        let tiny = NiceScale(min: 0.00012, max: 0.00049, targetTickCount: 4)
        #expect(tiny.ticks == [0.0001, 0.0002, 0.0003, 0.0004, 0.0005])
        #expect(tiny.fractionDigits == 4)
    }

    @Test("Degenerate ranges still give an axis")
    func degenerate() {
        #expect(NiceScale(min: 0, max: 0).ticks == [-1, -0.5, 0, 0.5, 1])
        let single = NiceScale(min: 50, max: 50)
        #expect(single.lower <= 45 && single.upper >= 55)
        #expect(NiceScale(min: 10, max: 0).ticks == NiceScale(min: 0, max: 10).ticks)
        #expect(NiceScale(min: .nan, max: 3).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        let huge = NiceScale(min: -1e308, max: 1e308)
        #expect(huge.ticks.allSatisfy(\.isFinite) && huge.ticks.count >= 2)
    }

    @Test("Number labels: decimals from the step, grouping, suffixes, minus sign, no -0")
    func numberLabels() {
        #expect(AxisTicks(min: 0, max: 1).labels == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(AxisTicks(min: -1, max: 1).labels == ["−1.0", "−0.5", "0", "0.5", "1.0"])
        #expect(AxisTicks(min: 0, max: 48_000, targetCount: 5).labels == ["0", "10,000", "20,000", "30,000", "40,000", "50,000"])
        #expect(AxisTicks(min: 0, max: 2_400, targetCount: 5).labels == ["0", "500", "1000", "1500", "2000", "2500"])
        #expect(AxisTicks(min: 0, max: 3.2e6, targetCount: 5).labels == ["0", "1M", "2M", "3M", "4M"])
        #expect(AxisTicks(min: 1.1e9, max: 1.5e9, targetCount: 5).labels == ["1.1G", "1.2G", "1.3G", "1.4G", "1.5G"])
        #expect(AxisTicks(min: 0, max: 3e-5, targetCount: 4).labels == ["0", "1e−5", "2e−5", "3e−5"])
        #expect(AxisTicks(min: 0, max: 0.35, format: .percent).labels == ["0%", "10%", "20%", "30%", "40%"])
        #expect(AxisTicks(min: 0, max: 0.012, format: .percent, targetCount: 5).labels == ["0%", "0.5%", "1.0%", "1.5%"])
        #expect(AxisTicks(min: -0.004, max: 0.004, targetCount: 5).labels.contains("0"))
    }

    @Test("Fixed bounds keep only the ticks inside")
    func fixedBounds() {
        let t = AxisTicks(fixedLower: 38.5, fixedUpper: 82.5, targetCount: 5)
        #expect(t.lower == 38.5 && t.upper == 82.5)
        #expect(t.values == [40, 50, 60, 70, 80])
    }

    @Test("Date axes: calendar steps and yyyy-mm-dd labels")
    func dates() {
        func seconds(_ y: Int, _ m: Int, _ d: Int) -> Double { Double(CivilDate(year: y, month: m, day: d).daysSinceEpoch) * 86_400 }
        #expect(CivilDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(CivilDate(daysSinceEpoch: -1).iso == "1969-12-31")
        #expect(CivilDate(daysSinceEpoch: 19_782).iso == "2024-02-29")
        // Years: 1990-03-15 … 2009-11-02 → 5-year steps on January 1sts.
        let years = AxisTicks(min: seconds(1990, 3, 15), max: seconds(2009, 11, 2), format: .date, targetCount: 5)
        #expect(years.labels == ["1990-01-01", "1995-01-01", "2000-01-01", "2005-01-01", "2010-01-01"])
        // Months: 2021-01-10 … 2021-06-20, 161 days: 161 / 30.44 > 5 intervals → 2-month steps.
        let months = AxisTicks(min: seconds(2021, 1, 10), max: seconds(2021, 6, 20), format: .date, targetCount: 5)
        #expect(months.labels == ["2021-01-01", "2021-03-01", "2021-05-01", "2021-07-01"])
        // Days: a 9-day span → 2-day steps aligned to the epoch (day 19115 = 2022-05-03 is odd).
        let days = AxisTicks(min: seconds(2022, 5, 3), max: seconds(2022, 5, 12), format: .date, targetCount: 5)
        #expect(days.labels == ["2022-05-02", "2022-05-04", "2022-05-06", "2022-05-08", "2022-05-10", "2022-05-12"])
        // One instant: a one-day axis.
        let instant = AxisTicks(min: seconds(2020, 2, 29), max: seconds(2020, 2, 29), format: .date)
        #expect(instant.labels == ["2020-02-29", "2020-03-01"])
        #expect(AxisTicks(min: .nan, max: .infinity, format: .date).labels == ["1970-01-01", "1970-01-02"])
    }
}

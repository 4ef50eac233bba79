import RareSynthTable
import Testing
@testable import RareSynthSchema

/// Reference seconds from Python: `(datetime.strptime(s, fmt) - datetime(1970, 1, 1)).total_seconds()`.
@Suite struct DateTimeFormatTests {
    @Test(arguments: [
        ("1989-06-07", "%Y-%m-%d", 613_180_800.0),
        ("2000-02-29", "%Y-%m-%d", 951_782_400.0),
        ("2024-02-29 13:45:30", "%Y-%m-%d %H:%M:%S", 1_709_214_330.0),
        ("1900-03-01", "%Y-%m-%d", -2_203_891_200.0),
        ("1969-12-31T23:59:59", "%Y-%m-%dT%H:%M:%S", -1.0),
        ("29/02/1600", "%d/%m/%Y", -11_670_998_400.0),
        ("2038-01-19 03:14:07", "%Y-%m-%d %H:%M:%S", 2_147_483_647.0),
        ("07-Jun-1989", "%d-%b-%Y", 613_180_800.0),
        ("7 June 1989", "%-d %B %Y", 613_180_800.0),
        ("19890607", "%Y%m%d", 613_180_800.0),
        ("07.06.89", "%d.%m.%y", 613_180_800.0),
    ])
    func parsesToReferenceSeconds(text: String, pattern: String, seconds: Double) throws {
        let format = try DateTimeFormat(pattern)
        #expect(format.parse(text) == seconds)
        #expect(format.format(seconds) == text)
    }

    @Test(arguments: ["2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
                      "2024-1-32", "24-01-01", "2024-01-01 ", "2024/01/01", "2024-01-01x", ""])
    func rejectsInvalidDates(text: String) throws {
        #expect(try DateTimeFormat("%Y-%m-%d").parse(text) == nil)
    }

    @Test func rejectsInvalidTimes() throws {
        let format = try DateTimeFormat("%Y-%m-%d %H:%M:%S")
        for text in ["2024-01-01 24:00:00", "2024-01-01 12:60:00", "2024-01-01 12:00:60", "2024-01-01 12:00"] {
            #expect(format.parse(text) == nil, "\(text)")
        }
    }

    @Test func leapYearRules() {
        #expect(CivilCalendar.isLeapYear(2000) && CivilCalendar.isLeapYear(2024) && CivilCalendar.isLeapYear(1600))
        #expect(!CivilCalendar.isLeapYear(1900) && !CivilCalendar.isLeapYear(2023) && !CivilCalendar.isLeapYear(2100))
    }

    /// Every day from 1599-12-01 to 2100-03-01 survives day number → date → day number.
    @Test func civilCalendarRoundTripsEveryDay() {
        let first = CivilCalendar.days(year: 1599, month: 12, day: 1)
        let last = CivilCalendar.days(year: 2100, month: 3, day: 1)
        var expected = (1599, 12, 1)
        var mismatches = 0
        for day in first...last {
            let (y, m, d) = CivilCalendar.date(days: day)
            if y != expected.0 || m != expected.1 || d != expected.2 || CivilCalendar.days(year: y, month: m, day: d) != day {
                mismatches += 1
            }
            if expected.2 < CivilCalendar.daysInMonth(expected.1, year: expected.0) {
                expected.2 += 1
            } else {
                expected = expected.1 == 12 ? (expected.0 + 1, 1, 1) : (expected.0, expected.1 + 1, 1)
            }
        }
        #expect(mismatches == 0)
        #expect(last - first == 182_712) // Python: (date(2100, 3, 1) - date(1599, 12, 1)).days
    }

    @Test func keepsPaddingAndCaseOfTheInput() throws {
        let unpadded = try DateTimeFormat("%-m/%-d/%Y %-H:%M")
        let t = try #require(unpadded.parse("3/7/2021 9:05"))
        #expect(unpadded.format(t) == "3/7/2021 9:05")
        let upper = try DateTimeFormat("%d-%^b-%Y")
        #expect(upper.format(try #require(upper.parse("07-jun-1989"))) == "07-JUN-1989")
    }

    @Test func fractionalSecondsAreOptionalAndRoundTrip() throws {
        let format = try DateTimeFormat("%Y-%m-%d %H:%M:%S.%3f")
        #expect(format.pattern == "%Y-%m-%d %H:%M:%S.%3f")
        let t = try #require(format.parse("2024-02-29 13:45:30.250"))
        #expect(t == 1_709_214_330.25)
        #expect(format.format(t) == "2024-02-29 13:45:30.250")
        #expect(format.parse("2024-02-29 13:45:30") == 1_709_214_330)
        #expect(format.format(1_709_214_330.0004) == "2024-02-29 13:45:30.000")
        #expect(format.format(1_709_214_330.9996) == "2024-02-29 13:45:31.000")
        #expect(format.parse("2024-02-29 13:45:30.") == nil)
    }

    @Test func formatsBeforeTheEpochAndRounds() throws {
        let format = try DateTimeFormat("%Y-%m-%d %H:%M:%S")
        #expect(format.format(-0.4) == "1970-01-01 00:00:00")
        #expect(format.format(-1.6) == "1969-12-31 23:59:58")
        #expect(try DateTimeFormat("%Y-%m-%d").format(613_180_800 + 86_399) == "1989-06-07")
    }

    @Test func literalPercentAndNonASCII() throws {
        let format = try DateTimeFormat("%Y年%m月%d日 100%%")
        #expect(format.pattern == "%Y年%m月%d日 100%%")
        #expect(format.parse("1989年06月07日 100%") == 613_180_800)
        #expect(format.format(613_180_800) == "1989年06月07日 100%")
    }

    @Test(arguments: ["%Y-%m-%Q", "%Y-%", "%-Y", "%^m", "%3d", "%0f"])
    func unsupportedPatternsAreErrors(pattern: String) {
        #expect(throws: DataError.self) { try DateTimeFormat(pattern) }
    }

    // MARK: - Detection

    @Test(arguments: [
        (["2020-01-31", "2021-12-01", nil], "%Y-%m-%d"),
        (["2020-01-31 10:00:00", "2021-12-01 23:59:59"], "%Y-%m-%d %H:%M:%S"),
        (["2020-01-31T10:00:00", "2021-12-01T23:59:59"], "%Y-%m-%dT%H:%M:%S"),
        (["2020-01-31 10:00:00.5", "2021-12-01 23:59:59.25", "2021-12-02 00:00:00"], "%Y-%m-%d %H:%M:%S.%2f"),
        (["31/01/2020", "01/02/2020"], "%d/%m/%Y"),
        (["01/31/2020", "02/01/2020"], "%m/%d/%Y"),
        (["01/02/2020", "03/04/2020"], "%m/%d/%Y"),
        (["1/2/2020", "3/14/2020"], "%-m/%-d/%Y"),
        (["31.01.2020", "01.02.2020"], "%d.%m.%Y"),
        (["31-01-2020", "01-02-2020"], "%d-%m-%Y"),
        (["2020/01/31", "2020/02/01"], "%Y/%m/%d"),
        (["07-Jun-1989", "12-Dec-1990"], "%d-%b-%Y"),
        (["07-JUN-1989", "12-DEC-1990"], "%d-%^b-%Y"),
        (["7 Jun 1989", "12 May 1990"], "%-d %b %Y"),
        (["7 June 1989", "12 May 1990"], "%-d %B %Y"),
    ] as [([String?], String)])
    func detectsTheFormatThatReadsEveryValue(values: [String?], expected: String) throws {
        #expect(try DateTimeFormat.detect(values, columnName: "when")?.pattern == expected)
    }

    @Test func compactDatesNeedADateLikeName() throws {
        let values: [String?] = ["20200131", "20211201"]
        #expect(try DateTimeFormat.detect(values, columnName: "code") == nil)
        #expect(try DateTimeFormat.detect(values, columnName: "visit_date", nameSuggestsDate: true)?.pattern == "%Y%m%d")
    }

    @Test func ambiguousDayMonthIsReported() throws {
        let d = try DateTimeFormat.detection(["01/02/2020", "03/04/2020"], firstRows: [0, 1], columnName: "d",
                                             column: nil, file: nil, nameSuggestsDate: false)
        #expect(d == .dates(try DateTimeFormat("%m/%d/%Y"), ambiguous: true))
        let e = try DateTimeFormat.detection(["01/02/2020", "13/04/2020"], firstRows: [0, 1], columnName: "d",
                                             column: nil, file: nil, nameSuggestsDate: false)
        #expect(e == .dates(try DateTimeFormat("%d/%m/%Y"), ambiguous: false))
    }

    @Test func mixedFormatsAreAnErrorNamingTheFirstOffendingRow() throws {
        let values: [String?] = ["2020-01-31", nil, "2020-02-01", "02/03/2020", "2020-02-05", "04/05/2020"]
        let error = try #require(throws: DataError.self) {
            try DateTimeFormat.detect(values, columnName: "visit", column: 3, file: "v.csv")
        }
        #expect(error.line == 5) // data row 4 (1-based) + header
        #expect(error.column == 3)
        #expect(error.columnName == "visit")
        #expect(error.file == "v.csv")
        #expect(error.message.contains("mixed date formats"))
        #expect(error.message.contains("'%Y-%m-%d'") && error.message.contains("'%m/%d/%Y'"))
    }

    @Test func mostlyDatesWithTextIsNotADateColumn() throws {
        let values = ["2020-01-31", "2020-02-01", "unknown", "2020-02-05"]
        let d = try DateTimeFormat.detection(values, firstRows: [0, 3, 4, 5], columnName: "v", column: nil, file: nil,
                                             nameSuggestsDate: false)
        #expect(d == .mostlyDates(try DateTimeFormat("%Y-%m-%d"), row: 4, value: "unknown"))
        #expect(try DateTimeFormat.detect(["a", "b", "2020-01-01"], columnName: "v") == nil)
    }
}

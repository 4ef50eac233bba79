import RareSynthSchema

/// Proleptic Gregorian calendar dates for time axes, from days since 1970-01-01: the schema's
/// `CivilCalendar` arithmetic (no time zone, no Foundation `Calendar`, so labels do not depend on
/// the machine's locale or zone) with ordering and ISO text for tick labels.
struct CivilDate: Sendable, Equatable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(daysSinceEpoch days: Int) {
        (year, month, day) = CivilCalendar.date(days: Int64(days))
    }

    var daysSinceEpoch: Int { Int(CivilCalendar.days(year: year, month: month, day: day)) }

    var iso: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(Swift.abs(v))
            return String(repeating: "0", count: Swift.max(0, width - s.count)) + s
        }
        return (year < 0 ? "-" : "") + pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

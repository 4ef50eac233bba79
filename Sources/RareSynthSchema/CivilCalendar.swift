import RareSynthTable

/// Conversions between calendar dates and day numbers in the proleptic Gregorian calendar.
///
/// Dates in clinical files carry no time zone, so a date is a count of days since 1970-01-01 and a
/// timestamp a count of seconds, both in an idealised UTC without leap seconds. The algorithms are
/// Howard Hinnant's `days_from_civil` / `civil_from_days`
/// (<https://howardhinnant.github.io/date_algorithms.html>), implemented once in RareSynthTable's
/// `CivilDate`: integer-only, exact for any year.
public enum CivilCalendar {
    public static let secondsPerDay: Int64 = 86_400

    /// Whether `year` is a Gregorian leap year (divisible by 4, except centuries not divisible by 400).
    static func isLeapYear(_ year: Int) -> Bool { CivilDate.daysInMonth(year: year, month: 2) == 29 }

    /// Days in `month` (1–12) of `year`.
    static func daysInMonth(_ month: Int, year: Int) -> Int { CivilDate.daysInMonth(year: year, month: month) }

    /// Days from 1970-01-01 to the given date. The date must be valid.
    public static func days(year: Int, month: Int, day: Int) -> Int64 { Int64(CivilDate.days(year: year, month: month, day: day)) }

    /// The date `days` after 1970-01-01.
    public static func date(days: Int64) -> (year: Int, month: Int, day: Int) { CivilDate.civil(Int(days)) }

    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
}

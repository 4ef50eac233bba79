/// Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), converted with Howard
/// Hinnant's `days_from_civil` / `civil_from_days` algorithms: exact for any year, no time zone,
/// and fast enough to format millions of dates (the simulator and the OMOP and FHIR writers do) (Foundation's calendar is neither needed nor
/// cheap here).
public enum CivilDate {
    /// Days since 1970-01-01 of year-month-day, or nil for a month or day that does not exist.
    public static func day(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        return days(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of a date known to exist.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// (year, month, day) of a day number.
    public static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Parses YYYY-MM-DD (four-digit year).
    public static func day(iso text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return day(year: y, month: m, day: d)
    }

    /// YYYY-MM-DD as ASCII bytes appended to `out` (years 0–9999).
    public static func appendISO(_ days: Int, to out: inout [UInt8]) {
        withISO(days) { out.append(contentsOf: $0) }
    }

    /// Calls `body` with YYYY-MM-DD as ten ASCII bytes on the stack (years 0–9999), for writers
    /// that format millions of dates: one copy into their buffer, no allocation.
    @inline(__always)
    public static func withISO<R>(_ days: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let (y, m, d) = civil(days)
        var text: (UInt64, UInt16) = (0, 0)
        return try withUnsafeMutableBytes(of: &text) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            p[0] = UInt8(48 + (y / 1000) % 10)
            p[1] = UInt8(48 + (y / 100) % 10)
            p[2] = UInt8(48 + (y / 10) % 10)
            p[3] = UInt8(48 + y % 10)
            p[4] = 45
            p[5] = UInt8(48 + m / 10)
            p[6] = UInt8(48 + m % 10)
            p[7] = 45
            p[8] = UInt8(48 + d / 10)
            p[9] = UInt8(48 + d % 10)
            return try body(UnsafeBufferPointer(start: p, count: 10))
        }
    }

    /// YYYY-MM-DD.
    public static func iso(_ days: Int) -> String {
        var bytes: [UInt8] = []
        appendISO(days, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Days in `month` (1–12) of `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The mean Gregorian year, for turning ages in years into days.
    public static let daysPerYear = 365.2425
}

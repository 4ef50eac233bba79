import Foundation
import RareSynthSchema

/// The date a record states. Normally the current time; when `SOURCE_DATE_EPOCH` is set (the
/// reproducible-builds convention, seconds since 1970 UTC), that instant instead, so two runs
/// with the same inputs and seed can produce byte-identical records.
public enum CreationDate {
    /// ISO 8601, UTC, whole seconds: `2026-11-23T09:15:00Z`.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let seconds: Int64
        if let fixed = environment["SOURCE_DATE_EPOCH"].flatMap({ Int64($0.trimmingCharacters(in: .whitespaces)) }) {
            seconds = fixed
        } else {
            seconds = Int64(Date().timeIntervalSince1970.rounded(.down))
        }
        return iso8601(secondsSinceEpoch: seconds)
    }

    /// Formats without Foundation's locale-dependent formatters.
    public static func iso8601(secondsSinceEpoch t: Int64) -> String {
        let perDay = CivilCalendar.secondsPerDay
        let days = t >= 0 ? t / perDay : -((-t + perDay - 1) / perDay)
        let secondOfDay = Int(t - days * perDay)
        let (year, month, day) = CivilCalendar.date(days: days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let y = String(year)
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(two(month))-\(two(day))T"
            + "\(two(secondOfDay / 3_600)):\(two(secondOfDay % 3_600 / 60)):\(two(secondOfDay % 60))Z"
    }
}

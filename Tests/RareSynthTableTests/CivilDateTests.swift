import Foundation
import Testing
@testable import RareSynthTable

/// Day numbers against Foundation's Gregorian calendar in UTC (an independent implementation).
@Suite struct CivilDateTests {
    @Test func dayNumbersAgreeWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for day in stride(from: -60_000, through: 60_000, by: 37) {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400)
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            let (y, m, d) = CivilDate.civil(day)
            #expect(y == c.year && m == c.month && d == c.day, "day \(day)")
            #expect(CivilDate.day(year: y, month: m, day: d) == day)
        }
    }

    @Test func isoTextRoundTripsAndImpossibleDatesAreRejected() {
        #expect(CivilDate.day(iso: "1970-01-01") == 0)
        #expect(CivilDate.iso(11_017) == "2000-03-01")
        #expect(CivilDate.day(iso: "2024-02-29") != nil)
        #expect(CivilDate.day(iso: "2023-02-29") == nil)
        #expect(CivilDate.day(iso: "1900-02-29") == nil)
        #expect(CivilDate.day(iso: "2023-13-01") == nil)
        #expect(CivilDate.day(iso: "23-01-01") == nil)
        #expect(CivilDate.iso(CivilDate.day(iso: "1899-12-31")!) == "1899-12-31")
    }
}

import RareSynthTable

/// A `strftime`-style date pattern that reads text into seconds since 1970-01-01T00:00:00 and writes
/// seconds back in the same text shape.
///
/// Foundation's `DateFormatter` is locale- and time-zone-aware and far too slow for per-cell work on
/// large tables; clinical files carry neither zones nor locales, so this type parses bytes directly
/// against a pre-compiled pattern. Times are an idealised UTC (no zones, no daylight saving, no leap
/// seconds) in the proleptic Gregorian calendar.
///
/// Directives:
/// - `%Y` four-digit year, `%y` two-digit year (69–99 → 1900s, 00–68 → 2000s, as POSIX `strptime`);
/// - `%m` month, `%d` day, `%H` hour (0–23), `%M` minute, `%S` second (0–59): one or two digits when
///   read; written zero-padded, or unpadded when flagged with `-` (`%-d`, as glibc `strftime`);
/// - `%b` / `%B` English month abbreviation / name, read in any case; written capitalised, or upper
///   case when flagged with `^` (`%^b` → `JAN`);
/// - `%f` fractional-second digits (1–9 read; written with 6 digits, or N with `%Nf`). Written as
///   `.%f`, the dot and digits are optional when reading, so `12:00:05` and `12:00:05.25` both match;
/// - `%%` a literal percent; any other character matches itself.
///
/// Day-of-month is validated against the month and leap year (`2023-02-29` does not parse).
public struct DateTimeFormat: Sendable, Hashable, CustomStringConvertible {
    /// The pattern in canonical spelling (`%Y-%m-%d`).
    public let pattern: String
    let tokens: [Token]

    /// Compiles `pattern`; throws for unsupported directives.
    public init(_ pattern: String) throws(DataError) {
        self.init(tokens: try Self.compile(pattern))
    }

    init(tokens: [Token]) {
        self.tokens = tokens
        self.pattern = Self.render(tokens)
    }

    public var description: String { pattern }

    /// Seconds since 1970-01-01T00:00:00 for `text`, or `nil` when it does not match the pattern
    /// or names an impossible date or time.
    public func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { components($0)?.seconds }
    }

    /// `seconds` as text in this pattern. Rounded to the fraction width (whole seconds without `%f`).
    /// - Precondition: `seconds` is finite.
    public func format(_ seconds: Double) -> String {
        precondition(seconds.isFinite, "cannot format a non-finite date")
        let width = tokens.lazy.compactMap { if case let .fraction(w, _) = $0 { w } else { nil } }.first ?? 0
        let scale = Self.powersOfTen[width]
        let units = Int64((seconds * Double(scale)).rounded())
        let whole = units >= 0 ? units / scale : -((-units + scale - 1) / scale)
        let fraction = units - whole * scale
        let days = whole >= 0 ? whole / CivilCalendar.secondsPerDay
            : -((-whole + CivilCalendar.secondsPerDay - 1) / CivilCalendar.secondsPerDay)
        let secondOfDay = Int(whole - days * CivilCalendar.secondsPerDay)
        let (year, month, day) = CivilCalendar.date(days: days)

        // Every token writes at most 20 bytes (a signed 64-bit year); no intermediate allocations.
        return String(unsafeUninitializedCapacity: tokens.count * 20) { out in
            var n = 0
            func put(_ value: Int, width: Int) {
                var magnitude = value.magnitude
                if value < 0 { out[n] = UInt8(ascii: "-"); n += 1 }
                var digits = 1
                var probe = magnitude
                while probe >= 10 { probe /= 10; digits += 1 }
                let count = max(digits, width)
                for k in stride(from: n + count - 1, through: n, by: -1) {
                    out[k] = UInt8(truncatingIfNeeded: magnitude % 10) + 48
                    magnitude /= 10
                }
                n += count
            }
            for token in tokens {
                switch token {
                case let .literal(byte):
                    out[n] = byte
                    n += 1
                case let .number(field, padded):
                    let value = switch field {
                    case .year4: year
                    case .year2: ((year % 100) + 100) % 100
                    case .month: month
                    case .day: day
                    case .hour: secondOfDay / 3600
                    case .minute: secondOfDay / 60 % 60
                    case .second: secondOfDay % 60
                    }
                    put(value, width: field == .year4 ? 4 : (padded || field == .year2 ? 2 : 1))
                case let .monthName(full, uppercase):
                    let name = (full ? Self.monthNameBytes : Self.monthAbbreviationBytes)[month - 1]
                    for byte in name {
                        out[n] = uppercase && byte >= UInt8(ascii: "a") ? byte - 32 : byte
                        n += 1
                    }
                case let .fraction(width, dotted):
                    if dotted { out[n] = UInt8(ascii: "."); n += 1 }
                    put(Int(fraction), width: width)
                }
            }
            return n
        }
    }

    // MARK: - Reading

    /// The fields read from one value, before conversion to seconds.
    struct Components {
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0
        var fraction = 0.0

        var seconds: Double {
            let days = CivilCalendar.days(year: year, month: month, day: day)
            let whole = days * CivilCalendar.secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
            return Double(whole) + fraction
        }
    }

    /// Matches `bytes` against the pattern. `observe(tokenIndex, digitsRead, value)` is called for
    /// each numeric and fraction field, and with `value == -1` for a month name read in upper case
    /// (detection uses it to learn padding and case); `nil` on any mismatch or impossible date.
    func components(_ bytes: UnsafeBufferPointer<UInt8>,
                    observe: ((Int, Int, Int) -> Void)? = nil) -> Components? {
        var c = Components()
        var i = 0
        let n = bytes.count
        for (k, token) in tokens.enumerated() {
            switch token {
            case let .literal(byte):
                guard i < n, bytes[i] == byte else { return nil }
                i += 1
            case let .number(field, _):
                let (minDigits, maxDigits) = switch field {
                case .year4: (4, 4)
                case .year2: (2, 2)
                default: (1, 2)
                }
                var value = 0, digits = 0
                while digits < maxDigits, i < n, bytes[i] &- 48 < 10 {
                    value = value * 10 + Int(bytes[i] &- 48)
                    i += 1
                    digits += 1
                }
                guard digits >= minDigits else { return nil }
                observe?(k, digits, value)
                switch field {
                case .year4: c.year = value
                case .year2: c.year = value < 69 ? 2000 + value : 1900 + value
                case .month: c.month = value
                case .day: c.day = value
                case .hour: c.hour = value
                case .minute: c.minute = value
                case .second: c.second = value
                }
            case let .monthName(full, _):
                guard let (month, length, upper) = Self.matchMonth(bytes, at: i, full: full) else { return nil }
                if upper { observe?(k, length, -1) }
                c.month = month
                i += length
            case let .fraction(_, dotted):
                if dotted {
                    guard i < n, bytes[i] == UInt8(ascii: ".") else { continue }
                    i += 1
                }
                var value = 0, digits = 0
                while digits < 9, i < n, bytes[i] &- 48 < 10 {
                    value = value * 10 + Int(bytes[i] &- 48)
                    i += 1
                    digits += 1
                }
                guard digits > 0 else { return nil }
                observe?(k, digits, value)
                c.fraction = Double(value) / Double(Self.powersOfTen[digits])
            }
        }
        guard i == n, (1...12).contains(c.month), c.day >= 1,
              c.day <= CivilCalendar.daysInMonth(c.month, year: c.year),
              c.hour < 24, c.minute < 60, c.second < 60 else { return nil }
        return c
    }

    /// The month named at `bytes[i...]` (case-insensitive), the bytes it spans, and whether it was
    /// written in upper case.
    private static func matchMonth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int,
                                   full: Bool) -> (Int, Int, Bool)? {
        let names = full ? monthNameBytes : monthAbbreviationBytes
        for (m, name) in names.enumerated() where i + name.count <= bytes.count {
            var matches = true, upper = true
            for (j, expected) in name.enumerated() {
                let byte = bytes[i + j]
                if byte | 0x20 != expected | 0x20 { matches = false; break }
                if byte >= UInt8(ascii: "a") { upper = false }
            }
            if matches { return (m + 1, name.count, upper) }
        }
        return nil
    }

    private static let monthNameBytes = CivilCalendar.monthNames.map { Array($0.utf8) }
    private static let monthAbbreviationBytes = CivilCalendar.monthAbbreviations.map { Array($0.utf8) }
    static let powersOfTen: [Int64] = (0...9).map { p in (0..<p).reduce(1) { acc, _ in acc * 10 } }
}

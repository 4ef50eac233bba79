/// Fast conversions of the plain decimal texts that make up most numeric cells.
///
/// `Int64(String)` and `Double(String)` (glibc `strtod`) were half the time of a SQLite export.
/// These handle the common shapes directly and answer `nil` for anything else, which the caller
/// then hands to the standard library, so the accepted texts and the values are exactly the same.
enum DecimalText {
    /// `[+-]?[0-9]+` that fits in an `Int64`; `nil` for any other text or on overflow.
    static func int64(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { i = 1 }
        guard i < bytes.count, bytes.count - i <= 18 else { return nil }  // 18 digits cannot overflow
        var value: Int64 = 0
        while i < bytes.count {
            let digit = bytes[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            i += 1
        }
        return negative ? -value : value
    }

    /// `[+-]?[0-9]*(\.[0-9]*)?` with at least one digit, at most 15 significant digits and at most
    /// 22 fraction digits: then the mantissa and the power of ten are exact doubles and one
    /// division rounds correctly (Clinger's fast path), equal to what `strtod` returns.
    /// `nil` for exponents, `inf`, longer texts and anything else.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else {
                let digit = b &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                mantissa = mantissa * 10 + UInt64(digit)
                digits += 1
                if seenPoint { fractionDigits += 1 }
                guard digits <= 15 else { return nil }
            }
            i += 1
        }
        guard digits > 0, fractionDigits <= 22 else { return nil }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// 10^0 ... 10^22, all exactly representable as doubles.
    private static let powersOfTen: [Double] = (0 ... 22).reduce(into: []) { powers, k in
        powers.append(k == 0 ? 1 : powers[k - 1] * 10)
    }
}

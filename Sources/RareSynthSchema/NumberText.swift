/// A cell read as a number under a strict grammar, with the facts needed to write it back alike.
///
/// Grammar: optional sign, digits with an optional decimal point (`12`, `-0.5`, `.5`, `3.`), optional
/// exponent (`1e-3`). Anything else (`NA`, `inf`, `1,5`, `0x1F`, spaces) is not a number, so such a
/// column stays text. Values with a redundant leading zero (`007`, `02139`) are codes, not numbers:
/// reading them as numbers would lose the zeros on output.
struct NumberText {
    let value: Double
    /// No decimal point and no exponent.
    let isInteger: Bool
    /// Digits after the decimal point once the exponent is applied (`1.25` → 2, `1.5e-3` → 4).
    let decimals: Int
    /// The integer part has a redundant leading zero (`007`).
    let hasLeadingZero: Bool

    init?(_ text: String) {
        var integerDigits = 0, fractionDigits = 0, exponent = 0
        var sawPoint = false, sawExponent = false, leadingZero = false
        var exponentSign = 1, exponentDigits = 0
        var index = 0
        for byte in text.utf8 {
            defer { index += 1 }
            switch byte {
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if index == 0 { continue }
                guard sawExponent, exponentDigits == 0 else { return nil }
                exponentSign = byte == UInt8(ascii: "-") ? -1 : 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawExponent {
                    guard exponentDigits < 6 else { return nil }
                    exponent = exponent * 10 + Int(byte - 48)
                    exponentDigits += 1
                } else if sawPoint {
                    fractionDigits += 1
                } else {
                    if integerDigits == 0 { leadingZero = byte == UInt8(ascii: "0") }
                    integerDigits += 1
                }
            case UInt8(ascii: "."):
                guard !sawPoint, !sawExponent else { return nil }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !sawExponent, integerDigits + fractionDigits > 0 else { return nil }
                sawExponent = true
            default:
                return nil
            }
        }
        guard integerDigits + fractionDigits > 0, !sawExponent || exponentDigits > 0,
              let value = Double(text), value.isFinite else { return nil }
        self.value = value
        self.isInteger = !sawPoint && !sawExponent
        self.decimals = max(0, fractionDigits - exponentSign * exponent)
        self.hasLeadingZero = leadingZero && integerDigits > 1
    }
}

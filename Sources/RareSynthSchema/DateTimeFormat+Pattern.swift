import RareSynthTable

/// Compiling a pattern string into tokens once, so that reading a cell never re-interprets it.
extension DateTimeFormat {
    enum Token: Hashable, Sendable {
        case literal(UInt8)
        case number(NumberField, padded: Bool)
        case monthName(full: Bool, uppercase: Bool)
        /// Fraction digits written with `width` digits; `dotted` when the pattern had `.%f`, whose
        /// dot and digits are optional when reading.
        case fraction(width: Int, dotted: Bool)
    }

    enum NumberField: Hashable, Sendable {
        case year4, year2, month, day, hour, minute, second
    }

    static let supportedDirectives = "%Y %y %m %d %H %M %S %b %B %f %% (flags: %-d unpadded, %^b upper case, %3f width)"

    static func compile(_ pattern: String) throws(DataError) -> [Token] {
        var tokens: [Token] = []
        var scalars = Array(pattern.utf8)[...]
        func fail(_ why: String) -> DataError {
            DataError("date format '\(pattern)': \(why); supported: \(supportedDirectives)")
        }
        while let byte = scalars.popFirst() {
            guard byte == UInt8(ascii: "%") else { tokens.append(.literal(byte)); continue }
            var unpadded = false, uppercase = false, width: Int?
            var directive = scalars.popFirst()
            if directive == UInt8(ascii: "-") { unpadded = true; directive = scalars.popFirst() }
            if directive == UInt8(ascii: "^") { uppercase = true; directive = scalars.popFirst() }
            if let d = directive, d &- 48 < 10 { width = Int(d &- 48); directive = scalars.popFirst() }
            guard let directive else { throw fail("it ends with a lone '%'") }
            let field: NumberField? = switch directive {
            case UInt8(ascii: "Y"): .year4
            case UInt8(ascii: "y"): .year2
            case UInt8(ascii: "m"): .month
            case UInt8(ascii: "d"): .day
            case UInt8(ascii: "H"): .hour
            case UInt8(ascii: "M"): .minute
            case UInt8(ascii: "S"): .second
            default: nil
            }
            let name = "%\(Character(Unicode.Scalar(directive)))"
            if directive != UInt8(ascii: "f"), width != nil { throw fail("a width is allowed only on %f") }
            if let field {
                if uppercase { throw fail("'^' applies only to month names, not \(name)") }
                if unpadded, field == .year4 || field == .year2 { throw fail("\(name) is always padded") }
                tokens.append(.number(field, padded: !unpadded))
                continue
            }
            if unpadded { throw fail("'-' applies only to numeric fields, not \(name)") }
            switch directive {
            case UInt8(ascii: "b"), UInt8(ascii: "B"):
                tokens.append(.monthName(full: directive == UInt8(ascii: "B"), uppercase: uppercase))
            case UInt8(ascii: "f"):
                guard !uppercase else { throw fail("'^' applies only to month names, not %f") }
                let w = width ?? 6
                guard w >= 1 else { throw fail("%f needs a width from 1 to 9") }
                if tokens.last == .literal(UInt8(ascii: ".")) {
                    tokens.removeLast()
                    tokens.append(.fraction(width: w, dotted: true))
                } else {
                    tokens.append(.fraction(width: w, dotted: false))
                }
            case UInt8(ascii: "%"):
                tokens.append(.literal(UInt8(ascii: "%")))
            default:
                throw fail("\(name) is not supported")
            }
        }
        return tokens
    }

    static func render(_ tokens: [Token]) -> String {
        var out: [UInt8] = []
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        for token in tokens {
            switch token {
            case let .literal(byte):
                if byte == UInt8(ascii: "%") { add("%%") } else { out.append(byte) }
            case let .number(field, padded):
                let letter = switch field {
                case .year4: "Y"
                case .year2: "y"
                case .month: "m"
                case .day: "d"
                case .hour: "H"
                case .minute: "M"
                case .second: "S"
                }
                add((padded ? "%" : "%-") + letter)
            case let .monthName(full, uppercase):
                add((uppercase ? "%^" : "%") + (full ? "B" : "b"))
            case let .fraction(width, dotted):
                add((dotted ? "." : "") + (width == 6 ? "%f" : "%\(width)f"))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// An attribute value: text (escaped when written) or a number (written by ``FixedDecimal``).
///
/// Keeping numbers typed until the moment they are written is what makes the output
/// deterministic and free of `nan`/`inf`: nothing in a chart turns a `Double` into text any other
/// way. String literals are accepted for constants (`"none"`, `"#0072B2"`).
public enum SVGValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral {
    case text(String)
    /// A number with at most `digits` decimals, trailing zeros dropped.
    case number(Double, digits: Int)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value), digits: 0) }
    public init(floatLiteral value: Double) { self = .number(value, digits: 2) }

    /// A coordinate or length: two decimals are 1/100 of a viewBox unit, far below a pixel.
    public static func n(_ value: Double) -> SVGValue { .number(value, digits: 2) }

    /// The escaped text to put between the quotes of an attribute.
    var markup: String {
        switch self {
        case .text(let s): XMLEscaping.escape(s)
        case .number(let v, let digits): FixedDecimal.format(v, fractionDigits: digits)
        }
    }
}

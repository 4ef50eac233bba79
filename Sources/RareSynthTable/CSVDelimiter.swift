/// The field separator of a delimited text file.
///
/// Hospital exports use all three: `,` (RFC 4180), `;` (spreadsheets in locales whose decimal
/// separator is a comma) and tab (database dumps). The raw value is the byte in the file.
public enum CSVDelimiter: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case comma = 0x2C
    case semicolon = 0x3B
    case tab = 0x09

    /// The delimiter as text, for writing and for messages.
    public var character: Character { Character(Unicode.Scalar(rawValue)) }

    public var description: String {
        switch self {
        case .comma: "comma"
        case .semicolon: "semicolon"
        case .tab: "tab"
        }
    }
}

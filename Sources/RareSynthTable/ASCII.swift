/// The bytes the CSV state machine and the writers compare against.
enum ASCII {
    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let backslash: UInt8 = 0x5C
    /// The UTF-8 byte order mark some exporters (Excel, SQL Server) put before the header.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}

/// Writes a `Table` as JSON Lines: one object per row, keys in column order, `null` for missing.
///
/// Cells are encoded by their column's `JSONValueKind`, which the caller takes from the schema;
/// nothing is guessed here. Strings are escaped per RFC 8259 (quote, backslash and control
/// characters; other UTF-8 is written as is).
public struct JSONLinesWriter: Sendable {
    public init() {}

    /// Writes `table` to `path` atomically (see `AtomicFile`).
    /// - Precondition: `kinds.count == table.columnCount`.
    public func write(_ table: Table, kinds: [JSONValueKind], to path: String) throws {
        try AtomicFile.write(to: path) { try write(table, kinds: kinds, into: &$0) }
    }

    /// Writes `table` into an open writer.
    /// - Precondition: `kinds.count == table.columnCount`.
    public func write(_ table: Table, kinds: [JSONValueKind], into out: inout FileWriter) throws {
        precondition(kinds.count == table.columnCount, "one JSON value kind per column")
        // `{"name":` and `,"name":` are the same for every row: encode them once.
        let keys: [[UInt8]] = table.columnNames.enumerated().map { j, name in
            var key: [UInt8] = [j == 0 ? UInt8(ascii: "{") : UInt8(ascii: ",")]
            Self.appendString(name, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
        let columns = table.columns
        for i in 0 ..< table.rowCount {
            for j in columns.indices {
                try out.write(keys[j])
                guard var cell = columns[j][i] else {
                    try out.write("null")
                    continue
                }
                try cell.withUTF8 { try Self.writeValue($0, kind: kinds[j], into: &out) }
            }
            if columns.isEmpty { try out.write(UInt8(ascii: "{")) }
            try out.write("}\n")
        }
    }

    private static func writeValue(_ bytes: UnsafeBufferPointer<UInt8>, kind: JSONValueKind,
                                   into out: inout FileWriter) throws {
        switch kind {
        case .number where JSONScalar.isNumber(bytes):
            try out.write(bytes)
        case .boolean:
            if let value = JSONScalar.boolean(bytes) { try out.write(value ? "true" : "false") } else {
                try writeString(bytes, into: &out)
            }
        default:
            try writeString(bytes, into: &out)
        }
    }

    /// Writes a JSON string literal, escaping only what RFC 8259 requires.
    static func writeString(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout FileWriter) throws {
        try out.write(ASCII.quote)
        var start = 0
        for k in bytes.indices {
            let b = bytes[k]
            guard b < 0x20 || b == ASCII.quote || b == ASCII.backslash else { continue }
            try out.write(UnsafeBufferPointer(rebasing: bytes[start ..< k]))
            try out.write(escape(b))
            start = k + 1
        }
        try out.write(UnsafeBufferPointer(rebasing: bytes[start...]))
        try out.write(ASCII.quote)
    }

    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(ASCII.quote)
        for b in text.utf8 {
            if b < 0x20 || b == ASCII.quote || b == ASCII.backslash { out += escape(b) } else { out.append(b) }
        }
        out.append(ASCII.quote)
    }

    /// The escape sequence for a byte that may not appear raw in a JSON string.
    private static func escape(_ b: UInt8) -> [UInt8] {
        let short: String? = switch b {
        case ASCII.quote: #"\""#
        case ASCII.backslash: #"\\"#
        case ASCII.lineFeed: #"\n"#
        case ASCII.carriageReturn: #"\r"#
        case ASCII.tab: #"\t"#
        case 0x08: #"\b"#
        case 0x0C: #"\f"#
        default: nil
        }
        if let short { return Array(short.utf8) }
        let hex = Array("0123456789abcdef".utf8)
        return Array(#"\u00"#.utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
    }
}

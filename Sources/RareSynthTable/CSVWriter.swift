/// Writes a `Table` as RFC 4180 delimited text that `CSVReader` reads back to the same table.
///
/// The header comes first, lines end in LF, missing cells are written as `missingToken` (empty by
/// default; in a one-column table as `""`, since readers skip blank lines). A cell is quoted only
/// where it has to be:
/// - it contains the delimiter, a quote (doubled inside) or a line break;
/// - it starts or ends with a space or tab (the reader trims unquoted blanks);
/// - it is text that would otherwise read back as missing: the empty string, or one of
///   `readsAsMissing` (by default `CSVOptions.defaultMissingTokens`), so the text `NA` is `"NA"`.
/// Round trip: with the reader's defaults every table reads back equal, except that an empty
/// string comes back missing, because a quoted empty field is missing by default
/// (`CSVOptions.quotedEmptyIsMissing`); turn that off to keep empty strings.
public struct CSVWriter: Sendable {
    public var delimiter: CSVDelimiter
    /// What a missing cell is written as. Should be one of the reader's missing tokens.
    public var missingToken: String
    /// Texts that must be quoted because an unquoted copy would read back as missing.
    public var readsAsMissing: Set<String>

    public init(delimiter: CSVDelimiter = .comma, missingToken: String = "",
                readsAsMissing: Set<String> = CSVOptions.defaultMissingTokens) {
        self.delimiter = delimiter
        self.missingToken = missingToken
        self.readsAsMissing = readsAsMissing
    }

    /// Writes `table` to `path` atomically (see `AtomicFile`).
    public func write(_ table: Table, to path: String) throws {
        try AtomicFile.write(to: path) { try write(table, into: &$0) }
    }

    /// Writes `table` into an open writer, for callers composing several outputs.
    public func write(_ table: Table, into out: inout FileWriter) throws {
        let matcher = MissingTokenMatcher(readsAsMissing)
        try writeRecord(table.columnNames.map { Optional($0) }, matcher: matcher, into: &out)
        let columns = table.columns
        var row = [String?](repeating: nil, count: columns.count)
        for i in 0 ..< table.rowCount {
            for j in columns.indices { row[j] = columns[j][i] }
            try writeRecord(row, matcher: matcher, into: &out)
        }
    }

    private func writeRecord(_ cells: [String?], matcher: MissingTokenMatcher, into out: inout FileWriter) throws {
        for (j, cell) in cells.enumerated() {
            if j > 0 { try out.write(delimiter.rawValue) }
            if var text = cell {
                try text.withUTF8 { try writeCell($0, matcher: matcher, into: &out) }
            } else if cells.count == 1 && missingToken.isEmpty {
                try out.write("\"\"")  // a blank line would be skipped by readers, losing the row
            } else {
                try out.write(missingToken)
            }
        }
        try out.write(ASCII.lineFeed)
    }

    private func writeCell(_ bytes: UnsafeBufferPointer<UInt8>, matcher: MissingTokenMatcher,
                           into out: inout FileWriter) throws {
        guard needsQuotes(bytes, matcher: matcher) else { return try out.write(bytes) }
        try out.write(ASCII.quote)
        var start = 0
        for k in bytes.indices where bytes[k] == ASCII.quote {
            try out.write(UnsafeBufferPointer(rebasing: bytes[start ... k]))
            start = k  // the quote is written twice: once ending this run, once starting the next
        }
        try out.write(UnsafeBufferPointer(rebasing: bytes[start...]))
        try out.write(ASCII.quote)
    }

    private func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, matcher: MissingTokenMatcher) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == ASCII.space || first == ASCII.tab || last == ASCII.space || last == ASCII.tab { return true }
        let d = delimiter.rawValue
        for b in bytes where b == d || b == ASCII.quote || b == ASCII.lineFeed || b == ASCII.carriageReturn {
            return true
        }
        return matcher.matches(bytes)
    }
}

/// The byte-level state machine that cuts delimited text into records and cells.
///
/// It works on raw `UInt8` in the current chunk: an unquoted cell becomes a `String` straight from
/// its byte range (validated as UTF-8 once), and only a quoted cell with doubled quotes is copied
/// to a scratch buffer first. When a record runs past the end of the chunk the scan of that record
/// is abandoned (`.needMore`), more input is read, and the record is scanned again from its start;
/// this keeps the machine free of cross-chunk state.
///
/// Line numbers are physical lines: `\n`, `\r\n` and a lone `\r` each end one, inside quotes too,
/// so an error after a multi-line note still names the line an editor shows.
struct CSVScanner: ~Copyable {
    enum Step { case record, needMore, endOfInput }

    private(set) var input: ChunkedInput
    let delimiter: CSVDelimiter
    private let options: CSVOptions
    private let missing: MissingTokenMatcher
    /// The line the next unconsumed byte is on.
    private(set) var line = 1
    /// The line the last scanned record started on.
    private(set) var recordLine = 1
    /// The cells of the last scanned record.
    private(set) var fields: [String?] = []
    /// Column names for error messages, once the header is known.
    var columnNames: [String] = []
    private var scratch: [UInt8] = []

    init(input: consuming ChunkedInput, options: CSVOptions) throws {
        if !input.isAtEnd { try input.refill() }
        if let delimiter = options.delimiter {
            self.delimiter = delimiter
        } else {
            // Detection sees the same sample whatever the chunk size: 64 KiB or the whole file.
            let sampleSize = 1 << 16
            while !input.isAtEnd && input.pending.count < sampleSize { try input.refill() }
            let sample = UnsafeBufferPointer(rebasing: input.pending.prefix(sampleSize))
            let bom = ASCII.byteOrderMark.elementsEqual(sample.prefix(3)) ? 3 : 0
            self.delimiter = CSVDelimiter.detect(in: UnsafeBufferPointer(rebasing: sample[bom...]),
                                                 isComplete: input.isAtEnd && input.pending.count <= sampleSize)
        }
        input.skipByteOrderMark()
        self.input = input
        self.options = options
        self.missing = MissingTokenMatcher(options.missingTokens)
    }

    /// Scans records, reading more input as needed; `false` at the end of the input.
    /// - Parameter mapsMissing: whether missing tokens become `nil` (not for the header).
    mutating func next(mapsMissing: Bool) throws -> Bool {
        while true {
            switch try scanRecord(mapsMissing: mapsMissing) {
            case .record: return true
            case .endOfInput: return false
            case .needMore: try input.refill()
            }
        }
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        (byte == ASCII.space || byte == ASCII.tab) && byte != delimiter.rawValue
    }

    // MARK: - The state machine

    /// Scans one record from the buffered bytes into `fields`.
    private mutating func scanRecord(mapsMissing: Bool) throws -> Step {
        let p = input.base
        let end = input.end
        let atEnd = input.isAtEnd
        let d = delimiter.rawValue
        let trims = options.trimsWhitespace
        var i = input.start
        var line = self.line

        // Blank lines between records carry no cells (pandas and R skip them too).
        while i < end {
            let b = p[i]
            if b == ASCII.lineFeed {
                i += 1
            } else if b == ASCII.carriageReturn {
                if i + 1 < end { i += p[i + 1] == ASCII.lineFeed ? 2 : 1 }
                else if atEnd { i += 1 }
                else { break }
            } else {
                break
            }
            line += 1
        }
        input.start = i
        self.line = line
        if i == end { return atEnd ? .endOfInput : .needMore }

        fields.removeAll(keepingCapacity: true)
        let recordLine = line
        while true {
            let fieldLine = line
            var s = i
            if trims { while s < end && isBlank(p[s]) { s += 1 } }
            if s == end && !atEnd { return .needMore }
            let cell: String?
            if s < end && p[s] == ASCII.quote {
                // Quoted: runs to the next quote not doubled; line breaks inside are content.
                var j = s + 1
                var segment = j
                var copied = false
                scratch.removeAll(keepingCapacity: true)
                let contentEnd: Int
                while true {
                    while j < end && p[j] != ASCII.quote {
                        let b = p[j]
                        let crAlone = b == ASCII.carriageReturn && (j + 1 == end || p[j + 1] != ASCII.lineFeed)
                        if b == ASCII.lineFeed || crAlone { line += 1 }
                        j += 1
                    }
                    if j == end {
                        guard atEnd else { return .needMore }
                        throw error(line: fieldLine, field: fields.count,
                                    "unterminated quoted field: the quote opened on line \(fieldLine) is never closed")
                    }
                    if j + 1 < end && p[j + 1] == ASCII.quote {
                        scratch.append(contentsOf: UnsafeBufferPointer(start: p + segment, count: j + 1 - segment))
                        copied = true
                        j += 2
                        segment = j
                        continue
                    }
                    if j + 1 == end && !atEnd { return .needMore }
                    contentEnd = j
                    j += 1
                    break
                }
                // Text after the closing quote up to the delimiter is kept literally, as pandas does
                // (`"ab"c` is `abc`); with trimming, blanks there are dropped.
                let k = Self.cellEnd(p, from: j, to: end, delimiter: d)
                if k == end && !atEnd { return .needMore }
                var tail = k
                if trims { while tail > j && isBlank(p[tail - 1]) { tail -= 1 } }
                if copied || tail > j {
                    scratch.append(contentsOf: UnsafeBufferPointer(start: p + segment, count: contentEnd - segment))
                    scratch.append(contentsOf: UnsafeBufferPointer(start: p + j, count: tail - j))
                    let bytes = scratch
                    cell = try bytes.withUnsafeBufferPointer {
                        try quotedCell($0, mapsMissing: mapsMissing, line: fieldLine)
                    }
                } else {
                    cell = try quotedCell(UnsafeBufferPointer(start: p + segment, count: contentEnd - segment),
                                          mapsMissing: mapsMissing, line: fieldLine)
                }
                i = k
            } else {
                // Unquoted: runs to the delimiter or line end; a quote inside is a literal character.
                let j = Self.cellEnd(p, from: s, to: end, delimiter: d)
                if j == end && !atEnd { return .needMore }
                var e = j
                if trims { while e > s && isBlank(p[e - 1]) { e -= 1 } }
                let bytes = UnsafeBufferPointer(start: p + s, count: e - s)
                if mapsMissing && missing.matches(bytes) {
                    cell = nil
                } else {
                    cell = try text(bytes, line: fieldLine)
                }
                i = j
            }
            fields.append(cell)

            // The byte after the cell: delimiter, line break, or the end of the input.
            if i == end { break }
            let b = p[i]
            if b == d { i += 1; continue }
            if b == ASCII.lineFeed {
                i += 1
            } else if i + 1 < end {
                i += p[i + 1] == ASCII.lineFeed ? 2 : 1
            } else if atEnd {
                i += 1
            } else {
                return .needMore
            }
            line += 1
            break
        }
        input.start = i
        self.line = line
        self.recordLine = recordLine
        return .record
    }

    /// The index of the first delimiter or line break at or after `start`, or `end`.
    @inline(__always)
    private static func cellEnd(_ p: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int,
                                delimiter d: UInt8) -> Int {
        var i = start
        while i < end {
            let b = p[i]
            if b == d || b == ASCII.lineFeed || b == ASCII.carriageReturn { break }
            i += 1
        }
        return i
    }

    // MARK: - Cells

    @inline(__always)
    private func quotedCell(_ bytes: UnsafeBufferPointer<UInt8>, mapsMissing: Bool, line: Int) throws -> String? {
        if bytes.isEmpty && mapsMissing && options.quotedEmptyIsMissing { return nil }
        return try text(bytes, line: line)
    }

    /// The cell's text; invalid UTF-8 is an error naming the line and field, never repaired silently.
    @inline(__always)
    private func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws -> String {
        // Almost every cell is ASCII: one OR over the bytes proves it valid without a decoder.
        var high: UInt8 = 0
        for b in bytes { high |= b }
        if high < 0x80 { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw error(line: line, field: fields.count, "invalid UTF-8 in field \(fields.count + 1)")
    }

    /// A `DataError` at field index `field` (0-based) of the current record.
    func error(line: Int, field: Int, _ message: String) -> DataError {
        DataError(file: input.name, line: line, column: field + 1,
                  columnName: field < columnNames.count ? columnNames[field] : nil, message)
    }
}

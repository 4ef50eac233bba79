/// Reads a delimited text file with a header row, one record at a time.
///
/// ```swift
/// var reader = try CSVReader(path: "labs.csv")
/// while let row = try reader.nextRow() { ... }      // row.count == reader.header.count
/// let table = try CSVReader.readTable(path: "labs.csv")
/// ```
/// The file is read in chunks (`CSVOptions.chunkSize`), so streaming a 1 GB file needs about one
/// chunk of memory, and `readTable` needs little more than the table it returns. The reader is
/// non-copyable because it owns the open file: two copies would silently share one position.
///
/// Every problem is a `DataError` with the file, the 1-based physical line and field number:
/// a missing or unreadable file, no header (empty file), a duplicate column name, a row with the
/// wrong number of fields, an unterminated quote (the line it opened on), invalid UTF-8.
/// Header only is not an error: it is a table with no rows, and callers decide.
///
/// Lenient where tools disagree and the intent is clear (see `CSVOptions` for missing values):
/// - a quote inside an unquoted field is a literal character (`5" tall`), as in pandas;
/// - text after a closing quote is appended literally (`"ab"c` is `abc`), as in pandas;
/// - blank lines between records are skipped, as in pandas and R;
/// - an empty column name, as R's `write.csv` writes for row names, becomes `unnamed_<field>`
///   (with a numeric suffix if that name is taken), so the file still loads and the name says why.
public struct CSVReader: ~Copyable {
    private(set) var scanner: CSVScanner
    /// The column names, in file order; unique and non-empty.
    public let header: [String]
    /// The field separator, as given in the options or detected.
    public var delimiter: CSVDelimiter { scanner.delimiter }
    /// The path (or text name) errors refer to.
    public var name: String { scanner.input.name }
    /// The physical line the last row returned by `nextRow()` started on (1-based).
    public var rowLine: Int { scanner.recordLine }
    /// How many data rows have been returned so far.
    public private(set) var rowCount = 0

    /// Opens a file and reads its header.
    public init(path: String, options: CSVOptions = CSVOptions()) throws {
        try self.init(input: ChunkedInput(path: path, chunkSize: options.chunkSize), options: options)
    }

    /// Reads CSV text held in memory; `name` stands for the file in errors.
    public init(text: String, name: String = "<text>", options: CSVOptions = CSVOptions()) throws {
        try self.init(input: ChunkedInput(bytes: text.utf8, name: name), options: options)
    }

    private init(input: consuming ChunkedInput, options: CSVOptions) throws {
        var scanner = try CSVScanner(input: input, options: options)
        guard try scanner.next(mapsMissing: false) else {
            throw DataError(file: scanner.input.name, line: scanner.line, "empty file: no header row")
        }
        let header = try Self.columnNames(scanner.fields.map { $0 ?? "" }, scanner: scanner)
        scanner.columnNames = header
        self.header = header
        self.scanner = scanner
    }

    /// The next data row, one cell per column (`nil` = missing), or `nil` at the end of the file.
    public mutating func nextRow() throws -> [String?]? {
        try advance() ? scanner.fields : nil
    }

    /// Calls `body` with each remaining row.
    public mutating func forEachRow(_ body: ([String?]) throws -> Void) throws {
        while try advance() { try body(scanner.fields) }
    }

    /// Scans the next record into `scanner.fields` and checks its width.
    mutating func advance() throws -> Bool {
        guard try scanner.next(mapsMissing: true) else { return false }
        let found = scanner.fields.count
        if found != header.count {
            throw DataError(file: name, line: scanner.recordLine, column: min(found, header.count) + 1,
                            "expected \(header.count) fields, found \(found)")
        }
        rowCount += 1
        return true
    }

    /// The cells of the record just scanned by `advance()`, without copying them into an array.
    var currentFields: [String?] { scanner.fields }

    /// Validates header cells: duplicates are an error naming both positions; empty names are
    /// generated (see the type's documentation).
    private static func columnNames(_ cells: [String], scanner: borrowing CSVScanner) throws -> [String] {
        var firstPosition: [String: Int] = [:]
        for (j, name) in cells.enumerated() where !name.isEmpty {
            if let first = firstPosition[name] {
                throw DataError(file: scanner.input.name, line: scanner.recordLine, column: j + 1, columnName: name,
                                "duplicate column name '\(name)' in fields \(first + 1) and \(j + 1)")
            }
            firstPosition[name] = j
        }
        var names = cells
        for j in names.indices where names[j].isEmpty {
            var candidate = "unnamed_\(j + 1)"
            var suffix = 2
            while firstPosition[candidate] != nil {
                candidate = "unnamed_\(j + 1)_\(suffix)"
                suffix += 1
            }
            firstPosition[candidate] = j
            names[j] = candidate
        }
        return names
    }
}

/// How `CSVReader` interprets a delimited text file.
///
/// The defaults read what hospital systems, R, SAS and spreadsheets export without configuration.
/// Quoting policy, chosen so that quotes keep their RFC 4180 meaning of "this is literal text":
/// - A missing token is recognised only in an **unquoted** field: `NA` is missing, `"NA"` is the
///   two-letter text NA (a sodium lab code, a name). R's `write.csv` writes missing as bare `NA`
///   and text quoted, so this reads its output back exactly.
/// - A quoted empty field `""` is missing by default (`quotedEmptyIsMissing`): tools that quote
///   every field (Python's `QUOTE_ALL`, several EHR exports) write a missing value as `""`, and an
///   empty string carries no information a synthesizer could use.
/// - Whitespace trimming applies to unquoted text only; spaces inside quotes are kept.
public struct CSVOptions: Sendable, Equatable {
    /// The field separator, or `nil` to detect it from the first lines (see `CSVDelimiter.detect`).
    public var delimiter: CSVDelimiter?
    /// Unquoted cell texts (after trimming) that mean "missing". Case-sensitive.
    public var missingTokens: Set<String>
    /// Whether a quoted empty field `""` is missing (`true`) or the empty string (`false`).
    public var quotedEmptyIsMissing: Bool
    /// Whether spaces and tabs around unquoted fields (and around the quotes of quoted ones) are
    /// dropped. Fixed-width-style exports pad numbers (`  12.5`), which would otherwise not parse.
    public var trimsWhitespace: Bool
    /// How many bytes are read from the file at a time. Memory use is about one chunk plus the
    /// rows the caller keeps; a record longer than a chunk grows the buffer to fit it.
    public var chunkSize: Int

    /// Empty, `NA` (R), `NaN` (pandas, Python), `NULL` (SQL dumps) and `.` (SAS, Stata).
    public static let defaultMissingTokens: Set<String> = ["", "NA", "NaN", "NULL", "."]

    public init(delimiter: CSVDelimiter? = nil,
                missingTokens: Set<String> = CSVOptions.defaultMissingTokens,
                quotedEmptyIsMissing: Bool = true,
                trimsWhitespace: Bool = true,
                chunkSize: Int = 1 << 20) {
        self.delimiter = delimiter
        self.missingTokens = missingTokens
        self.quotedEmptyIsMissing = quotedEmptyIsMissing
        self.trimsWhitespace = trimsWhitespace
        self.chunkSize = max(chunkSize, 16)
    }
}

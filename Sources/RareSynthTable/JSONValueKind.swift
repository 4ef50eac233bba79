/// How `JSONLinesWriter` writes a column's cells: the schema decides, the writer only encodes.
public enum JSONValueKind: Sendable, Equatable, CaseIterable {
    /// Written verbatim when the cell is a valid JSON number (`-1.5e3`), else as a string,
    /// so a stray `>100` or `1,5` is never lost or turned into invalid JSON.
    case number
    /// `true`/`false` for the usual spellings (case-insensitive `true`/`false`, `t`/`f`,
    /// `yes`/`no`, `y`/`n`, `1`/`0`), else the cell as a string.
    case boolean
    /// Always a JSON string.
    case string
}

/// The declared type (SQLite "affinity") of a column written by `SQLiteWriter`, and so how its
/// cells are converted: the schema decides, the writer only encodes.
public enum SQLiteColumnType: String, Sendable, Equatable, CaseIterable {
    /// 64-bit integers. Integral reals such as R's `1e+05` or `3.0` are accepted as integers.
    case integer = "INTEGER"
    /// Doubles.
    case real = "REAL"
    /// Text, stored as it was read.
    case text = "TEXT"
}

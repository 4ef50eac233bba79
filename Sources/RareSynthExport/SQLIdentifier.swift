/// SQL identifier quoting that is safe for any name a CSV header can hold.
///
/// A column named `a"b; DROP TABLE x` must stay one identifier: wrap in double quotes and double
/// the quotes inside (SQL standard, and SQLite). GRDB's `quotedDatabaseIdentifier` only wraps,
/// so it is not used here. NUL cannot be quoted (SQL text is a C string); `SQLiteWriter` rejects it.
enum SQLIdentifier {
    static func quoted(_ name: String) -> String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }
}

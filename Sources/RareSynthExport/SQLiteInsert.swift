import GRDBSQLite
import RareSynthTable

/// Binds values straight to a prepared `INSERT` through the SQLite C API and runs it.
///
/// GRDB prepares the statement and owns the connection and transaction; only the per-row loop
/// bypasses it: building a `StatementArguments` per row costs a generic key-path projection per
/// value, which made a million 20-column rows take 17 s instead of about 4.
struct SQLiteInsert {
    let statement: OpaquePointer
    /// The destination file and table errors name.
    let destination: String
    let tableName: String

    /// `SQLITE_TRANSIENT`: SQLite copies the text before `bind` returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Binds one value to the 0-based parameter `index`.
    @inline(__always)
    func bind(_ value: SQLiteValue, at index: Int) throws {
        let parameter = Int32(index + 1)
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(statement, parameter)
        case .integer(let value):
            code = sqlite3_bind_int64(statement, parameter, value)
        case .real(let value):
            code = sqlite3_bind_double(statement, parameter, value)
        case .text(var text):
            code = text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    guard let start = chars.baseAddress else {
                        return sqlite3_bind_text(statement, parameter, "", 0, Self.transient)
                    }
                    return sqlite3_bind_text(statement, parameter, start, Int32(chars.count), Self.transient)
                }
            }
        }
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// Binds UTF-8 text (copied by SQLite before this returns) to the 0-based parameter `index`,
    /// for text formatted into a scratch buffer (dates) rather than held in a `String`.
    @inline(__always)
    func bindText(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) throws {
        let code = bytes.withMemoryRebound(to: CChar.self) { chars in
            sqlite3_bind_text(statement, Int32(index + 1), chars.baseAddress, Int32(chars.count), Self.transient)
        }
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// Inserts the bound row and readies the statement for the next one.
    func step() throws {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    private func error(_ code: Int32) -> DataError {
        let message = sqlite3_db_handle(statement).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DataError(file: destination,
                         "cannot insert into table '\(tableName)': \(message ?? "SQLite error \(code)")")
    }
}

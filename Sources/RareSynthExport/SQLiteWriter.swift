import GRDB
import RareSynthTable

/// Writes tables into a SQLite database file, for hand-over to tools that speak SQL.
///
/// Each column is declared `INTEGER`, `REAL` or `TEXT` (`SQLiteColumnType`) and its cells are
/// bound with that type (Int64, Double, text), so `typeof()` in SQLite matches the schema;
/// missing cells are `NULL`. A cell that does not convert is a `DataError` naming the table,
/// column and row, never a silent text value in a numeric column.
///
/// The file is built whole in a temporary file beside the destination (through `AtomicFile`)
/// and renamed over it at the end: an existing destination is **replaced**, not merged into,
/// and a failed write leaves it untouched. Because the temporary file is private until the
/// rename, it is written without a rollback journal or intermediate syncs, in one transaction
/// with one prepared `INSERT` per table, which is what makes a million rows take seconds.
/// Identifiers are double-quoted with inner quotes doubled, so any column name is safe.
public enum SQLiteWriter {
    /// One table to write: its SQL name, its cells and one declared type per column.
    public struct Entry: Sendable {
        public var name: String
        public var table: RareSynthTable.Table
        public var columnTypes: [SQLiteColumnType]

        /// - Precondition: `columnTypes.count == table.columnCount`.
        public init(name: String, table: RareSynthTable.Table, columnTypes: [SQLiteColumnType]) {
            precondition(columnTypes.count == table.columnCount, "one SQLite column type per column")
            self.name = name
            self.table = table
            self.columnTypes = columnTypes
        }
    }

    /// Writes `table` as the SQL table `name` of a new database at `path` (replacing the file).
    public static func write(_ table: RareSynthTable.Table, named name: String, columnTypes: [SQLiteColumnType],
                             to path: String) throws {
        try write([Entry(name: name, table: table, columnTypes: columnTypes)], to: path)
    }

    /// Writes several tables into one new database at `path` (replacing the file).
    public static func write(_ entries: [Entry], to path: String) throws {
        for entry in entries {
            for name in [entry.name] + entry.table.columnNames where name.utf8.contains(0) {
                throw DataError(file: path, "the SQL identifier \(name.debugDescription) contains a NUL character")
            }
        }
        try AtomicFile.replace(path, sidecarSuffixes: ["-journal", "-wal", "-shm"]) { temporaryPath in
            do {
                let database = try DatabaseQueue(path: temporaryPath)
                try database.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
                    try db.inTransaction {
                        for entry in entries { try insert(entry, into: db, path: path) }
                        return .commit
                    }
                }
                try database.close()
            } catch let error as DatabaseError {
                throw DataError(file: path, "cannot write SQLite database: \(error.message ?? "\(error)")")
            }
        }
    }

    private static func insert(_ entry: Entry, into db: Database, path: String) throws {
        let table = entry.table
        let columns = zip(table.columnNames, entry.columnTypes)
            .map { "\(SQLIdentifier.quoted($0)) \($1.rawValue)" }
        try db.execute(sql: "CREATE TABLE \(SQLIdentifier.quoted(entry.name)) (\(columns.joined(separator: ", ")))")
        guard table.columnCount > 0 else { return }
        let placeholders = Array(repeating: "?", count: table.columnCount).joined(separator: ", ")
        let statement = try db.makeStatement(
            sql: "INSERT INTO \(SQLIdentifier.quoted(entry.name)) VALUES (\(placeholders))")
        let insert = SQLiteInsert(statement: statement.sqliteStatement, destination: path, tableName: entry.name)
        // Convert a block of rows column by column (sequential reads of each column, one type per
        // loop), then bind it row by row: reading the column-major table row-wise directly missed
        // the cache on every cell.
        let cells = table.columns
        let width = cells.count
        let blockRows = 256
        var block = [SQLiteValue](repeating: .null, count: blockRows * width)
        var first = 0
        while first < table.rowCount {
            let count = min(blockRows, table.rowCount - first)
            for j in 0 ..< width {
                let column = cells[j]
                let type = entry.columnTypes[j]
                for r in 0 ..< count {
                    guard let value = SQLiteValue(column[first + r], as: type) else {
                        throw DataError(file: path, column: j + 1, columnName: table.columnNames[j],
                                        "table '\(entry.name)' row \(first + r + 1): expected \(type.expectation), "
                                            + "found '\(column[first + r] ?? "")'")
                    }
                    block[r * width + j] = value
                }
            }
            for r in 0 ..< count {
                for j in 0 ..< width { try insert.bind(block[r * width + j], at: j) }
                try insert.step()
            }
            first += count
        }
    }
}

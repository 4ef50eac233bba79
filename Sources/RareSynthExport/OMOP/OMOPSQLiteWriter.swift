import GRDB
import GRDBSQLite
import RareSynthTable

/// A cell of an OMOP CDM row. Dates are day numbers (`CivilDate`) and are stored as ISO-8601
/// text `YYYY-MM-DD` in SQLite's `date` columns: SQLite has no date type, its date functions
/// read that form, and it sorts chronologically.
public enum OMOPValue: Sendable, Equatable {
    case null
    case integer(Int)
    case real(Double)
    case text(String)
    case date(Int)
}

/// Where CDM rows go: one sink per table. The SQLite writer inserts them in its transaction; the
/// PostgreSQL writer stages them for `COPY`.
public protocol OMOPLoader: AnyObject {
    /// The sink of `table`, for a loop that writes many rows (made once per table).
    func sink(for table: String) throws -> any OMOPRowSink
}

/// Takes rows of one CDM table: one value per column, in the CDM's column order.
public protocol OMOPRowSink: AnyObject {
    func insert(_ row: [OMOPValue]) throws
}

/// Writes an OMOP CDM v5.4 database as one SQLite file, built whole and renamed into place.
///
/// Every CDM table is created (OHDSI's complete v5.4 definition, with its primary and foreign
/// keys inline), rows are loaded in one transaction with one prepared `INSERT` per table, the
/// vocabulary subset the rows refer to is added, OHDSI's indexes are built, and
/// `PRAGMA foreign_key_check` must find no row pointing at a missing parent before the file
/// becomes visible. A failure at any step leaves no database behind (and an existing one untouched).
public enum OMOPSQLiteWriter {
    /// Loads rows, table by table, inside the writer's transaction.
    public final class Loader: OMOPLoader {
        let db: Database
        let path: String
        private var inserters: [String: Inserter] = [:]

        init(db: Database, path: String) {
            self.db = db
            self.path = path
        }

        public func sink(for table: String) throws -> any OMOPRowSink { try inserter(for: table) }

        /// The inserter of `table`, for a loop that inserts many rows (prepared once).
        public func inserter(for table: String) throws -> Inserter {
            if let inserter = inserters[table] { return inserter }
            let definition = OMOPCDM54.table(table)
            let placeholders = Array(repeating: "?", count: definition.columns.count).joined(separator: ", ")
            let statement = try db.makeStatement(sql: "INSERT INTO \(table) VALUES (\(placeholders))")
            let inserter = Inserter(statement: statement, definition: definition, path: path)
            inserters[table] = inserter
            return inserter
        }
    }

    /// Inserts rows of one table: one value per column, in the CDM's column order.
    public final class Inserter: OMOPRowSink {
        let statement: Statement
        let insert: SQLiteInsert
        public let definition: OMOPTableDefinition
        /// Columns whose bound value is NULL now: bindings outlive `sqlite3_reset`, so a NULL that
        /// was NULL in the previous row too (most CDM columns, in most rows) is not bound again.
        private var boundNull: [Bool]

        init(statement: Statement, definition: OMOPTableDefinition, path: String) {
            self.statement = statement
            self.definition = definition
            boundNull = Array(repeating: false, count: definition.columns.count)
            insert = SQLiteInsert(statement: statement.sqliteStatement, destination: path, tableName: definition.name)
        }

        /// - Precondition: `row.count` is the table's column count.
        public func insert(_ row: [OMOPValue]) throws {
            precondition(row.count == definition.columns.count, "\(definition.name): \(row.count) values for \(definition.columns.count) columns")
            for (j, value) in row.enumerated() {
                if case .null = value {
                    if !boundNull[j] { try insert.bind(.null, at: j) }
                    boundNull[j] = true
                    continue
                }
                boundNull[j] = false
                switch value {
                case .null: break
                case .integer(let v): try insert.bind(.integer(Int64(v)), at: j)
                case .real(let v): try insert.bind(.real(v), at: j)
                case .text(let v): try insert.bind(.text(v), at: j)
                case .date(let day): try CivilDate.withISO(day) { try insert.bindText($0, at: j) }
                }
            }
            try insert.step()
        }
    }

    /// Creates the database at `path` (replacing it), runs `load` to insert the data's rows,
    /// then adds `vocabulary` (the concepts, domains, vocabularies and concept classes the
    /// rows use) and `source` (the `cdm_source` row), builds the indexes and checks the keys.
    /// - Throws: `DataError` naming `path`, with the first foreign key that points nowhere.
    public static func write(to path: String, vocabulary: OMOPVocabulary, source: OMOPSource,
                             _ load: (any OMOPLoader) throws -> Void) throws {
        try AtomicFile.replace(path, sidecarSuffixes: ["-journal", "-wal", "-shm"]) { temporaryPath in
            do {
                // The file is private until renamed: no journal, no syncs, an exclusive lock held
                // throughout, and 16 KiB pages with a 64 MiB cache (a third less time than SQLite's
                // defaults for a course-heavy cohort, with memory still bounded whatever the size).
                let database = try DatabaseQueue(path: temporaryPath)
                try database.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA cache_size = -65536; PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF")
                    try db.inTransaction {
                        for statement in OMOPCDM54.sqliteCreateStatements() { try db.execute(sql: statement) }
                        let loader = Loader(db: db, path: path)
                        try load(loader)
                        try vocabulary.insert(into: loader, source: source)
                        for statement in OMOPCDM54.sqliteIndexStatements() { try db.execute(sql: statement) }
                        if let row = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                            let table: String = row[0], rowid: Int64? = row[1], parent: String = row[2]
                            throw DataError(file: path, "table '\(table)' row \(rowid.map(String.init) ?? "?") refers to a missing '\(parent)' row")
                        }
                        return .commit
                    }
                }
                try database.close()
            } catch let error as DatabaseError {
                throw DataError(file: path, "cannot write the OMOP database: \(error.message ?? "\(error)")")
            }
        }
    }
}

/// The `cdm_source` row: what the database holds and who made it. Dates are day numbers.
public struct OMOPSource: Sendable {
    public var name: String
    public var abbreviation: String
    public var holder: String
    public var description: String
    public var documentationReference: String?
    public var etlReference: String?
    public var sourceReleaseDate: Int
    public var cdmReleaseDate: Int

    public init(name: String, abbreviation: String, holder: String, description: String, documentationReference: String? = nil,
                etlReference: String? = nil, sourceReleaseDate: Int, cdmReleaseDate: Int) {
        self.name = name
        self.abbreviation = abbreviation
        self.holder = holder
        self.description = description
        self.documentationReference = documentationReference
        self.etlReference = etlReference
        self.sourceReleaseDate = sourceReleaseDate
        self.cdmReleaseDate = cdmReleaseDate
    }

    public func row(vocabularyVersion: String) -> [OMOPValue] {
        let t = OMOPCDM54.table("cdm_source")
        var row = [OMOPValue](repeating: .null, count: t.columns.count)
        row[t.index(of: "cdm_source_name")] = .text(name)
        row[t.index(of: "cdm_source_abbreviation")] = .text(String(abbreviation.prefix(25)))
        row[t.index(of: "cdm_holder")] = .text(holder)
        row[t.index(of: "source_description")] = .text(description)
        row[t.index(of: "source_documentation_reference")] = documentationReference.map(OMOPValue.text) ?? .null
        row[t.index(of: "cdm_etl_reference")] = etlReference.map(OMOPValue.text) ?? .null
        row[t.index(of: "source_release_date")] = .date(sourceReleaseDate)
        row[t.index(of: "cdm_release_date")] = .date(cdmReleaseDate)
        row[t.index(of: "cdm_version")] = .text(OMOPCDM54.version)
        row[t.index(of: "cdm_version_concept_id")] = .integer(OMOPCDM54.versionConceptID)
        row[t.index(of: "vocabulary_version")] = .text(String(vocabularyVersion.prefix(20)))
        return row
    }
}

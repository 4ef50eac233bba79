import Foundation
import Logging
import PostgresNIO
import RareSynthExport
import RareSynthTable

/// Writes an OMOP CDM v5.4 into a PostgreSQL schema in one transaction, loading with `COPY`.
///
/// The connection is opened first, so an unreachable server or a refused login fails before any
/// row is made. Rows are then staged as `COPY` text in temporary files, one per table (memory
/// stays flat however many patients), and loaded in one transaction: the schema is dropped and
/// created again, the tables are created as OHDSI's DDL defines them, each is filled with `COPY
/// … FROM STDIN`, and OHDSI's primary keys, foreign keys and indexes are added after loading (as
/// OHDSI's scripts order them, and much faster than checking row by row). A failure at any step,
/// a foreign key that points nowhere included, rolls the whole transaction back.
public enum OMOPPostgresWriter {
    public static func write(to target: PostgresTarget, vocabulary: OMOPVocabulary, source: OMOPSource,
                             _ load: (any OMOPLoader) throws -> Void) async throws {
        var logger = Logger(label: "raresynth.postgres")
        logger.logLevel = .critical
        let configuration = PostgresConnection.Configuration(host: target.host, port: target.port, username: target.user,
                                                             password: target.password, database: target.database, tls: .disable)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw DataError("cannot connect to PostgreSQL at \(target): \(describe(error))")
        }
        let staging = try StagingLoader()
        defer { staging.remove() }
        do {
            try load(staging)
            try vocabulary.insert(into: staging, source: source)
            try staging.finish()
            try await run(connection, logger, "BEGIN")
            do {
                try await run(connection, logger, "DROP SCHEMA IF EXISTS \(target.schema) CASCADE")
                try await run(connection, logger, "CREATE SCHEMA \(target.schema)")
                let statements = OMOPCDM54.postgresStatements(schema: target.schema)
                for sql in statements.tables { try await run(connection, logger, sql) }
                // postgres-nio quotes COPY's table name whole, so the schema comes from the search path.
                try await run(connection, logger, "SET LOCAL search_path TO \(target.schema)")
                for table in OMOPCDM54.tables {
                    guard let file = staging.files[table.name] else { continue }
                    try await copy(file, into: table.name, connection, logger)
                }
                for sql in statements.keys + statements.indexes { try await run(connection, logger, sql) }
                try await run(connection, logger, "COMMIT")
            } catch {
                try? await run(connection, logger, "ROLLBACK")
                throw error
            }
            try await connection.close()
        } catch let error as DataError {
            try? await connection.close()
            throw error
        } catch {
            try? await connection.close()
            throw DataError("cannot write the OMOP CDM into PostgreSQL at \(target): \(describe(error))")
        }
    }

    static func run(_ connection: PostgresConnection, _ logger: Logger, _ sql: String) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    static func copy(_ path: String, into table: String, _ connection: PostgresConnection, _ logger: Logger) async throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw DataError(file: path, "cannot read the staged rows") }
        defer { try? handle.close() }
        try await connection.copyFrom(table: table, logger: logger) { writer in
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
        }
    }

    /// PostgreSQL's own message (severity, SQLSTATE, text) where the server sent one.
    static func describe(_ error: any Error) -> String {
        if let psql = error as? PSQLError, let server = psql.serverInfo {
            let message = server[.message] ?? "\(psql.code)"
            let detail = server[.detail].map { " (\($0))" } ?? ""
            return "\(message)\(detail)"
        }
        return String(describing: error)
    }
}

/// Stages rows as PostgreSQL `COPY` text, one temporary file per table.
final class StagingLoader: OMOPLoader {
    let directory: String
    private(set) var files: [String: String] = [:]
    private var sinks: [String: Sink] = [:]

    init() throws {
        directory = NSTemporaryDirectory() + "raresynth-copy-\(UInt64.random(in: 0 ... .max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func sink(for table: String) throws -> any OMOPRowSink {
        if let sink = sinks[table] { return sink }
        let path = "\(directory)/\(table).copy"
        let sink = try Sink(path: path, columns: OMOPCDM54.table(table).columns.count, table: table)
        sinks[table] = sink
        files[table] = path
        return sink
    }

    func finish() throws { for sink in sinks.values { try sink.finish() } }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    final class Sink: OMOPRowSink {
        let file: BufferedFile
        let columns: Int
        let table: String

        init(path: String, columns: Int, table: String) throws {
            file = try BufferedFile(path: path)
            self.columns = columns
            self.table = table
        }

        func insert(_ row: [OMOPValue]) throws {
            precondition(row.count == columns, "\(table): \(row.count) values for \(columns) columns")
            try file.append { buffer in
                for (j, value) in row.enumerated() {
                    if j > 0 { buffer.append(9) }
                    switch value {
                    case .null: buffer.append(contentsOf: [92, 78])   // \N
                    case .integer(let v): buffer.append(contentsOf: String(v).utf8)
                    case .real(let v): buffer.append(contentsOf: String(v).utf8)
                    case .date(let day): CivilDate.appendISO(day, to: &buffer)
                    case .text(let text):
                        for b in text.utf8 {
                            switch b {
                            case 92: buffer.append(contentsOf: [92, 92])
                            case 9: buffer.append(contentsOf: [92, 116])
                            case 10: buffer.append(contentsOf: [92, 110])
                            case 13: buffer.append(contentsOf: [92, 114])
                            default: buffer.append(b)
                            }
                        }
                    }
                }
                buffer.append(10)
            }
        }

        func finish() throws { try file.finish() }
    }
}

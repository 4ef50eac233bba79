/// OMOP Common Data Model v5.4 as OHDSI defines it: every table, column, type, required flag,
/// primary key, foreign key and index, generated from OHDSI's own DDL
/// (`OMOPCDM54+Tables.swift`, by scripts/omop/make_ddl.py), so that what RareSynth writes is
/// the model the OHDSI tools (Achilles, the Data Quality Dashboard, ATLAS) read.
public enum OMOPCDM54 {
    /// `cdm_source.cdm_version`.
    public static let version = "v5.4"
    /// `cdm_source.cdm_version_concept_id`: 'OMOP CDM Version 5.4.0'.
    public static let versionConceptID = 756_265

    /// The table named `name`. - Precondition: it is a CDM v5.4 table.
    public static func table(_ name: String) -> OMOPTableDefinition {
        guard let table = tables.first(where: { $0.name == name }) else { preconditionFailure("no CDM v5.4 table '\(name)'") }
        return table
    }

    /// SQLite `CREATE TABLE` statements for every table, parents first. SQLite cannot add
    /// constraints to an existing table (OHDSI's `ALTER TABLE … ADD CONSTRAINT` files), so the
    /// primary and foreign keys are written inline; types follow OHDSI's SQLite dialect (dates
    /// `date`, datetimes and numerics `REAL`, text `TEXT`).
    public static func sqliteCreateStatements() -> [String] {
        tables.map { table in
            var parts = table.columns.map { column in
                "\(quoted(column.name)) \(sqliteType(column.type))\(column.required ? " NOT NULL" : " NULL")"
            }
            if let key = table.primaryKey { parts.append("CONSTRAINT \(key.name) PRIMARY KEY (\(key.column))") }
            for key in table.foreignKeys {
                parts.append("CONSTRAINT \(key.name) FOREIGN KEY (\(key.column)) REFERENCES \(key.table) (\(key.referencedColumn))")
            }
            return "CREATE TABLE \(table.name) (\n\t\(parts.joined(separator: ",\n\t")))"
        }
    }

    /// OHDSI's indexes (created after loading, which is faster than maintaining them row by row).
    public static func sqliteIndexStatements() -> [String] {
        tables.flatMap { table in
            table.indexes.map { "CREATE INDEX \($0.name) ON \(table.name) (\($0.columns.joined(separator: ", ")))" }
        }
    }

    /// A column name as SQL: quoted where it is a keyword (OHDSI quotes note_nlp's "offset").
    public static func quoted(_ name: String) -> String { name == "offset" ? "\"offset\"" : name }

    /// PostgreSQL statements for `schema`, as OHDSI's DDL files order them: the tables, then (after
    /// loading) the primary keys, the foreign keys and the indexes.
    public static func postgresStatements(schema: String) -> (tables: [String], keys: [String], indexes: [String]) {
        let tables = self.tables.map { table in
            let columns = table.columns.map { "\(quoted($0.name)) \($0.type) \($0.required ? "NOT NULL" : "NULL")" }
            return "CREATE TABLE \(schema).\(table.name) (\(columns.joined(separator: ", ")))"
        }
        let primary = self.tables.compactMap { table in
            table.primaryKey.map { "ALTER TABLE \(schema).\(table.name) ADD CONSTRAINT \($0.name) PRIMARY KEY (\($0.column))" }
        }
        let foreign = self.tables.flatMap { table in
            table.foreignKeys.map {
                "ALTER TABLE \(schema).\(table.name) ADD CONSTRAINT \($0.name) FOREIGN KEY (\($0.column)) REFERENCES \(schema).\($0.table) (\($0.referencedColumn))"
            }
        }
        let indexes = self.tables.flatMap { table in
            table.indexes.map { "CREATE INDEX \($0.name) ON \(schema).\(table.name) (\($0.columns.joined(separator: ", ")))" }
        }
        return (tables, primary + foreign, indexes)
    }

    static func sqliteType(_ postgres: String) -> String {
        switch postgres.lowercased() {
        case "integer", "bigint": return "integer"
        case "numeric": return "REAL"
        case "timestamp": return "REAL"
        case "date": return "date"
        default: return "TEXT"
        }
    }
}

/// One CDM table: its columns in OHDSI's order and its keys.
public struct OMOPTableDefinition: Sendable {
    public struct Column: Sendable {
        public let name: String
        /// The PostgreSQL type in OHDSI's DDL (`integer`, `varchar(50)`, `date`, `TIMESTAMP`, `NUMERIC`).
        public let type: String
        /// NOT NULL in the DDL (`isRequired` in OHDSI's field-level specification).
        public let required: Bool
        init(_ name: String, _ type: String, required: Bool) {
            self.name = name
            self.type = type
            self.required = required
        }
    }

    public struct PrimaryKey: Sendable { public let name: String, column: String }
    public struct ForeignKey: Sendable { public let name: String, column: String, table: String, referencedColumn: String }
    public struct Index: Sendable { public let name: String, columns: [String] }

    public let name: String
    public let columns: [Column]
    public let primaryKey: PrimaryKey?
    public let foreignKeys: [ForeignKey]
    public let indexes: [Index]

    /// The position of `column` in a row. - Precondition: the table has it.
    public func index(of column: String) -> Int {
        guard let i = columns.firstIndex(where: { $0.name == column }) else { preconditionFailure("no column \(name).\(column)") }
        return i
    }
}

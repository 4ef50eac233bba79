import Foundation
import RareSynthTable

/// Where an OMOP CDM goes in PostgreSQL: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME]`
/// (the libpq URL form; the password may also come from `PGPASSWORD`). The CDM's tables go into
/// `schema` (default `cdm`), which the writer replaces.
public struct PostgresTarget: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var schema: String

    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String, schema: String = "cdm") {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.schema = schema
    }

    /// - Throws: `DataError` saying what part of the URL is wrong.
    public init(url text: String) throws {
        guard let url = URLComponents(string: text), url.scheme == "postgres" || url.scheme == "postgresql" else {
            throw DataError("'\(text)' is not a PostgreSQL URL: expected postgres://USER@HOST[:PORT]/DATABASE[?schema=NAME]")
        }
        guard let host = url.host, !host.isEmpty else { throw DataError("the PostgreSQL URL '\(text)' names no host") }
        guard let user = url.user, !user.isEmpty else { throw DataError("the PostgreSQL URL '\(text)' names no user (USER@HOST)") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw DataError("the PostgreSQL URL '\(text)' names no database (/DATABASE)") }
        var schema = "cdm"
        for item in url.queryItems ?? [] {
            guard item.name == "schema", let value = item.value else {
                throw DataError("the PostgreSQL URL '\(text)': unknown parameter '\(item.name)' (only schema=NAME)")
            }
            schema = value
        }
        guard schema.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw DataError("the schema name '\(schema)' must be lower-case letters, digits and _ (it is written into SQL)")
        }
        self.init(host: host, port: url.port ?? 5432, user: user,
                  password: url.password ?? ProcessInfo.processInfo.environment["PGPASSWORD"], database: database, schema: schema)
    }

    /// The URL without the password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)?schema=\(schema)" }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server of its own for a test: a new cluster in a temporary directory, on a free
/// port of 127.0.0.1, trust authentication for the user `raresynth`, started with `pg_ctl` and
/// stopped and deleted by `stop()`. Needs Debian's `postgresql` (scripts/test-tools installs it).
/// Run as root (CI), the cluster belongs to the `postgres` system user, as initdb requires.
final class ThrowawayPostgres {
    let directory: String
    let port: Int
    let bin: String
    let asPostgres: Bool

    /// Nil, with the reason, when PostgreSQL's server programs are not installed.
    static func start() throws -> (server: ThrowawayPostgres?, reason: String?) {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.sorted().last(where: {
            FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb")
        }) else {
            return (nil, "PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb); run scripts/test-tools")
        }
        return (try ThrowawayPostgres(bin: "/usr/lib/postgresql/\(version)/bin"), nil)
    }

    init(bin: String) throws {
        self.bin = bin
        asPostgres = getuid() == 0
        directory = "/tmp/raresynth-pg-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        port = Self.freePort()
        if asPostgres {
            guard let user = getpwnam("postgres") else { throw TestFailure("no 'postgres' system user to own the cluster") }
            chown(directory, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        try run("\(bin)/initdb", ["-D", "\(directory)/data", "-U", "raresynth", "--auth=trust", "-E", "UTF8", "--no-sync"])
        // The server inherits pg_ctl's output: it goes to the log, not to a pipe this process would wait on.
        try run("\(bin)/pg_ctl", ["-D", "\(directory)/data", "-l", "\(directory)/log", "-w", "-o",
                                  "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
                                  "start"])
    }

    var url: String { "postgres://raresynth@127.0.0.1:\(port)/postgres" }

    /// One value from `psql` (unaligned, tuples only).
    func query(_ sql: String) throws -> String {
        try run("\(bin)/psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "raresynth", "-d", "postgres", "-At", "-c", sql])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a psql script (SQL and backslash commands such as `\copy`), stopping at the first error.
    func script(_ text: String) throws {
        let path = "\(NSTemporaryDirectory())raresynth-pg-script-\(UUID().uuidString).sql"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try run("\(bin)/psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "raresynth", "-d", "postgres", "-q",
                                "-v", "ON_ERROR_STOP=1", "-f", path])
    }

    func stop() {
        _ = try? run("\(bin)/pg_ctl", ["-D", "\(directory)/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs a program (as `postgres` when root) with its output in a file, by posix_spawn and
    /// waitpid: Foundation's `Process` waits for descriptors that the server pg_ctl starts would
    /// inherit and keep open, so it never returns for `pg_ctl start`.
    @discardableResult
    func run(_ program: String, _ arguments: [String]) throws -> String {
        let argv = asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] + arguments : [program] + arguments
        let output = "\(NSTemporaryDirectory())raresynth-pg-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArguments { free(p) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ) == 0 else {
            throw TestFailure("cannot start \(argv[0])")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else { throw TestFailure("\((program as NSString).lastPathComponent) failed (\(status)): \(text)") }
        return text
    }

    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

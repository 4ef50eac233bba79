/// Writes an output file so that it appears whole or not at all.
///
/// Every writer goes through here: the bytes go to a hidden temporary file in the destination's
/// directory (`.name.tmp-<random>`, same file system, so the final `rename` is atomic), which is
/// flushed to disk and renamed over the destination only when the write succeeded. If anything
/// throws, the temporary file is removed and the destination is untouched: an interrupted
/// export never leaves a truncated CSV that looks complete. An existing destination is replaced.
public enum AtomicFile {
    /// Streams bytes into `path` through a buffered `FileWriter`.
    /// - Throws: `DataError` naming `path` when it cannot be written; whatever `body` throws.
    public static func write(to path: String, bufferSize: Int = 1 << 20,
                             _ body: (inout FileWriter) throws -> Void) throws {
        try replace(path) { temporaryPath in
            let fd = SystemIO.openForWriting(temporaryPath)
            guard fd >= 0 else { throw writeError(path) }
            defer { SystemIO.closeDescriptor(fd) }
            var writer = FileWriter(descriptor: fd, destination: path, capacity: bufferSize)
            try body(&writer)
            try writer.flush()
        }
    }

    /// Runs `body` with the path of a new, empty temporary file beside `path`, for writers that
    /// need a path rather than a stream (SQLite); on success the file is synced and renamed to
    /// `path`, otherwise removed, together with any `temporaryPath + suffix` for `sidecarSuffixes`
    /// (files the writer may leave beside it, such as SQLite's `-journal`).
    /// - Throws: `DataError` naming `path` when it cannot be written; whatever `body` throws.
    public static func replace<T>(_ path: String, sidecarSuffixes: [String] = [],
                                  _ body: (_ temporaryPath: String) throws -> T) throws -> T {
        let temporaryPath = temporaryPath(for: path)
        let fd = SystemIO.createExclusive(temporaryPath)
        guard fd >= 0 else { throw writeError(path) }
        SystemIO.closeDescriptor(fd)
        do {
            let result = try body(temporaryPath)
            try sync(temporaryPath, destination: path)
            guard SystemIO.moveReplacing(temporaryPath, path) else { throw writeError(path) }
            return result
        } catch {
            SystemIO.removeFile(temporaryPath)
            for suffix in sidecarSuffixes { SystemIO.removeFile(temporaryPath + suffix) }
            throw error
        }
    }

    /// `dir/.name.tmp-<random>`: hidden, and in the destination's directory so `rename` is atomic.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let random = String(UInt64.random(in: 0 ... .max), radix: 36)
        return "\(directory).\(name).tmp-\(random)"
    }

    /// Flushes the temporary file to disk before the rename makes it visible.
    private static func sync(_ temporaryPath: String, destination: String) throws {
        let fd = SystemIO.openForSync(temporaryPath)
        guard fd >= 0 else { throw writeError(destination) }
        defer { SystemIO.closeDescriptor(fd) }
        guard SystemIO.syncDescriptor(fd) else { throw writeError(destination) }
    }

    static func writeError(_ path: String) -> DataError {
        DataError(file: path, "cannot write file: \(SystemIO.lastErrorMessage())")
    }
}

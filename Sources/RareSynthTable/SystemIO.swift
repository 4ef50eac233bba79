#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few C library calls the readers and writers need, behind one import switch.
///
/// The module deliberately avoids Foundation: `fopen`/`fread` and `open`/`write`/`rename` are all a
/// streaming CSV reader and an atomic writer need, and they keep the hot loops free of bridging.
/// Names differ from the C ones so that the calls inside cannot resolve to these wrappers.
enum SystemIO {
    typealias Stream = UnsafeMutablePointer<FILE>

    /// The text of the current `errno`, for an error message a user can act on.
    static func lastErrorMessage() -> String { String(cString: strerror(errno)) }

    static func openStream(_ path: String) -> Stream? { fopen(path, "rb") }
    static func closeStream(_ stream: Stream) { fclose(stream) }

    /// Reads up to `count` bytes; returns how many were read and whether the stream failed.
    static func readStream(_ stream: Stream, into buffer: UnsafeMutablePointer<UInt8>, count: Int)
        -> (count: Int, failed: Bool)
    {
        let n = fread(buffer, 1, count, stream)
        return (n, n < count && ferror(stream) != 0)
    }

    /// Creates `path` for writing; fails (-1) when it exists, so a temporary name is never shared.
    static func createExclusive(_ path: String) -> Int32 {
        open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    }

    static func openForWriting(_ path: String) -> Int32 { open(path, O_WRONLY | O_TRUNC | O_CLOEXEC) }
    static func openForSync(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC) }
    @discardableResult
    static func closeDescriptor(_ fd: Int32) -> Bool { close(fd) == 0 }
    static func syncDescriptor(_ fd: Int32) -> Bool { fsync(fd) == 0 }

    /// Writes all `count` bytes, retrying short writes and interrupts; false on failure.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawPointer, count: Int) -> Bool {
        var done = 0
        while done < count {
            let n = write(fd, bytes + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        return true
    }

    static func moveReplacing(_ from: String, _ to: String) -> Bool { rename(from, to) == 0 }
    static func removeFile(_ path: String) { _ = unlink(path) }
    static func makeDirectory(_ path: String) -> Bool { mkdir(path, 0o777) == 0 }

    /// Removes a directory written by `AtomicDirectory` and the files in it (one level: it
    /// holds no subdirectories).
    static func removeTree(_ path: String) {
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name != "." && name != ".." { _ = unlink(path + "/" + name) }
            }
            closedir(dir)
        }
        _ = rmdir(path)
    }

    /// The size of a regular file, or `nil` (a pipe, a device, an error).
    static func regularFileSize(_ stream: Stream) -> Int? {
        var info = stat()
        guard fstat(fileno(stream), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}

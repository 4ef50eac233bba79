import Crypto
import Foundation

/// SHA-256 of a file, read in 1 MiB blocks so a large export never has to fit in memory.
///
/// The digest identifies the exact bytes a synthesizer or a report was made from without
/// storing any of them; two files with the same digest are, for all practical purposes, the same
/// file (FIPS 180-4 SHA-256, via swift-crypto).
public enum FileDigest {
    /// Lower-case hexadecimal SHA-256 of the file's bytes, and their count.
    /// - Throws: ``ProvenanceError/unreadable(path:reason:)`` when the file cannot be read.
    public static func sha256(path: String) throws(ProvenanceError) -> (hex: String, bytes: Int) {
        // read(2) into one reused buffer: a simulated FHIR export is gigabytes, and a `Data` per
        // block (FileHandle) costs an allocation and a copy on top of the hashing.
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let capacity = 4 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var bytes = 0
        while true {
            let n = read(fd, buffer.baseAddress, capacity)
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes += n
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        return (hex(hasher.finalize()), bytes)
    }

    /// Several files' digests, hashed on all cores; results in the order of `paths`.
    public static func sha256(paths: [String]) -> [Result<(hex: String, bytes: Int), ProvenanceError>] {
        let slots = Slots(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            slots.set(i, Result { () throws(ProvenanceError) in try sha256(path: paths[i]) })
        }
        return slots.values.map { $0! }
    }

    /// One slot per file, each written by one worker.
    private final class Slots: @unchecked Sendable {
        var values: [Result<(hex: String, bytes: Int), ProvenanceError>?]
        let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: Result<(hex: String, bytes: Int), ProvenanceError>) {
            lock.lock()
            values[i] = value
            lock.unlock()
        }
    }

    /// Lower-case hexadecimal SHA-256 of bytes held in memory.
    public static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Why a provenance record could not be made or written.
public enum ProvenanceError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): cannot read it for its SHA-256: \(reason)"
        case let .unwritable(path, reason): "\(path): cannot write the provenance record: \(reason)"
        }
    }
}

/// A SHA-256 fed as bytes are produced, for a writer that hashes its output on the way out
/// (the same digest `FileDigest.sha256(path:)` gives for the finished file).
public final class StreamingDigest: @unchecked Sendable {
    private var hasher = SHA256()
    public private(set) var bytes = 0

    public init() {}

    public func update(_ chunk: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: chunk)
        bytes += chunk.count
    }

    /// The lower-case hexadecimal digest of everything fed so far.
    public func finalize() -> String { FileDigest.hex(hasher.finalize()) }
}


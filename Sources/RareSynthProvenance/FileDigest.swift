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
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "cannot open the file")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes = 0
        while true {
            let block: Data?
            do { block = try handle.read(upToCount: 1 << 20) } catch {
                throw .unreadable(path: path, reason: "\(error.localizedDescription)")
            }
            guard let block, !block.isEmpty else { break }
            bytes += block.count
            hasher.update(data: block)
        }
        return (hex(hasher.finalize()), bytes)
    }

    /// Lower-case hexadecimal SHA-256 of bytes held in memory.
    public static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    private static func hex(_ digest: SHA256.Digest) -> String {
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

import Foundation

extension Provenance.FileRecord {
    /// Hashes the file at `path`; rows and columns are the caller's counts of what it parsed.
    public static func file(role: String, path: String, rows: Int? = nil,
                            columns: Int? = nil) throws(ProvenanceError) -> Provenance.FileRecord {
        let (hex, bytes) = try FileDigest.sha256(path: path)
        return Provenance.FileRecord(role: role, path: path, sha256: hex, bytes: bytes, rows: rows, columns: columns)
    }

    /// The regular files under a directory output, by path relative to it in byte order: one
    /// record each, or past `limit` files (a FHIR Bundle per patient) one record for the whole
    /// directory, whose digest is the SHA-256 of its manifest, the lines `HEX  relative/path`
    /// that `sha256sum` prints, one per file in that order. Outside RareSynth the manifest digest
    /// is `cd DIR && find . -type f | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum`;
    /// its `rows` is the file count. Files in `known` (by full path) were hashed as they were
    /// written and are not read again.
    public static func directory(role: String, path: String, limit: Int = 64,
                                 known: [String: (sha256: String, bytes: Int)] = [:]) throws(ProvenanceError) -> [Provenance.FileRecord] {
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot list the directory")
        }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = (path as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(relative) }
        }
        files.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        // The files are hashed in parallel (a FHIR export is gigabytes over a handful of files);
        // each result lands in its own slot, so the order, and the manifest, do not depend on it.
        let full = files.map { (path as NSString).appendingPathComponent($0) }
        let unknown = full.filter { known[$0] == nil }
        var read: [String: (hex: String, bytes: Int)] = [:]
        for (file, result) in zip(unknown, FileDigest.sha256(paths: unknown)) { read[file] = try result.get() }
        let hashed = full.map { file in known[file].map { (hex: $0.sha256, bytes: $0.bytes) } ?? read[file]! }
        if files.count <= limit {
            return zip(files, hashed).map { relative, digest in
                Provenance.FileRecord(role: role, path: (path as NSString).appendingPathComponent(relative), sha256: digest.hex,
                                      bytes: digest.bytes)
            }
        }
        var manifest = Data(), bytes = 0
        for (relative, digest) in zip(files, hashed) {
            manifest.append(contentsOf: Array("\(digest.hex)  \(relative)\n".utf8))
            bytes += digest.bytes
        }
        return [Provenance.FileRecord(role: role + " (manifest of \(files.count) files)", path: path,
                                      sha256: FileDigest.sha256(manifest), bytes: bytes, rows: files.count)]
    }
}

extension Provenance {
    /// Pretty JSON with sorted keys and a final newline: stable bytes for stable inputs.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0a)
        return data
    }

    /// Where the record of an output file goes: beside it, `synthetic.csv` →
    /// `synthetic.csv.provenance.json`, so it travels with the file and names it.
    public static func recordPath(for output: String) -> String { output + ".provenance.json" }
}

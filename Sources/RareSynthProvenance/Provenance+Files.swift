import Foundation

extension Provenance.FileRecord {
    /// Hashes the file at `path`; rows and columns are the caller's counts of what it parsed.
    public static func file(role: String, path: String, rows: Int? = nil,
                            columns: Int? = nil) throws(ProvenanceError) -> Provenance.FileRecord {
        let (hex, bytes) = try FileDigest.sha256(path: path)
        return Provenance.FileRecord(role: role, path: path, sha256: hex, bytes: bytes, rows: rows, columns: columns)
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

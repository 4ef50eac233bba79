import Foundation
import Testing
@testable import RareSynthProvenance

struct ProvenanceTests {
    /// FIPS 180-2 test vectors (Appendix B.1 and B.2), and `sha256sum` of the same bytes on disk.
    @Test func sha256MatchesTheStandardsVectors() throws {
        #expect(FileDigest.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(FileDigest.sha256(Data(long.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let path = NSTemporaryDirectory() + "raresynth-digest-\(getpid()).txt"
        // 1,000,000 × "a" crosses the 1 MiB read block boundary (FIPS 180-2 B.3).
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (hex, bytes) = try FileDigest.sha256(path: path)
        #expect(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(bytes == 1_000_000)
    }

    @Test func unreadableFileIsAnErrorNamingIt() {
        #expect(throws: ProvenanceError.unreadable(path: "/no/such/file.csv", reason: "No such file or directory")) {
            try FileDigest.sha256(path: "/no/such/file.csv")
        }
    }

    /// `date -u -d @SECONDS +%Y-%m-%dT%H:%M:%SZ` for each instant.
    @Test func datesFollowSourceDateEpoch() {
        #expect(CreationDate.iso8601(secondsSinceEpoch: 0) == "1970-01-01T00:00:00Z")
        #expect(CreationDate.iso8601(secondsSinceEpoch: 951_782_400) == "2000-02-29T00:00:00Z")
        #expect(CreationDate.iso8601(secondsSinceEpoch: 1_795_423_199) == "2026-11-23T08:39:59Z")
        #expect(CreationDate.iso8601(secondsSinceEpoch: -1) == "1969-12-31T23:59:59Z")
        #expect(CreationDate.now(environment: ["SOURCE_DATE_EPOCH": "86400"]) == "1970-01-02T00:00:00Z")
    }

    @Test func commitIsReadFromTheEnclosingCheckout() throws {
        let root = NSTemporaryDirectory() + "raresynth-git-\(getpid())"
        let fm = FileManager.default
        defer { try? fm.removeItem(atPath: root) }
        let sha = String(repeating: "ab", count: 20)
        try fm.createDirectory(atPath: root + "/.git/refs/heads", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/.build/release", withIntermediateDirectories: true)
        try "ref: refs/heads/main\n".write(toFile: root + "/.git/HEAD", atomically: true, encoding: .utf8)
        try "\(sha)\n".write(toFile: root + "/.git/refs/heads/main", atomically: true, encoding: .utf8)
        #expect(BuildInfo.commit(searchingUpwardFrom: root + "/.build/release") == sha)
        try fm.removeItem(atPath: root + "/.git/refs/heads/main")
        try "# pack-refs\n\(sha) refs/heads/main\n".write(toFile: root + "/.git/packed-refs", atomically: true, encoding: .utf8)
        #expect(BuildInfo.commit(searchingUpwardFrom: root + "/.build/release") == sha)
        #expect(BuildInfo.commit(searchingUpwardFrom: "/") == nil)
    }

    @Test func recordEncodesWithSortedKeysAndRoundTrips() throws {
        let record = Provenance(job: "synthesize", created: "2026-11-23T00:00:00Z",
                                inputs: [.init(role: "real", path: "pbc.csv", sha256: "00", bytes: 3, rows: 1, columns: 2)],
                                schema: .object(["columns": .array([.string("age")])]),
                                synthesizer: .init(name: "GaussianCopula", parameters: .object(["marginals": .string("auto")])),
                                seed: 7, privacyBudget: .notDifferentiallyPrivate)
        let data = try record.json()
        #expect(try JSONDecoder().decode(Provenance.self, from: data) == record)
        let text = String(decoding: data, as: UTF8.self)
        let created = try #require(text.range(of: "\"created\""))
        let inputs = try #require(text.range(of: "\"inputs\""))
        #expect(created.lowerBound < inputs.lowerBound)
    }
}

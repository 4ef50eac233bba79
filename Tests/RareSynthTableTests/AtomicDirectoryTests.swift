import Foundation
import Testing
@testable import RareSynthTable

/// An output directory appears whole or not at all; an existing one is replaced only on success.
@Suite struct AtomicDirectoryTests {
    private struct Interrupted: Error {}

    @Test func replacesAnExistingDirectoryOnlyWhenTheBodySucceeds() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let target = dir.path + "/out"
        try FileManagerShim.makeDirectory(target)
        _ = try dir.file("out/old.ndjson", "old\n")

        #expect(throws: Interrupted.self) {
            try AtomicDirectory.replace(target) { temporary in
                let file = try BufferedFile(path: temporary + "/new.ndjson", destination: target + "/new.ndjson")
                try file.write(Array("half".utf8))
                try file.finish()
                throw Interrupted()
            }
        }
        #expect(try dir.contents() == ["out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["old.ndjson"])

        try AtomicDirectory.replace(target) { temporary in
            #expect(temporary.hasPrefix(dir.path + "/.out.tmp-"))
            let file = try BufferedFile(path: temporary + "/new.ndjson", destination: target + "/new.ndjson", capacity: 8)
            for _ in 0..<100 { try file.write(Array("line\n".utf8)) }
            try file.append { $0.append(contentsOf: "end\n".utf8) }
            try file.finish()
        }
        #expect(try dir.contents() == ["out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["new.ndjson"])
        #expect(try readText(target + "/new.ndjson") == String(repeating: "line\n", count: 100) + "end\n")
    }

    @Test func aFileThatExistsAlreadyIsNotOverwritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.file("taken", "x")
        let error = #expect(throws: DataError.self) { _ = try BufferedFile(path: path, destination: "/out/taken") }
        #expect(error?.file == "/out/taken")
        #expect(try readText(path) == "x")
    }

    @Test func aMissingParentIsADataErrorNamingTheDestination() throws {
        let error = #expect(throws: DataError.self) { try AtomicDirectory.replace("/nonexistent/dir/fhir") { _ in } }
        #expect(error?.file == "/nonexistent/dir/fhir")
    }
}

import Testing
@testable import RareSynthTable

/// Output appears whole or not at all, and an unwritable destination is a `DataError`.
@Suite struct AtomicFileTests {
    private struct Interrupted: Error {}

    @Test func writesThroughAHiddenTemporaryFileInTheSameDirectory() throws {
        let temporary = AtomicFile.temporaryPath(for: "/data/out/cohort.csv")
        #expect(temporary.hasPrefix("/data/out/.cohort.csv.tmp-"))
        #expect(AtomicFile.temporaryPath(for: "cohort.csv").hasPrefix(".cohort.csv.tmp-"))
    }

    @Test func replacesAnExistingFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.file("out.txt", "old contents that are longer")
        try AtomicFile.write(to: path) { try $0.write("new") }
        #expect(try readText(path) == "new")
        #expect(try dir.contents() == ["out.txt"])
    }

    @Test func throwingBodyLeavesNoPartialOutput() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.file("keep.csv", "original\n")
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: path) { out in
                try out.write("half a row,")
                throw Interrupted()
            }
        }
        #expect(try readText(path) == "original\n")
        #expect(try dir.contents() == ["keep.csv"])
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: dir.path + "/new.csv") { _ in throw Interrupted() }
        }
        #expect(try dir.contents() == ["keep.csv"])
    }

    @Test func largeOutputsStreamThroughTheBuffer() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let line = String(repeating: "x", count: 99) + "\n"
        try AtomicFile.write(to: dir.path + "/big.txt", bufferSize: 256) { out in
            for _ in 0 ..< 1000 { try out.write(line) }
            try out.write(Array(repeating: UInt8(ascii: "y"), count: 1000))
        }
        let text = try readText(dir.path + "/big.txt")
        #expect(text.utf8.count == 101_000)
        #expect(text.hasSuffix(String(repeating: "y", count: 1000)))
    }

    @Test func missingDirectoryIsADataErrorNamingThePath() throws {
        let error = #expect(throws: DataError.self) {
            try CSVWriter().write(Table(columnNames: ["a"]), to: "/nonexistent/dir/out.csv")
        }
        #expect(error?.file == "/nonexistent/dir/out.csv")
        #expect(error?.message.contains("No such file") == true)
    }

    @Test func destinationThatIsADirectoryFailsCleanly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let target = dir.path + "/sub"
        _ = try dir.file("placeholder", "")
        try FileManagerShim.makeDirectory(target)
        let error = #expect(throws: DataError.self) {
            try JSONLinesWriter().write(Table(columnNames: ["a"], columns: [["1"]]), kinds: [.number], to: target)
        }
        #expect(error?.file == target)
        #expect(try dir.contents() == ["placeholder", "sub"])
    }
}

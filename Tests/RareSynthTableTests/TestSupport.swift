import Foundation
@testable import RareSynthTable

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "raresynth-table-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes raw bytes to `name` in the directory and returns the file's path.
    func file(_ name: String, bytes: [UInt8]) throws -> String {
        let filePath = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: filePath))
        return filePath
    }

    /// Writes UTF-8 text to `name` in the directory and returns the file's path.
    func file(_ name: String, _ text: String) throws -> String {
        try file(name, bytes: Array(text.utf8))
    }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Reads a whole file's text.
func readText(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
}

/// `/work/main/Examples`, found from this file: Tests/RareSynthTableTests/<file> is three levels down.
let examplesDirectory: String = {
    // Resolved so that a checkout reached through a symbolic link still finds its own Examples.
    var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    for _ in 0 ..< 3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Examples").path
}()

enum FileManagerShim {
    static func makeDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
}

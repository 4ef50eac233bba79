import Foundation
import RareSynth

/// Paths and scratch space shared by the end-to-end tests.
enum TestSupport {
    /// The repository root, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func example(_ name: String) -> String { "\(root)/Examples/\(name)" }

    /// A fresh empty directory, removed by the caller with `cleanUp`.
    static func scratch(_ label: String) -> String {
        let path = NSTemporaryDirectory() + "raresynth-\(label)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func cleanUp(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    static func write(_ text: String, to path: String) { _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Files in a directory, hidden temporary files included.
    static func files(in dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }
}

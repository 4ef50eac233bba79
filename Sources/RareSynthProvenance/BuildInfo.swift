import Foundation

/// Which RareSynth produced a file: the release version, and the git commit when the running
/// executable was built inside a git checkout (SwiftPM has no build-time stamping, so the commit
/// is read from the checkout at run time; an installed binary reports `nil` rather than a guess).
public enum BuildInfo {
    /// The release this source tree will become; bumped when a release is cut.
    public static let version = "0.1.0"

    /// The commit of the checkout holding the running executable (`.build/…` inside the
    /// repository), or `nil` when it is not inside one.
    public static let commit: String? = {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        return commit(searchingUpwardFrom: executable.deletingLastPathComponent().path)
    }()

    /// Reads `HEAD` of the nearest enclosing git directory, following one symbolic ref through
    /// `refs/` or `packed-refs`.
    static func commit(searchingUpwardFrom directory: String) -> String? {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let git = dir.appendingPathComponent(".git")
            if let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8) {
                return resolve(head.trimmingCharacters(in: .whitespacesAndNewlines), gitDirectory: git)
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    private static func resolve(_ head: String, gitDirectory git: URL) -> String? {
        guard head.hasPrefix("ref: ") else { return isObjectName(head) ? head : nil }
        let ref = String(head.dropFirst(5))
        if let loose = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8) {
            let name = loose.trimmingCharacters(in: .whitespacesAndNewlines)
            return isObjectName(name) ? name : nil
        }
        guard let packed = try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8) else {
            return nil
        }
        for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
            let name = String(line.prefix { $0 != " " })
            return isObjectName(name) ? name : nil
        }
        return nil
    }

    private static func isObjectName(_ s: String) -> Bool {
        (s.count == 40 || s.count == 64) && s.allSatisfy(\.isHexDigit)
    }
}

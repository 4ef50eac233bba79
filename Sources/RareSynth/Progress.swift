import Foundation

/// Stage-by-stage progress on standard error, so a long job on a large table shows where it is.
public struct Progress: Sendable {
    let enabled: Bool
    let start: Date

    public init(enabled: Bool) {
        self.enabled = enabled
        self.start = Date()
    }

    public static var silent: Progress { Progress(enabled: false) }

    public func stage(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("[\(elapsed)] \(text)…\n".utf8))
    }

    public func done(_ detail: String?) {
        guard enabled, let detail else { return }
        FileHandle.standardError.write(Data("[\(elapsed)]   \(detail)\n".utf8))
    }

    private var elapsed: String { String(format: "%6.2fs", Date().timeIntervalSince(start)) }
}

/// Tests raw cell bytes against a set of tokens without building a `String`.
///
/// The reader asks this for every unquoted cell (20 million times for a 1M × 20 file), and the
/// writers ask it whether a text would read back as missing. A bit mask of token lengths rejects
/// almost every numeric cell with one AND; only same-length candidates are compared byte by byte.
struct MissingTokenMatcher: Sendable {
    private let tokens: [[UInt8]]
    /// Bit `n` is set when some token is `n` bytes long; bit 63 stands for "63 bytes or more".
    private let lengthMask: UInt64

    init(_ tokens: Set<String>) {
        let bytes = tokens.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        self.tokens = bytes
        self.lengthMask = bytes.reduce(0) { $0 | (1 << UInt64(min($1.count, 63))) }
    }

    @inline(__always)
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lengthMask & (1 << UInt64(min(bytes.count, 63))) != 0 else { return false }
        for token in tokens where token.count == bytes.count {
            if token.elementsEqual(bytes) { return true }
        }
        return false
    }

    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches($0) }
    }
}

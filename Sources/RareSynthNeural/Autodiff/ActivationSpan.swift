/// A block of columns of a network's output with one activation: a single tanh value, or a
/// softmax over the block (a one-hot choice). Tabular generators emit rows as a sequence of such
/// blocks (CTGAN's and TVAE's `output_info`).
public struct ActivationSpan: Codable, Sendable, Equatable {
    public enum Activation: String, Codable, Sendable { case tanh, softmax }
    public var start: Int
    public var width: Int
    public var activation: Activation

    public init(start: Int, width: Int, activation: Activation) {
        self.start = start
        self.width = width
        self.activation = activation
    }
}

extension ActivationSpan {
    /// Calls `body` for every row of an [rows, width] matrix and every span, row by row, with the
    /// span's element indices in the flat storage.
    @inline(__always)
    static func forEach(_ spans: [ActivationSpan], rows: Int, width: Int,
                        _ body: (ActivationSpan, Range<Int>) -> Void) {
        for r in 0..<rows {
            let base = r * width
            for span in spans { body(span, (base + span.start)..<(base + span.start + span.width)) }
        }
    }
}

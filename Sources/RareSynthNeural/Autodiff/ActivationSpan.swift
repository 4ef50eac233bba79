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

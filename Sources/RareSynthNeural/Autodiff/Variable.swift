/// A value on a ``Tape``: the handle every differentiable operation takes and returns.
///
/// It refers to its tape without owning it (the tape owns the backward rules, which capture
/// variables; an owning reference would make each tape a retain cycle), so keep the tape alive
/// while its variables are in use.
public struct Variable {
    public unowned let tape: Tape
    public let index: Int

    init(tape: Tape, index: Int) {
        self.tape = tape
        self.index = index
    }

    public var value: Tensor { tape.value(index) }
    public var shape: [Int] { value.shape }
    public var rows: Int { value.rows }
    public var columns: Int { value.columns }
    /// Whether gradients flow into this value.
    public var requiresGradient: Bool { tape.requiresGradient(index) }

    /// A constant on the same tape.
    public func constant(_ value: Tensor) -> Variable { tape.constant(value) }
}

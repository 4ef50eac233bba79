/// Elementwise arithmetic. The right operand may broadcast (see `Broadcast`): a bias row, a
/// per-row column or a single number; its gradient is summed back along the repeated axis.
extension Variable {
    public static func + (a: Variable, b: Variable) -> Variable {
        let kind = Broadcast(a.shape, b.shape), bShape = b.shape
        return a.tape.record(Elementwise.zip(a.value, b.value, +), inputs: [a, b], backward: [
            { g, _ in g }, { g, _ in g.reduced(kind, to: bShape) },
        ])
    }

    public static func - (a: Variable, b: Variable) -> Variable {
        let kind = Broadcast(a.shape, b.shape), bShape = b.shape
        return a.tape.record(Elementwise.zip(a.value, b.value, -), inputs: [a, b], backward: [
            { g, _ in g }, { g, _ in (-g).reduced(kind, to: bShape) },
        ])
    }

    public static func * (a: Variable, b: Variable) -> Variable {
        let kind = Broadcast(a.shape, b.shape), bShape = b.shape
        return a.tape.record(Elementwise.zip(a.value, b.value, *), inputs: [a, b], backward: [
            { g, _ in g * b }, { g, _ in (g * a).reduced(kind, to: bShape) },
        ])
    }

    public static func / (a: Variable, b: Variable) -> Variable {
        let kind = Broadcast(a.shape, b.shape), bShape = b.shape
        return a.tape.record(Elementwise.zip(a.value, b.value, /), inputs: [a, b], backward: [
            { g, _ in g / b }, { g, out in (-(g * out) / b).reduced(kind, to: bShape) },
        ])
    }

    public static prefix func - (a: Variable) -> Variable {
        a.tape.record(Elementwise.map(a.value) { -$0 }, inputs: [a], backward: [{ g, _ in -g }])
    }

    /// `self · s` for a constant `s`.
    public func scaled(by s: Float) -> Variable {
        tape.record(Elementwise.map(value) { $0 * s }, inputs: [self], backward: [{ g, _ in g.scaled(by: s) }])
    }

    /// `self + s` for a constant `s`.
    public func adding(_ s: Float) -> Variable {
        tape.record(Elementwise.map(value) { $0 + s }, inputs: [self], backward: [{ g, _ in g }])
    }

    public static func * (a: Variable, s: Float) -> Variable { a.scaled(by: s) }
    public static func * (s: Float, a: Variable) -> Variable { a.scaled(by: s) }
    public static func + (a: Variable, s: Float) -> Variable { a.adding(s) }
    public static func - (a: Variable, s: Float) -> Variable { a.adding(-s) }
    public static func - (s: Float, a: Variable) -> Variable { (-a).adding(s) }

    /// This gradient summed down to `shape` along the axis a broadcast repeated.
    func reduced(_ kind: Broadcast, to shape: [Int]) -> Variable {
        switch kind {
        case .same: return self
        case .rows: return sumRows().reshaped(shape)
        case .columns: return sumColumns()
        case .scalar: return sum().reshaped(shape)
        }
    }
}

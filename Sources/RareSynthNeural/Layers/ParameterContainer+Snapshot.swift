extension ParameterContainer {
    /// The parameters' current values, in `parameters` order (for saving a model).
    public var snapshot: [Tensor] { parameters.map(\.value) }

    /// Sets the parameters from a snapshot taken of a container of the same architecture.
    public func load(_ snapshot: [Tensor]) throws {
        let ps = parameters
        guard snapshot.count == ps.count else {
            throw ParameterLoadError(message: "expected \(ps.count) parameter tensors, found \(snapshot.count)")
        }
        for (p, t) in zip(ps, snapshot) {
            guard p.value.shape == t.shape else {
                throw ParameterLoadError(message: "\(p.name): expected shape \(p.value.shape), found \(t.shape)")
            }
            p.value = t
        }
    }
}

/// A saved model whose tensors do not fit the network it is loaded into.
public struct ParameterLoadError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

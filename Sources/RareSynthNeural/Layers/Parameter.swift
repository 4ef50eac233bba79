/// A trainable tensor: its value, and the gradient the last backward pass left for it.
///
/// A reference type, so the layer that owns it, the optimiser that updates it and the tape that
/// reads it all see one value. Not `Sendable`: a model trains on one thread (kernels
/// parallelise inside operations).
public final class Parameter {
    public let name: String
    public var value: Tensor
    public var gradient: Tensor?

    public init(_ name: String, _ value: Tensor) {
        self.name = name
        self.value = value
    }
}

extension Tape {
    /// The parameter's value as a leaf of this tape: the same variable however often a layer is
    /// applied within the step, so its gradient sums every use.
    public func use(_ parameter: Parameter) -> Variable {
        let key = ObjectIdentifier(parameter)
        if let index = parameterIndex[key] { return Variable(tape: self, index: index) }
        let v = variable(parameter.value)
        parameterIndex[key] = v.index
        parameterNodes.insert(v.index)
        return v
    }

    /// A parameter's value packed as a GEMM B operand, made on first use and kept for the tape's
    /// life (a parameter's value does not change while its tape lives); nil for any other
    /// variable, whose packing would not be reused.
    func packedParameter(_ v: Variable, transposed: Bool) -> GEMM.PackedB? {
        guard parameterNodes.contains(v.index), v.value.rank == 2, v.value.count > 0 else { return nil }
        let key = 2 * v.index + (transposed ? 1 : 0)
        if let packed = packedParameters[key] { return packed }
        let value = v.value
        let (k, n) = transposed ? (value.shape[1], value.shape[0]) : (value.shape[0], value.shape[1])
        let packed = value.scalars.withUnsafeBufferPointer {
            GEMM.PackedB($0.baseAddress!, ldb: value.shape[1], transposed: transposed, k: k, n: n)
        }
        packedParameters[key] = packed
        return packed
    }

    /// Backpropagates from the scalar `loss` and stores each parameter's gradient in
    /// `gradient` (zeros for a parameter the loss does not depend on).
    public func backward(_ loss: Variable, parameters: [Parameter]) {
        let leaves = parameters.map { use($0) }
        let grads = gradients(of: loss, withRespectTo: leaves)
        for (p, g) in zip(parameters, grads) { p.gradient = g.value }
    }
}

/// Something with parameters (a layer, a network).
public protocol ParameterContainer {
    var parameters: [Parameter] { get }
}

/// The record of one computation (typically one training step) that reverse-mode automatic
/// differentiation walks backwards.
///
/// Every operation on ``Variable``s appends a node holding its value, its inputs and its backward
/// rule. Nodes are appended in evaluation order, so the tape is already topologically sorted: the
/// backward pass is one reverse sweep, no graph search. Backward rules are written with the same
/// differentiable operations as the forward pass, so with `createGraph: true` the backward pass
/// is itself recorded and can be differentiated again (WGAN-GP's gradient penalty needs the
/// gradient of a gradient). With `createGraph: false` (the usual case) nothing new is recorded
/// as differentiable.
///
/// A tape is used from one thread; kernels parallelise inside operations. Make a new tape per
/// step and let it go: it holds every intermediate value until then.
public final class Tape {
    /// How an operation turns the gradient of its output into the gradient of one of its inputs.
    /// An operation gives one rule per input, so the backward pass runs only the rules of inputs
    /// that lead to a wanted gradient (no weight gradients when only an input's is asked for).
    public typealias Backward = (_ gradient: Variable, _ output: Variable) -> Variable

    struct Node {
        var value: Tensor
        var inputs: [Int]
        var backward: [Backward]
        var requiresGradient: Bool
    }

    var nodes: [Node] = []
    /// Where each parameter used on this tape sits (see `use(_:)`).
    var parameterIndex: [ObjectIdentifier: Int] = [:]
    /// The nodes of those parameters, and their GEMM packings (see `packedParameter`).
    var parameterNodes: Set<Int> = []
    var packedParameters: [Int: GEMM.PackedB] = [:]
    /// The `linear` applications recorded since `trackExamples()`; nil when not tracking.
    var exampleUses: [LinearUse]?
    /// Whether new nodes may require gradients; off while a backward pass runs without
    /// `createGraph`, and inside ``withoutRecording(_:)``.
    public internal(set) var isRecording = true

    public init() {
        _ = MemoryTuning.applied
    }

    /// A leaf whose gradient can be asked for (an input or a parameter).
    public func variable(_ value: Tensor) -> Variable {
        nodes.append(Node(value: value, inputs: [], backward: [], requiresGradient: true))
        return Variable(tape: self, index: nodes.count - 1)
    }

    /// A leaf that never gets a gradient (data, masks, noise).
    public func constant(_ value: Tensor) -> Variable {
        nodes.append(Node(value: value, inputs: [], backward: [], requiresGradient: false))
        return Variable(tape: self, index: nodes.count - 1)
    }

    /// Appends the result of an operation. It requires a gradient only when recording and when
    /// one of its inputs does; otherwise its backward rule is dropped at once.
    public func record(_ value: Tensor, inputs: [Variable], backward: [Backward]) -> Variable {
        precondition(backward.count == inputs.count, "\(backward.count) backward rules for \(inputs.count) inputs")
        let needs = isRecording && inputs.contains { nodes[$0.index].requiresGradient }
        nodes.append(Node(value: value, inputs: needs ? inputs.map(\.index) : [],
                          backward: needs ? backward : [], requiresGradient: needs))
        return Variable(tape: self, index: nodes.count - 1)
    }

    /// Runs `body` with recording off: everything it computes is a constant (e.g. sampling from a
    /// generator without training it, or an optimiser's arithmetic).
    public func withoutRecording<T>(_ body: () throws -> T) rethrows -> T {
        let was = isRecording
        isRecording = false
        defer { isRecording = was }
        return try body()
    }

    /// Values kept by the tape, for memory diagnostics.
    public var nodeCount: Int { nodes.count }

    func value(_ index: Int) -> Tensor { nodes[index].value }
    func requiresGradient(_ index: Int) -> Bool { nodes[index].requiresGradient }
}

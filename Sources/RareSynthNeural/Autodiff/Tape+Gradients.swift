extension Tape {
    /// The gradients of `output` with respect to each of `inputs`, by one reverse sweep.
    ///
    /// - Parameters:
    ///   - seed: the gradient of the final objective with respect to `output` (default: ones, so a
    ///     scalar output gives d output / d input; a non-scalar one gives the gradient of its sum,
    ///     as `torch.autograd.grad(..., grad_outputs=ones)`).
    ///   - createGraph: record the backward pass so its results can be differentiated again.
    /// - Returns: one gradient per input, with the input's shape; zeros when `output` does not
    ///   depend on it.
    ///
    /// Only nodes on a path from an input to the output are visited: asking for the gradient with
    /// respect to a layer's input does not compute the layer's weight gradients.
    public func gradients(of output: Variable, withRespectTo inputs: [Variable], seed: Tensor? = nil,
                          createGraph: Bool = false) -> [Variable] {
        precondition(output.tape === self && inputs.allSatisfy { $0.tape === self }, "variables from another tape")
        let end = output.index
        // Forward reachability: which nodes depend on an input.
        var relevant = [Bool](repeating: false, count: end + 1)
        var wanted = [Bool](repeating: false, count: end + 1)
        for input in inputs where input.index <= end { relevant[input.index] = true; wanted[input.index] = true }
        for i in 0...end where !relevant[i] {
            relevant[i] = nodes[i].inputs.contains { relevant[$0] }
        }
        let was = isRecording
        isRecording = createGraph
        defer { isRecording = was }
        var grads = [Variable?](repeating: nil, count: end + 1)
        grads[end] = constant(seed ?? Tensor(shape: output.shape, repeating: 1))
        for i in stride(from: end, through: 0, by: -1) {
            guard let g = grads[i], relevant[i] else { continue }
            let node = nodes[i]
            for (p, rule) in zip(node.inputs, node.backward) where relevant[p] && nodes[p].requiresGradient {
                let pg = rule(g, Variable(tape: self, index: i))
                grads[p] = grads[p].map { $0 + pg } ?? pg
            }
            if !createGraph && !wanted[i] { grads[i] = nil }   // free as we go
        }
        return inputs.map { input in
            (input.index <= end ? grads[input.index] : nil) ?? constant(Tensor(shape: input.shape))
        }
    }
}

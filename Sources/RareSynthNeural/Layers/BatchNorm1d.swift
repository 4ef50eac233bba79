/// Batch normalisation over the rows of a [batch, features] matrix, as `torch.nn.BatchNorm1d`.
///
/// Training: normalise by the batch mean and biased variance, and move the running estimates
/// by `momentum` (the running variance takes the unbiased batch variance, as PyTorch does).
/// Evaluation: normalise by the running estimates. γ starts at 1, β at 0.
public final class BatchNorm1d: ParameterContainer {
    public let scale: Parameter
    public let shift: Parameter
    public var runningMean: Tensor
    public var runningVariance: Tensor
    public let epsilon: Float
    public let momentum: Float

    public init(_ features: Int, name: String = "bn", epsilon: Float = 1e-5, momentum: Float = 0.1) {
        scale = Parameter("\(name).weight", Tensor(shape: [features], repeating: 1))
        shift = Parameter("\(name).bias", Tensor(shape: [features], repeating: 0))
        runningMean = Tensor(shape: [features], repeating: 0)
        runningVariance = Tensor(shape: [features], repeating: 1)
        self.epsilon = epsilon
        self.momentum = momentum
    }

    public var parameters: [Parameter] { [scale, shift] }

    public func callAsFunction(_ x: Variable, training: Bool) -> Variable {
        let tape = x.tape
        guard training else {
            let std = runningVariance.scalars.map { ($0 + epsilon).squareRoot() }
            let normalised = (x - tape.constant(runningMean)) / tape.constant(Tensor(shape: [std.count], scalars: std))
            return normalised * tape.use(scale) + tape.use(shift)
        }
        return normalizeTraining(x, relu: false, skip: nil)
    }

    /// CTGAN's residual block after its linear layer, `cat(relu(bn(x)), skip)`, as one operation
    /// in training (see `normalizeBatch`); the same values and gradients as the three.
    public func residual(_ x: Variable, skip: Variable, training: Bool) -> Variable {
        guard training else { return Variable.concatColumns([self(x, training: false).relu(), skip]) }
        return normalizeTraining(x, relu: true, skip: skip)
    }

    /// Batch statistics, and the running estimates moved by them.
    private func normalizeTraining(_ x: Variable, relu: Bool, skip: Variable?) -> Variable {
        let tape = x.tape
        let m = x.rows
        precondition(m > 1, "BatchNorm1d in training needs more than one row (got \(m))")
        let (output, mean, variance) = normalizeBatch(x, scale: tape.use(scale), shift: tape.use(shift), relu: relu, skip: skip)
        let unbiased = Float(m) / Float(m - 1)
        for j in 0..<runningMean.count {
            runningMean.scalars[j] = (1 - momentum) * runningMean.scalars[j] + momentum * mean[j]
            runningVariance.scalars[j] = (1 - momentum) * runningVariance.scalars[j] + momentum * variance[j] * unbiased
        }
        return output
    }
}

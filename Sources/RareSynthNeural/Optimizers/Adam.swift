import Foundation

/// Adam (Kingma & Ba 2015) exactly as `torch.optim.Adam` (single-tensor path) computes it,
/// including its L2 weight decay (added to the gradient; not AdamW's decoupled decay), so a model
/// trained here follows the same trajectory as its PyTorch original.
///
///     g ← g + λ·θ
///     m ← m + (1 − β₁)(g − m)             (torch's lerp)
///     v ← β₂·v + (1 − β₂)·g²
///     θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
public final class Adam {
    public let parameters: [Parameter]
    public var learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public let weightDecay: Float
    public private(set) var steps = 0
    var firstMoments: [[Float]]
    var secondMoments: [[Float]]

    public init(_ parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        firstMoments = parameters.map { [Float](repeating: 0, count: $0.value.count) }
        secondMoments = parameters.map { [Float](repeating: 0, count: $0.value.count) }
    }

    /// One update from each parameter's `gradient` (a parameter without one is left alone).
    public func step() {
        steps += 1
        let t = Double(steps)
        let stepSize = Float(Double(learningRate) / (1 - Foundation.pow(Double(beta1), t)))
        let correction2 = Float((1 - Foundation.pow(Double(beta2), t)).squareRoot())
        let (b1, b2, eps, wd) = (beta1, beta2, epsilon, weightDecay)
        for (k, p) in parameters.enumerated() {
            guard let grad = p.gradient else { continue }
            precondition(grad.count == p.value.count, "gradient of \(p.name) has \(grad.count) elements, value \(p.value.count)")
            grad.scalars.withUnsafeBufferPointer { g in
                p.value.scalars.withUnsafeMutableBufferPointer { theta in
                    firstMoments[k].withUnsafeMutableBufferPointer { m in
                        secondMoments[k].withUnsafeMutableBufferPointer { v in
                            for i in 0..<theta.count {
                                let gi = wd == 0 ? g[i] : g[i] + wd * theta[i]
                                // torch.lerp: self + w·(end − self) for w < 0.5, end − (end − self)·(1 − w) otherwise.
                                let w = 1 - b1
                                m[i] = w < 0.5 ? m[i] + w * (gi - m[i]) : gi - (gi - m[i]) * (1 - w)
                                v[i] = v[i] * b2 + (1 - b2) * gi * gi
                                let denom = v[i].squareRoot() / correction2 + eps
                                theta[i] -= stepSize * (m[i] / denom)
                            }
                        }
                    }
                }
            }
        }
    }
}

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

    /// What a resumed run needs besides the weights: the step count and both moment estimates.
    public struct State: Codable, Sendable, Equatable {
        public var steps: Int
        public var firstMoments: [[Float]]
        public var secondMoments: [[Float]]
    }

    public var state: State { State(steps: steps, firstMoments: firstMoments, secondMoments: secondMoments) }

    /// Restores a state taken from an optimiser over parameters of the same shapes.
    public func restore(_ state: State) throws {
        guard state.firstMoments.map(\.count) == firstMoments.map(\.count),
              state.secondMoments.map(\.count) == secondMoments.map(\.count) else {
            throw ParameterLoadError(message: "optimiser state does not fit these parameters")
        }
        steps = state.steps
        firstMoments = state.firstMoments
        secondMoments = state.secondMoments
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
                            Self.update(theta, g, m, v, b1: b1, b2: b2, eps: eps, wd: wd, stepSize: stepSize, correction2: correction2)
                        }
                    }
                }
            }
        }
    }

    /// The per-element update, eight lanes at a time (the same arithmetic in the same order per
    /// element, so the lane width does not change the result).
    static func update(_ theta: UnsafeMutableBufferPointer<Float>, _ g: UnsafeBufferPointer<Float>,
                       _ m: UnsafeMutableBufferPointer<Float>, _ v: UnsafeMutableBufferPointer<Float>,
                       b1: Float, b2: Float, eps: Float, wd: Float, stepSize: Float, correction2: Float) {
        typealias V = SIMD8<Float>
        let w = 1 - b1
        // torch.lerp: self + w·(end − self) for w < 0.5, end − (end − self)·(1 − w) otherwise.
        let lowWeight = w < 0.5
        @inline(__always) func one(_ gi: V, _ t: V, _ mi: V, _ vi: V) -> (V, V, V) {
            let grad = wd == 0 ? gi : gi + wd * t
            let m2 = lowWeight ? mi + w * (grad - mi) : grad - (grad - mi) * (1 - w)
            let v2 = vi * b2 + (1 - b2) * grad * grad
            let denom = FastMath.squareRoot(v2) / correction2 + eps
            return (t - stepSize * (m2 / denom), m2, v2)
        }
        let count = theta.count
        guard count > 0 else { return }
        var i = 0
        let (pt, pg, pm, pv) = (UnsafeMutableRawPointer(theta.baseAddress!), UnsafeRawPointer(g.baseAddress!),
                                UnsafeMutableRawPointer(m.baseAddress!), UnsafeMutableRawPointer(v.baseAddress!))
        while i + 8 <= count {
            let o = i * 4
            let (t, m2, v2) = one(pg.loadUnaligned(fromByteOffset: o, as: V.self), pt.loadUnaligned(fromByteOffset: o, as: V.self),
                                  pm.loadUnaligned(fromByteOffset: o, as: V.self), pv.loadUnaligned(fromByteOffset: o, as: V.self))
            pt.storeBytes(of: t, toByteOffset: o, as: V.self)
            pm.storeBytes(of: m2, toByteOffset: o, as: V.self)
            pv.storeBytes(of: v2, toByteOffset: o, as: V.self)
            i += 8
        }
        while i < count {
            let (t, m2, v2) = one(V(repeating: g[i]), V(repeating: theta[i]), V(repeating: m[i]), V(repeating: v[i]))
            theta[i] = t[0]
            m[i] = m2[0]
            v[i] = v2[0]
            i += 1
        }
    }
}

import Foundation
import RareSynthNumerics
@testable import RareSynthNeural
import Testing

/// Every differentiable operation against central finite differences, first and second order.
///
/// Finite differences in Float32 are good to ~1e-3 relative with h = 1e-2 on well-scaled inputs,
/// so these tests catch wrong rules (sign, transpose, missing broadcast reduction), not rounding;
/// PyTorchFixtureTests pins the values to 1e-5.
@Suite struct GradientCheckTests {
    static func random(_ shape: [Int], seed: UInt64, scale: Float = 1, awayFromZero: Bool = false) -> Tensor {
        var rng = SeededRandom(seed: seed)
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in
            var v = Float(rng.nextStandardNormal()) * scale
            if awayFromZero && Swift.abs(v) < 0.2 { v += v < 0 ? -0.3 : 0.3 }
            return v
        })
    }

    /// Central differences of the scalar `f` at each element of `x`.
    static func numeric(_ x: Tensor, h: Float = 1e-2, _ f: (Tensor) -> Float) -> Tensor {
        var g = Tensor(shape: x.shape)
        for i in 0..<x.count {
            var up = x, down = x
            up.scalars[i] += h
            down.scalars[i] -= h
            g.scalars[i] = (f(up) - f(down)) / (2 * h)
        }
        return g
    }

    /// Analytic gradients of `f(inputs).sum()` with respect to each input, and the check.
    static func check(_ inputs: [Tensor], tolerance: Float = 2e-3, _ f: ([Variable]) -> Variable,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let tape = Tape()
        let vars = inputs.map { tape.variable($0) }
        let out = f(vars).sum()
        let analytic = tape.gradients(of: out, withRespectTo: vars).map(\.value)
        for k in inputs.indices {
            let numeric = numeric(inputs[k]) { x in
                var xs = inputs
                xs[k] = x
                let t = Tape()
                return f(xs.map { t.constant($0) }).sum().value.scalar
            }
            let scale = Swift.max(1, numeric.scalars.map(Swift.abs).max() ?? 0)
            let worst = zip(analytic[k].scalars, numeric.scalars).map { Swift.abs($0 - $1) }.max() ?? 0
            #expect(analytic[k].shape == inputs[k].shape, sourceLocation: sourceLocation)
            #expect(worst <= tolerance * scale, "input \(k): max |analytic − numeric| = \(worst)", sourceLocation: sourceLocation)
        }
    }

    @Test func arithmeticWithBroadcasting() {
        let a = Self.random([3, 4], seed: 1), b = Self.random([3, 4], seed: 2)
        let row = Self.random([4], seed: 3), column = Self.random([3, 1], seed: 4)
        let positive = Tensor(shape: [3, 4], scalars: Self.random([3, 4], seed: 5).scalars.map { 1 + Swift.abs($0) })
        Self.check([a, b]) { v in v[0] * v[1] + v[0] - v[1] }
        Self.check([a, row]) { v in v[0] * v[1] + v[1] }
        Self.check([a, column]) { v in (v[0] - v[1]) * v[1] }
        Self.check([a, positive]) { v in v[0] / v[1] }
        Self.check([a, Tensor(shape: [1], scalars: [1.7])]) { v in v[0] * v[1] - v[1] }
        Self.check([a]) { v in (2 - v[0]).scaled(by: 3) + 1 }
    }

    @Test func matrixMultiplyInEveryTransposition() {
        let a = Self.random([3, 5], seed: 6), b = Self.random([5, 2], seed: 7)
        let at = Self.random([5, 3], seed: 8), bt = Self.random([2, 5], seed: 9)
        Self.check([a, b]) { v in matmul(v[0], v[1]).square() }
        Self.check([at, b]) { v in matmul(v[0], v[1], transposeA: true).square() }
        Self.check([a, bt]) { v in matmul(v[0], v[1], transposeB: true).square() }
        Self.check([at, bt]) { v in matmul(v[0], v[1], transposeA: true, transposeB: true).square() }
    }

    @Test func activations() {
        let x = Self.random([4, 3], seed: 10, awayFromZero: true)
        let positive = Tensor(shape: [4, 3], scalars: x.scalars.map { 0.5 + Swift.abs($0) })
        Self.check([x]) { v in v[0].relu() * v[0] }
        Self.check([x]) { v in v[0].leakyReLU(0.2) * v[0] }
        Self.check([x]) { v in v[0].tanh() }
        Self.check([x]) { v in v[0].sigmoid() * v[0] }
        Self.check([x]) { v in v[0].exp().scaled(by: 0.1) }
        Self.check([positive]) { v in v[0].log() + v[0].sqrt() }
        Self.check([x]) { v in v[0].softplus() + v[0].square() }
        let weights = Self.random([4, 3], seed: 11)
        Self.check([x]) { v in v[0].logSoftmax() * v[0].constant(weights) }
        Self.check([x]) { v in v[0].softmax() * v[0].constant(weights) }
    }

    @Test func reductionsAndShapes() {
        let x = Self.random([4, 6], seed: 12)
        let weights = Self.random([2, 12], seed: 13)
        Self.check([x]) { v in v[0].sumRows().square() }
        Self.check([x]) { v in v[0].sumColumns().square() }
        Self.check([x]) { v in v[0].mean().square() }
        Self.check([x]) { v in v[0].reshaped([2, 12]) * v[0].constant(weights) }
        Self.check([x]) { v in
            let parts = [v[0].columns(0..<2).tanh(), v[0].columns(2..<5).softmax(), v[0].columns(5..<6)]
            return Variable.concatColumns(parts).square()
        }
        Self.check([Self.random([6], seed: 14)]) { v in v[0].expandedRows(to: [3, 6]).square() }
        Self.check([Self.random([3, 1], seed: 15)]) { v in v[0].expandedColumns(to: [3, 4]).square() }
    }

    @Test func secondOrderThroughAGradientPenalty() {
        // penalty(W) = Σ_rows (‖∂/∂x Σ tanh(x·W)·v‖₂ − 1)², differentiated with respect to W:
        // the analytic second-order gradient against finite differences of the first-order one.
        let x = Self.random([5, 3], seed: 16), w = Self.random([3, 4], seed: 17, scale: 0.7)
        let v = Self.random([4, 1], seed: 18)
        func penalty(_ tape: Tape, _ wv: Variable, createGraph: Bool) -> Variable {
            let xv = tape.variable(x)
            let out = matmul(matmul(xv, wv).tanh(), tape.constant(v))
            let g = tape.gradients(of: out, withRespectTo: [xv], createGraph: createGraph)[0]
            return (g.square().sumColumns().sqrt() - 1).square().sum()
        }
        let tape = Tape()
        let wv = tape.variable(w)
        let analytic = tape.gradients(of: penalty(tape, wv, createGraph: true), withRespectTo: [wv])[0].value
        let numeric = Self.numeric(w) { wt in
            let t = Tape()
            return penalty(t, t.variable(wt), createGraph: false).value.scalar
        }
        let worst = zip(analytic.scalars, numeric.scalars).map { Swift.abs($0 - $1) }.max() ?? 0
        let scale = Swift.max(1, numeric.scalars.map(Swift.abs).max() ?? 0)
        #expect(worst < 2e-3 * scale, "max |analytic − numeric| = \(worst) of \(scale)")
        #expect(analytic.scalars.contains { Swift.abs($0) > 1e-2 })
    }

    @Test func onlyPathsToTheInputsAreVisited() {
        let tape = Tape()
        let x = tape.variable(Self.random([2, 3], seed: 19))
        let w = tape.variable(Self.random([3, 3], seed: 20))
        let out = matmul(x, w).sum()
        let before = tape.nodeCount
        _ = tape.gradients(of: out, withRespectTo: [x])
        // Backward of sum (expand), then only dA = G·Wᵀ: no Xᵀ·G for the weights.
        #expect(tape.nodeCount - before <= 3)
        let unrelated = tape.variable(Tensor(shape: [2]))
        #expect(tape.gradients(of: out, withRespectTo: [unrelated])[0].value == Tensor(shape: [2]))
    }
}

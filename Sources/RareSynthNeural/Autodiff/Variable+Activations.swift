import Foundation

/// Pointwise nonlinearities. Each backward rule multiplies by a derivative written in
/// differentiable operations on the input or the output; where the derivative is piecewise
/// constant (ReLU, LeakyReLU) it is a constant mask, whose own derivative is zero.
extension Variable {
    /// max(x, 0); the gradient at exactly 0 is 0, as in PyTorch.
    public func relu() -> Variable { rectified(slope: 0) }

    /// x for x > 0, slope·x otherwise (PyTorch: the gradient at 0 is `slope`).
    public func leakyReLU(_ slope: Float = 0.2) -> Variable { rectified(slope: slope) }

    /// ReLU (slope 0) and LeakyReLU. The backward rule is G times the 0/1 (or slope/1) mask of
    /// the input; the mask is made inside the rule's one pass rather than stored, except when the
    /// backward pass is itself recorded (a gradient penalty), where it is a constant factor as
    /// its derivative is zero. Either way the product is `g · mask`, the same bits.
    func rectified(slope: Float) -> Variable {
        let input = value
        let y = Elementwise.map(input) { $0 > 0 ? $0 : (slope == 0 ? 0 : slope * $0) }
        return tape.record(y, inputs: [self], backward: [{ g, _ in
            guard !g.tape.isRecording else {
                return g * g.constant(Elementwise.map(input) { $0 > 0 ? 1 : slope })
            }
            return g.constant(Elementwise.zip(g.value, input) { gi, x in gi * (x > 0 ? 1 : slope) })
        }])
    }

    /// tanh through exp (glibc's tanhf is ~5× slower; ../shared/NUMERICS.md); d/dx = 1 − y².
    public func tanh() -> Variable {
        let y = Elementwise.mapLanes(value) { FastMath.tanh($0) }
        return tape.record(y, inputs: [self], backward: [{ g, out in g - g * out * out }])
    }

    /// 1 / (1 + e^(−x)); d/dx = y(1 − y).
    public func sigmoid() -> Variable {
        let y = Elementwise.map(value) { x in
            x >= 0 ? 1 / (1 + Foundation.exp(-x)) : { let e = Foundation.exp(x); return e / (1 + e) }()
        }
        return tape.record(y, inputs: [self], backward: [{ g, out in g * out - g * out * out }])
    }

    public func exp() -> Variable {
        tape.record(Elementwise.mapLanes(value) { FastMath.exp($0) }, inputs: [self], backward: [{ g, out in g * out }])
    }

    public func log() -> Variable {
        tape.record(Elementwise.map(value) { Foundation.log($0) }, inputs: [self], backward: [{ g, _ in g / self }])
    }

    /// √x; d/dx = 1 / (2√x).
    public func sqrt() -> Variable {
        tape.record(Elementwise.map(value) { $0.squareRoot() }, inputs: [self], backward: [{ g, out in (g / out).scaled(by: 0.5) }])
    }

    public func square() -> Variable {
        tape.record(Elementwise.map(value) { $0 * $0 }, inputs: [self], backward: [{ g, _ in (g * self).scaled(by: 2) }])
    }

    /// log(1 + eˣ), linear above 20 as in PyTorch; d/dx = sigmoid(x).
    public func softplus() -> Variable {
        let y = Elementwise.map(value) { x in x > 20 ? x : Foundation.log1p(Foundation.exp(x)) }
        return tape.record(y, inputs: [self], backward: [{ g, _ in g * self.sigmoid() }])
    }

    /// Row-wise log-softmax; d/dx = G − softmax(x)·rowsum(G).
    public func logSoftmax() -> Variable {
        let shape = self.shape
        return tape.record(Softmax.logSoftmax(value), inputs: [self], backward: [
            { g, out in g - out.exp() * g.sumColumns().expandedColumns(to: shape) },
        ])
    }

    /// Row-wise softmax; d/dx = y·(G − rowsum(G·y)).
    public func softmax() -> Variable {
        let shape = self.shape
        return tape.record(Softmax.softmax(value), inputs: [self], backward: [
            { g, out in out * (g - (g * out).sumColumns().expandedColumns(to: shape)) },
        ])
    }
}

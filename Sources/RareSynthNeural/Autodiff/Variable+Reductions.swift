/// Sums and their inverses (repetition along an axis), each the other's backward rule.
extension Variable {
    /// [m, n] → [n]: column sums.
    public func sumRows() -> Variable {
        let shape = self.shape
        return tape.record(Reductions.sumRows(value), inputs: [self], backward: [{ g, _ in g.expandedRows(to: shape) }])
    }

    /// [m, n] → [m, 1]: row sums.
    public func sumColumns() -> Variable {
        let shape = self.shape
        return tape.record(Reductions.sumColumns(value), inputs: [self], backward: [{ g, _ in g.expandedColumns(to: shape) }])
    }

    /// Every element → a scalar.
    public func sum() -> Variable {
        let shape = self.shape
        return tape.record(Reductions.sum(value), inputs: [self], backward: [{ g, _ in g.expanded(to: shape) }])
    }

    public func mean() -> Variable { sum().scaled(by: 1 / Float(Swift.max(1, value.count))) }

    /// [m, n] → [n]: column means.
    public func meanRows() -> Variable { sumRows().scaled(by: 1 / Float(Swift.max(1, rows))) }

    /// [n] or [1, n] repeated as m rows.
    public func expandedRows(to shape: [Int]) -> Variable {
        let own = self.shape
        return tape.record(Reductions.expandRows(value, to: shape), inputs: [self], backward: [{ g, _ in g.sumRows().reshaped(own) }])
    }

    /// [m, 1] repeated as n columns.
    public func expandedColumns(to shape: [Int]) -> Variable {
        tape.record(Reductions.expandColumns(value, to: shape), inputs: [self], backward: [{ g, _ in g.sumColumns() }])
    }

    /// A one-element value repeated to `shape`.
    public func expanded(to shape: [Int]) -> Variable {
        let own = self.shape
        return tape.record(Tensor(shape: shape, repeating: value.scalars[0]), inputs: [self], backward: [{ g, _ in g.sum().reshaped(own) }])
    }
}

extension Variable {
    /// [m, n] → [m, 1]: the Euclidean norm of each row (`x.norm(2, dim=1)`). Its gradient
    /// x / ‖x‖ is 0 on an all-zero row, as PyTorch defines it, instead of 0/0. The rule is exact
    /// to first order (the penalty's gradient); 1/‖x‖ is held constant in it, so a third
    /// derivative through it would be wrong.
    public func rowNorms() -> Variable {
        let norms = Elementwise.map(Reductions.sumColumns(Elementwise.map(value) { $0 * $0 })) { $0.squareRoot() }
        let shape = self.shape
        return tape.record(norms, inputs: [self], backward: [{ g, out in
            let inverse = Elementwise.map(out.value) { $0 > 0 ? 1 / $0 : 0 }
            return g.expandedColumns(to: shape) * self * g.constant(inverse).expandedColumns(to: shape)
        }])
    }
}

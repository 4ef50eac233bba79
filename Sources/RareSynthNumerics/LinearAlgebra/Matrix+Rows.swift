extension Matrix {
    /// The listed rows, in that order: a training or test fold of a design matrix.
    public func rows(_ indices: [Int]) -> Matrix {
        var out = Matrix(rows: indices.count, columns: columns)
        for (r, i) in indices.enumerated() {
            for c in 0..<columns { out[r, c] = self[i, c] }
        }
        return out
    }
}

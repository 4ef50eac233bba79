/// Reshaping and column slicing: moves data, no arithmetic.
extension Variable {
    /// The same elements under another shape (PacGAN packs `pac` rows into one this way).
    public func reshaped(_ shape: [Int]) -> Variable {
        if shape == self.shape { return self }
        let own = self.shape
        return tape.record(value.reshaped(shape), inputs: [self], backward: [{ g, _ in g.reshaped(own) }])
    }

    /// Columns `range` of a matrix.
    public func columns(_ range: Range<Int>) -> Variable {
        let (m, n) = (rows, columns)
        precondition(range.lowerBound >= 0 && range.upperBound <= n, "columns \(range) of a \(m)×\(n) matrix")
        if range == 0..<n { return self }
        let w = range.count
        let out = Tensor.copyingRows(m, width: w) { dst in
            value.scalars.withUnsafeBufferPointer { x in
                for r in 0..<m { (dst + r * w).update(from: x.baseAddress! + r * n + range.lowerBound, count: w) }
            }
        }
        return tape.record(Tensor(shape: [m, w], scalars: out), inputs: [self], backward: [
            { g, _ in g.padded(columns: range.lowerBound, total: n) },
        ])
    }

    /// This [m, w] matrix placed at column `offset` of an [m, total] matrix of zeros.
    public func padded(columns offset: Int, total: Int) -> Variable {
        let (m, w) = (rows, columns)
        var out = [Float](repeating: 0, count: m * total)
        out.withUnsafeMutableBufferPointer { dst in
            value.scalars.withUnsafeBufferPointer { x in
                for r in 0..<m where w > 0 { (dst.baseAddress! + r * total + offset).update(from: x.baseAddress! + r * w, count: w) }
            }
        }
        return tape.record(Tensor(shape: [m, total], scalars: out), inputs: [self], backward: [
            { g, _ in g.columns(offset..<(offset + w)) },
        ])
    }

    /// Matrices with equal row counts side by side.
    public static func concatColumns(_ parts: [Variable]) -> Variable {
        precondition(!parts.isEmpty, "nothing to concatenate")
        if parts.count == 1 { return parts[0] }
        let m = parts[0].rows
        precondition(parts.allSatisfy { $0.rows == m && $0.shape.count == 2 }, "concatColumns needs matrices with \(m) rows")
        let widths = parts.map(\.columns)
        let out = Tensor.concatColumns(parts.map(\.value))
        var starts: [Int] = []
        var offset = 0
        for w in widths { starts.append(offset); offset += w }
        return parts[0].tape.record(out, inputs: parts,
                                     backward: zip(starts, widths).map { s, w in { g, _ in g.columns(s..<(s + w)) } })
    }
}

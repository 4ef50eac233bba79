extension Tensor {
    /// Matrices with equal row counts side by side.
    public static func concatColumns(_ parts: Tensor...) -> Tensor {
        let m = parts[0].rows
        precondition(parts.allSatisfy { $0.rows == m }, "concatColumns needs equal row counts")
        let total = parts.reduce(0) { $0 + $1.columns }
        var out = [Float](repeating: 0, count: m * total)
        var offset = 0
        for p in parts {
            let w = p.columns
            for r in 0..<m {
                for c in 0..<w { out[r * total + offset + c] = p.scalars[r * w + c] }
            }
            offset += w
        }
        return Tensor(shape: [m, total], scalars: out)
    }
}

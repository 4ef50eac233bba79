extension Tensor {
    /// Matrices with equal row counts side by side.
    public static func concatColumns(_ parts: Tensor...) -> Tensor { concatColumns(parts) }

    /// Matrices with equal row counts side by side, one row copy per part and row.
    public static func concatColumns(_ parts: [Tensor]) -> Tensor {
        let m = parts[0].rows
        precondition(parts.allSatisfy { $0.rows == m }, "concatColumns needs equal row counts")
        let total = parts.reduce(0) { $0 + $1.columns }
        let out = copyingRows(m, width: total) { dst in
            var offset = 0
            for p in parts {
                let w = p.columns
                p.scalars.withUnsafeBufferPointer { x in
                    for r in 0..<m where w > 0 { (dst + r * total + offset).update(from: x.baseAddress! + r * w, count: w) }
                }
                offset += w
            }
        }
        return Tensor(shape: [m, total], scalars: out)
    }

    /// The rows of this matrix at `indices`, in that order (a training batch from the data).
    public func gatheringRows(_ indices: some Collection<Int>) -> Tensor {
        let (m, w) = (indices.count, columns)
        let out = Self.copyingRows(m, width: w) { dst in
            scalars.withUnsafeBufferPointer { x in
                for (i, r) in indices.enumerated() {
                    precondition(r >= 0 && r < rows, "row \(r) of a \(rows)-row matrix")
                    (dst + i * w).update(from: x.baseAddress! + r * w, count: w)
                }
            }
        }
        return Tensor(shape: [m, w], scalars: out)
    }

    /// Storage for `rows × width` elements that `fill` writes completely (row copies), without
    /// zeroing it first. Empty matrices never call `fill`.
    static func copyingRows(_ rows: Int, width: Int, _ fill: (UnsafeMutablePointer<Float>) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: rows * width) { buffer, count in
            if let base = buffer.baseAddress, rows * width > 0 { fill(base) }
            count = rows * width
        }
    }
}

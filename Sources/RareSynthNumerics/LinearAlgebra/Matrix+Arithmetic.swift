extension Matrix {
    /// Aᵀ.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns { result.elements[j * rows + i] = elements[i * columns + j] }
        }
        return result
    }

    /// The matrix product A·B (see `multiplied(by:threads:)`).
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.multiplied(by: rhs)
    }

    /// The matrix product self·other on `threads` threads (default `Parallel.threadCount`).
    ///
    /// An i-k-j loop (contiguous inner loop, vectorised by the compiler) with rows of the result
    /// split across threads in fixed chunks; every entry is summed over k in the same order, so
    /// the bits do not depend on the thread count.
    public func multiplied(by other: Matrix, threads: Int? = nil) -> Matrix {
        let (lhs, rhs) = (self, other)
        precondition(lhs.columns == rhs.rows,
                     "cannot multiply \(lhs.rows)×\(lhs.columns) by \(rhs.rows)×\(rhs.columns)")
        let (m, k, n) = (lhs.rows, lhs.columns, rhs.columns)
        let left = lhs.elements
        let right = rhs.elements
        let work = m * k * n
        let rowsPerChunk = work < 1 << 18 ? max(m, 1) : max(1, (1 << 16) / max(k * n, 1))
        var result = [Double](repeating: 0, count: m * n)
        result.withUnsafeMutableBufferPointer { output in
            let output = UnsafeSendableBuffer(output)
            Parallel.forEachChunk(count: m, chunkSize: rowsPerChunk, threads: threads) { rowRange in
                right.withUnsafeBufferPointer { b in
                    for i in rowRange {
                        let row = output.base + i * n
                        for p in 0..<k {
                            let a = left[i * k + p]
                            if a == 0 { continue }
                            let bRow = p * n
                            for j in 0..<n { row[j] += a * b[bRow + j] }
                        }
                    }
                }
            }
        }
        return Matrix(rows: m, columns: n, elements: result)
    }

    /// The matrix–vector product A·x.
    public static func * (lhs: Matrix, rhs: [Double]) -> [Double] {
        precondition(lhs.columns == rhs.count, "cannot multiply \(lhs.rows)×\(lhs.columns) by a vector of \(rhs.count)")
        var result = [Double](repeating: 0, count: lhs.rows)
        for i in 0..<lhs.rows {
            var sum = 0.0
            let base = i * lhs.columns
            for j in 0..<lhs.columns { sum += lhs.elements[base + j] * rhs[j] }
            result[i] = sum
        }
        return result
    }

    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "matrix sizes differ")
        return Matrix(rows: lhs.rows, columns: lhs.columns,
                      elements: zip(lhs.elements, rhs.elements).map { $0 + $1 })
    }

    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "matrix sizes differ")
        return Matrix(rows: lhs.rows, columns: lhs.columns,
                      elements: zip(lhs.elements, rhs.elements).map { $0 - $1 })
    }

    public static func * (lhs: Double, rhs: Matrix) -> Matrix {
        Matrix(rows: rhs.rows, columns: rhs.columns, elements: rhs.elements.map { lhs * $0 })
    }

    /// The Frobenius norm √(Σ aᵢⱼ²).
    public var frobeniusNorm: Double {
        var sum = 0.0
        for v in elements { sum += v * v }
        return sum.squareRoot()
    }

    /// The largest |aᵢⱼ − bᵢⱼ|, a convenient distance for tests and convergence checks.
    public func maxAbsoluteDifference(_ other: Matrix) -> Double {
        precondition(rows == other.rows && columns == other.columns, "matrix sizes differ")
        var largest = 0.0
        for (a, b) in zip(elements, other.elements) { largest = max(largest, abs(a - b)) }
        return largest
    }
}

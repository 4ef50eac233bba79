/// A dense row-major matrix of Doubles, sized for the correlation and covariance matrices of a
/// copula (a few hundred columns at most).
///
/// A plain value type: `elements[i * columns + j]` is entry (i, j), copy-on-write through the
/// array. Deliberately no generic element type, no views and no BLAS: the work done on these
/// matrices is O(n³) with n ≤ a few hundred, which the simple loops here finish in milliseconds,
/// and they give the same bits on every machine and thread count.
public struct Matrix: Sendable, Equatable, Codable {
    public let rows: Int
    public let columns: Int
    /// Row-major storage, `rows * columns` entries.
    public var elements: [Double]

    /// A rows × columns matrix with every entry `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = [Double](repeating: value, count: rows * columns)
    }

    /// A matrix over row-major `elements`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0 && elements.count == rows * columns,
                     "a \(rows)×\(columns) matrix needs \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from its rows, which must have equal lengths.
    public init(rows rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "rows must have equal lengths")
        self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// The n × n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// The square matrix with `values` on its diagonal.
    public static func diagonal(_ values: [Double]) -> Matrix {
        var m = Matrix(rows: values.count, columns: values.count)
        for (i, v) in values.enumerated() { m[i, i] = v }
        return m
    }

    public subscript(row: Int, column: Int) -> Double {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    public var isSquare: Bool { rows == columns }

    /// Row i as an array.
    public func row(_ i: Int) -> [Double] {
        Array(elements[(i * columns)..<((i + 1) * columns)])
    }

    /// Column j as an array.
    public func column(_ j: Int) -> [Double] {
        (0..<rows).map { self[$0, j] }
    }

    /// The rows as arrays.
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// The diagonal entries.
    public var diagonalElements: [Double] { (0..<min(rows, columns)).map { self[$0, $0] } }

    /// The submatrix of the given rows and columns, in the given order.
    public func submatrix(rows rowIndices: [Int], columns columnIndices: [Int]) -> Matrix {
        var result = Matrix(rows: rowIndices.count, columns: columnIndices.count)
        for (r, i) in rowIndices.enumerated() {
            for (c, j) in columnIndices.enumerated() { result[r, c] = self[i, j] }
        }
        return result
    }

    /// Whether the matrix is square and |aᵢⱼ − aⱼᵢ| ≤ tolerance · max(1, |aᵢⱼ|) everywhere.
    public func isSymmetric(tolerance: Double = 0) -> Bool {
        guard isSquare else { return false }
        for i in 0..<rows {
            for j in 0..<i where abs(self[i, j] - self[j, i]) > tolerance * max(1, abs(self[i, j])) {
                return false
            }
        }
        return true
    }

    /// (A + Aᵀ)/2, which removes the rounding asymmetry left by products such as L·Lᵀ.
    public func symmetrized() -> Matrix {
        precondition(isSquare, "only a square matrix can be symmetrised")
        var result = self
        for i in 0..<rows {
            for j in 0..<i {
                let average = 0.5 * (self[i, j] + self[j, i])
                result[i, j] = average
                result[j, i] = average
            }
        }
        return result
    }
}

extension Matrix: CustomStringConvertible {
    public var description: String {
        rowArrays.map { row in row.map { String($0) }.joined(separator: "  ") }.joined(separator: "\n")
    }
}

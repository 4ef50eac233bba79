/// A dense Float32 array in row-major order: the only data type the neural engine computes with.
///
/// Float32 because training runs at twice the GEMM and exp rate of Float64 and in half the memory
/// (../shared/NUMERICS.md); statistics and metrics stay in Float64 elsewhere. A value type, so a
/// tensor captured by the tape cannot change under it; copies are cheap until written (the
/// storage is a Swift array).
public struct Tensor: Sendable, Equatable {
    /// Extent of each dimension; `[]` is a scalar, `[n]` a vector, `[rows, columns]` a matrix.
    public private(set) var shape: [Int]
    /// The elements, row-major; `count` is the product of `shape`.
    public var scalars: [Float]

    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
        precondition(shape.reduce(1, *) == scalars.count,
                     "shape \(shape) holds \(shape.reduce(1, *)) elements, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
    }

    public init(shape: [Int], repeating value: Float = 0) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }

    public init(_ scalar: Float) {
        self.init(shape: [], scalars: [scalar])
    }

    /// A matrix from its rows (all of one length).
    public init(rows: [[Float]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "rows of unequal length")
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
    }

    public var count: Int { scalars.count }
    public var rank: Int { shape.count }

    /// Rows of a matrix (1 for a vector or scalar, so a bias broadcasts as one row).
    public var rows: Int { shape.count == 2 ? shape[0] : 1 }
    /// Columns of a matrix, length of a vector, 1 for a scalar.
    public var columns: Int { shape.last ?? 1 }

    /// The same elements under another shape with as many elements (no copy).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars)
    }

    /// The single element of a one-element tensor.
    public var scalar: Float {
        precondition(scalars.count == 1, "tensor of shape \(shape) is not a scalar")
        return scalars[0]
    }

    public subscript(row: Int, column: Int) -> Float {
        get { scalars[row * columns + column] }
        set { scalars[row * columns + column] = newValue }
    }
}

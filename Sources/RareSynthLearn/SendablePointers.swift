/// Raw pointers that parallel chunk bodies (`Parallel.forEachChunk`/`map`) may capture. Sound only
/// where each chunk writes a disjoint part (or only reads) and the owning array outlives the
/// parallel call, which every use here guarantees by calling inside `withUnsafe…BufferPointer`.
struct SendablePointer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
    init(_ base: UnsafeMutablePointer<Double>) { self.base = base }
}

struct SendableConstPointer: @unchecked Sendable {
    let base: UnsafePointer<Double>
    init(_ base: UnsafePointer<Double>) { self.base = base }
}

/// The class codes' base pointer, read by the tree-building tasks.
struct SendableCodes: @unchecked Sendable {
    let base: UnsafePointer<Int32>
}

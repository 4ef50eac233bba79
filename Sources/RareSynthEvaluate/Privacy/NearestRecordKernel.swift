import RareSynthNumerics

/// The exhaustive nearest-record search behind every DCR: for each dataset row, the smallest and
/// second-smallest sum of per-column distances over all reference rows, and where the smallest is.
///
/// Exact and exhaustive (no index structure, no subsampling): SDMetrics' distance is a capped,
/// range-scaled L1 over mixed columns, for which no tree gives exact answers cheaply, and
/// 17,500 × 17,500 × 9 is a few billion lane operations, well within a SIMD loop's reach.
///
/// Filter and refine. The exact distance needs a division per column (SDMetrics' `diff / range`,
/// correctly rounded), and division is the one slow SIMD instruction. So a first pass computes every
/// distance in single precision without division (`DistanceEncoding.Filter`, within a proven
/// tolerance δ of the exact sum), keeping per lane the best two rows; a second pass recomputes in
/// double precision, with SDMetrics' divisions and summation order, only the rows that can still be
/// the nearest or second nearest, i.e. those within 2δ of the filter's second-best sum
/// (`NearestRecordKernel+Refine.swift`). The result is bit-identical to an exhaustive exact search.
///
/// Layout: the reference is read 8 rows at a time (`SIMD8<Float>`, one AVX2 register) from
/// column-major arrays, in blocks of ``referenceBlock`` rows that stay in L2 while a chunk of
/// dataset rows streams over them. Each of the 8 lanes keeps its own best and second best (values
/// and indices). Work is split over dataset rows only, in fixed chunks (`Parallel.mapChunks`), and
/// each row's reduction is fixed, so results are the same bits on any number of threads.
enum NearestRecordKernel {
    /// Reference rows per cache block: 2,048 rows × 9 columns × 4 bytes = 72 KiB.
    static let referenceBlock = 2048
    /// Dataset rows per parallel chunk.
    static let chunkSize = 32

    /// Per dataset row, in exact double precision: the smallest sum of column distances, the
    /// second smallest (`.infinity` when the reference has one row), and the reference index of the
    /// smallest (the first such row).
    struct Output: Sendable {
        var best: [Double]
        var second: [Double]
        var index: [Int]
    }

    /// What the filter pass leaves for one dataset row: per lane, the two smallest single-precision
    /// sums and their reference rows (−1 when a lane saw fewer rows). A row not kept in lane L has
    /// a sum ≥ `second[L]`.
    struct LaneCandidates {
        var best: SIMD8<Float>
        var bestIndex: SIMD8<Int32>
        var second: SIMD8<Float>
        var secondIndex: SIMD8<Int32>

        static let empty = LaneCandidates(best: SIMD8(repeating: .infinity), bestIndex: SIMD8(repeating: -1),
                                          second: SIMD8(repeating: .infinity), secondIndex: SIMD8(repeating: -1))
    }

    static func run(_ e: DistanceEncoding, threads: Int? = nil) -> Output {
        precondition(e.referenceRows > 0, "the reference table has no rows")
        precondition(e.referenceRows < Int(Int32.max), "the reference table is too large")
        // Search between distinct rows only, then expand (see `UniqueRows`).
        let k = e.columnCount
        let data = UniqueRows(e.dataset, rows: e.datasetRows, columns: k)
        let reference = UniqueRows(e.reference, rows: e.referenceRows, columns: k)
        var reduced = e
        reduced.dataset = data.values
        reduced.datasetRows = data.count
        reduced.reference = reference.values
        reduced.referenceRows = reference.count
        let distinct = reduced
        let filter = distinct.filter()
        let chunks = Parallel.mapChunks(count: data.count, chunkSize: chunkSize, threads: threads) { rows in
            let lanes = search(filter, distinct, rows: rows)
            return refine(distinct, filter: filter, rows: rows, lanes: lanes)
        }
        var best: [Double] = [], second: [Double] = [], index: [Int] = []
        best.reserveCapacity(data.count)
        second.reserveCapacity(data.count)
        index.reserveCapacity(data.count)
        for chunk in chunks {
            best += chunk.best
            second += chunk.second
            index += chunk.index
        }
        // A nearest row that occurs twice is also the second nearest.
        for u in 0..<data.count {
            if reference.multiplicity[index[u]] > 1 { second[u] = best[u] }
            index[u] = reference.firstIndex[index[u]]
        }
        return Output(best: data.distinctIndex.map { best[$0] }, second: data.distinctIndex.map { second[$0] },
                      index: data.distinctIndex.map { index[$0] })
    }

    /// The filter pass for one chunk of dataset rows over the first `m − m mod 8` reference rows
    /// (the refinement handles the rest).
    static func search(_ f: DistanceEncoding.Filter, _ e: DistanceEncoding, rows: Range<Int>) -> [LaneCandidates] {
        let k = e.columnCount
        let n = e.datasetRows
        let m = e.referenceRows
        let full = m - m % 8
        var lanes = [LaneCandidates](repeating: .empty, count: rows.count)
        let laneOffsets = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        f.reference.withUnsafeBufferPointer { refBuffer in
            f.dataset.withUnsafeBufferPointer { data in
                let ref = UnsafeRawPointer(refBuffer.baseAddress!)
                var x = [SIMD8<Float>](repeating: .zero, count: k)
                for blockStart in stride(from: 0, to: full, by: referenceBlock) {
                    let blockEnd = Swift.min(full, blockStart + referenceBlock)
                    for r in 0..<rows.count {
                        let i = rows.lowerBound + r
                        for j in 0..<k { x[j] = SIMD8(repeating: data[j * n + i]) }
                        var c = lanes[r]
                        x.withUnsafeBufferPointer { x in
                            // Four groups of 8 rows per step: four independent sums keep the adders
                            // busy; their updates are applied in row order, which keeps ties exact.
                            var t = blockStart
                            while t + 32 <= blockEnd {
                                let sums = distanceSums4(ref, x, k: k, m: m, t: t)
                                update(&c, sums.0, laneOffsets &+ Int32(truncatingIfNeeded: t))
                                update(&c, sums.1, laneOffsets &+ Int32(truncatingIfNeeded: t + 8))
                                update(&c, sums.2, laneOffsets &+ Int32(truncatingIfNeeded: t + 16))
                                update(&c, sums.3, laneOffsets &+ Int32(truncatingIfNeeded: t + 24))
                                t += 32
                            }
                            while t < blockEnd {
                                update(&c, distanceSum(ref, x, k: k, m: m, t: t), laneOffsets &+ Int32(truncatingIfNeeded: t))
                                t += 8
                            }
                        }
                        lanes[r] = c
                    }
                }
            }
        }
        return lanes
    }

    /// Offers 8 rows' sums to the lanes: where a sum beats a lane's best, the best moves to second;
    /// else where it beats the second, it becomes the second. Strict comparisons keep the earlier
    /// row on ties.
    @inline(__always)
    static func update(_ c: inout LaneCandidates, _ sum: SIMD8<Float>, _ index: SIMD8<Int32>) {
        let closer = sum .< c.best
        let closerThanSecond = sum .< c.second
        c.second = c.second.replacing(with: sum, where: closerThanSecond)
        c.secondIndex = c.secondIndex.replacing(with: index, where: closerThanSecond)
        c.second = c.second.replacing(with: c.best, where: closer)
        c.secondIndex = c.secondIndex.replacing(with: c.bestIndex, where: closer)
        c.best = c.best.replacing(with: sum, where: closer)
        c.bestIndex = c.bestIndex.replacing(with: index, where: closer)
    }

    /// One filter column distance: min(|x − ref|, 1), |·| by clearing the sign bit (one AND; the
    /// select form compiles to compare-and-blend).
    @inline(__always)
    static func columnDistance(_ x: SIMD8<Float>, _ column: SIMD8<Float>) -> SIMD8<Float> {
        let difference = x - column
        let magnitude = unsafeBitCast(unsafeBitCast(difference, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF,
                                      to: SIMD8<Float>.self)
        return magnitude.replacing(with: SIMD8(repeating: 1), where: magnitude .> 1)
    }

    /// The filter's distance sums of one dataset row (`x`, broadcast per column) to reference rows
    /// t..<t+8: Σⱼ min(|xⱼ − refⱼ|, 1) in single precision, in column order.
    @inline(__always)
    static func distanceSum(_ ref: UnsafeRawPointer, _ x: UnsafeBufferPointer<SIMD8<Float>>,
                            k: Int, m: Int, t: Int) -> SIMD8<Float> {
        var sum = SIMD8<Float>(repeating: 0)
        for j in 0..<k {
            sum += columnDistance(x[j], ref.loadUnaligned(fromByteOffset: (j &* m &+ t) &* 4, as: SIMD8<Float>.self))
        }
        return sum
    }

    /// `distanceSum` for rows t..<t+32, as four independent sums.
    @inline(__always)
    static func distanceSums4(_ ref: UnsafeRawPointer, _ x: UnsafeBufferPointer<SIMD8<Float>>, k: Int, m: Int,
                              t: Int) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
        var s0 = SIMD8<Float>(repeating: 0), s1 = s0, s2 = s0, s3 = s0
        for j in 0..<k {
            let offset = (j &* m &+ t) &* 4
            let xj = x[j]
            s0 += columnDistance(xj, ref.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self))
            s1 += columnDistance(xj, ref.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self))
            s2 += columnDistance(xj, ref.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD8<Float>.self))
            s3 += columnDistance(xj, ref.loadUnaligned(fromByteOffset: offset &+ 96, as: SIMD8<Float>.self))
        }
        return (s0, s1, s2, s3)
    }
}

extension DistanceEncoding {
    /// A single-precision copy of the encoding, for the fast first pass of the nearest-record
    /// search, with a proven bound on how far its distances can be from the exact ones.
    ///
    /// Each continuous column is rescaled to the reference range, x′ = (x − min) / r, so the
    /// per-column distance becomes min(|a′ − b′|, 1) with no division in the loop. Reference values
    /// then lie in [0, 1]; dataset values are clamped to [−2, 3] first, which changes no capped
    /// distance (any value beyond [−1, 2] is ≥ 1 from every reference value either way) and keeps
    /// every operand small. Missing cells become the sentinel 10⁶ on both sides (|10⁶ − x′| caps at
    /// 1, 10⁶ − 10⁶ = 0). Codes (categorical columns, range-0 columns) stay integers below 2²⁴,
    /// exact in `Float`.
    ///
    /// Error bound (u = 2⁻²⁴): rounding a′ (|a′| ≤ 3) and b′ (≤ 1) to `Float` costs ≤ 3u and u, the
    /// subtraction (|a′ − b′| ≤ 5) ≤ 2.5u, so a column's distance is off by ≤ 6.5u < 4e−7; the k
    /// single-precision additions of partial sums ≤ k add ≤ k·k·u/2 < 3e−8·k². So the filter's sum
    /// S̃ and the exact sum S (of SDMetrics' double-precision column distances, themselves within
    /// 1e−15 of the real quotients) satisfy |S̃ − S| ≤ ``filterTolerance``.
    struct Filter: Sendable {
        /// Column j of the dataset is `dataset[j * datasetRows ..< (j + 1) * datasetRows]`.
        var dataset: [Float]
        /// Column j of the reference is `reference[j * referenceRows ..< (j + 1) * referenceRows]`.
        var reference: [Float]
    }

    /// The largest |S̃ − S| the filter can produce for a sum of `columnCount` column distances,
    /// with a margin of more than 20 %: 5e−7·k + 4e−8·k² + 1e−12.
    var filterTolerance: Double {
        let k = Double(columnCount)
        return 5e-7 * k + 4e-8 * k * k + 1e-12
    }

    /// The single-precision filter for this encoding.
    func filter() -> Filter {
        let sentinel: Float = 1e6
        var dataOut = [Float](repeating: 0, count: dataset.count)
        var refOut = [Float](repeating: 0, count: reference.count)
        let n = datasetRows, m = referenceRows
        for j in 0..<columnCount {
            let refColumn = reference[(j * m)..<((j + 1) * m)]
            let dataColumn = dataset[(j * n)..<((j + 1) * n)]
            if let scale = continuousScales[j] {
                // v is the column minimum; a missing cell holds the double sentinel, above every value.
                func rescale(_ x: Double, clamp: Bool) -> Float {
                    if x >= scale.missing { return sentinel }
                    let y = (x - scale.minimum) / divisors[j]
                    return Float(clamp ? Swift.min(Swift.max(y, -2), 3) : y)
                }
                for (i, x) in refColumn.enumerated() { refOut[j * m + i] = rescale(x, clamp: false) }
                for (i, x) in dataColumn.enumerated() { dataOut[j * n + i] = rescale(x, clamp: true) }
            } else {
                for (i, x) in refColumn.enumerated() { refOut[j * m + i] = Float(x) }
                for (i, x) in dataColumn.enumerated() { dataOut[j * n + i] = Float(x) }
            }
        }
        return Filter(dataset: dataOut, reference: refOut)
    }
}

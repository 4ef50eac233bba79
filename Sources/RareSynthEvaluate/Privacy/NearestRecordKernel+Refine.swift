extension NearestRecordKernel {
    /// The exact pass for one chunk of dataset rows.
    ///
    /// Let S̃ be the filter's sum and S the exact one, |S̃ − S| ≤ δ, and S̃₍₂₎ the second-smallest
    /// filter sum of the row. The two rows with the smallest S̃ have S ≤ S̃₍₂₎ + δ, so any row with
    /// S̃ > T = S̃₍₂₎ + 2δ has S > S̃₍₂₎ + δ and can be neither the nearest nor the second nearest, nor
    /// tie with them. The candidates are therefore the rows with S̃ ≤ T. They are all among the
    /// lanes' kept rows when every lane's second-best sum exceeds T (a row a lane did not keep has
    /// S̃ ≥ that lane's second best); otherwise (two near rows in one lane, or near-ties) the row is
    /// scanned again to list them. Each candidate's exact S is then computed with SDMetrics'
    /// arithmetic, and the smallest (first index on ties) and second smallest are kept.
    static func refine(_ e: DistanceEncoding, filter f: DistanceEncoding.Filter, rows: Range<Int>,
                       lanes: [LaneCandidates]) -> Output {
        let k = e.columnCount
        let m = e.referenceRows
        let full = m - m % 8
        let delta = e.filterTolerance
        var out = Output(best: [], second: [], index: [])
        out.best.reserveCapacity(rows.count)
        out.second.reserveCapacity(rows.count)
        out.index.reserveCapacity(rows.count)
        var entries: [(sum: Float, row: Int)] = []
        var candidates: [Int] = []
        f.reference.withUnsafeBufferPointer { ref in
            f.dataset.withUnsafeBufferPointer { data in
                var x = [SIMD8<Float>](repeating: .zero, count: k)
                for (r, lane) in lanes.enumerated() {
                    let i = rows.lowerBound + r
                    for j in 0..<k { x[j] = SIMD8(repeating: data[j * e.datasetRows + i]) }
                    // The kept rows of every lane, and the reference rows past the last full block.
                    entries.removeAll(keepingCapacity: true)
                    for l in 0..<8 {
                        if lane.bestIndex[l] >= 0 { entries.append((lane.best[l], Int(lane.bestIndex[l]))) }
                        if lane.secondIndex[l] >= 0 { entries.append((lane.second[l], Int(lane.secondIndex[l]))) }
                    }
                    for t in full..<m { entries.append((filterSum(ref, data, e, datasetRow: i, referenceRow: t), t)) }
                    var s1 = Float.infinity, s2 = Float.infinity
                    for entry in entries {
                        if entry.sum < s1 { s2 = s1; s1 = entry.sum } else if entry.sum < s2 { s2 = entry.sum }
                    }
                    let threshold = Double(s2) + 2 * delta
                    var complete = threshold.isFinite || m < 2
                    for l in 0..<8 where Double(lane.second[l]) <= threshold { complete = false }
                    candidates.removeAll(keepingCapacity: true)
                    if complete {
                        for entry in entries where Double(entry.sum) <= threshold { candidates.append(entry.row) }
                    } else {
                        x.withUnsafeBufferPointer { x in
                            let base = UnsafeRawPointer(ref.baseAddress!)
                            // A Float bound at or above the threshold: it can only admit extra rows.
                            let bound = SIMD8<Float>(repeating: Float(threshold).nextUp)
                            var t = 0
                            while t < full {
                                let sums = distanceSum(base, x, k: k, m: m, t: t)
                                if any(sums .<= bound) {
                                    for l in 0..<8 where Double(sums[l]) <= threshold { candidates.append(t + l) }
                                }
                                t += 8
                            }
                        }
                        for t in full..<m where Double(filterSum(ref, data, e, datasetRow: i, referenceRow: t)) <= threshold {
                            candidates.append(t)
                        }
                    }
                    var best = Double.infinity, second = Double.infinity, index = -1
                    for t in candidates {
                        let s = exactSum(e, datasetRow: i, referenceRow: t)
                        if s < best || (s == best && t < index) {
                            second = Swift.min(second, best)
                            best = s
                            index = t
                        } else {
                            second = Swift.min(second, s)
                        }
                    }
                    out.best.append(best)
                    out.second.append(second)
                    out.index.append(index)
                }
            }
        }
        return out
    }

    /// The filter's sum for one pair, one lane at a time (the same operations as `distanceSum`).
    @inline(__always)
    static func filterSum(_ ref: UnsafeBufferPointer<Float>, _ data: UnsafeBufferPointer<Float>,
                          _ e: DistanceEncoding, datasetRow i: Int, referenceRow t: Int) -> Float {
        var sum: Float = 0
        for j in 0..<e.columnCount {
            let d = Swift.abs(data[j * e.datasetRows + i] - ref[j * e.referenceRows + t])
            sum += d > 1 ? 1 : d
        }
        return sum
    }

    /// SDMetrics' sum for one pair: Σⱼ min(|aⱼ − bⱼ| / rⱼ, 1) in double precision, a true division
    /// per column, added in column order (`_process_dcr_chunk`, then `sum(axis=1)`).
    @inline(__always)
    static func exactSum(_ e: DistanceEncoding, datasetRow i: Int, referenceRow t: Int) -> Double {
        var sum = 0.0
        for j in 0..<e.columnCount {
            let q = Swift.abs(e.dataset[j * e.datasetRows + i] - e.reference[j * e.referenceRows + t]) / e.divisors[j]
            sum += q > 1 ? 1 : q
        }
        return sum
    }
}

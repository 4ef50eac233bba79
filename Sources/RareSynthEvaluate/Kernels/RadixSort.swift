/// Sorts doubles and 64-bit keys by least-significant-digit radix sort.
///
/// KSComplement sorts every continuous column of both tables, and a contingency table of two
/// high-cardinality columns sorts one packed key per row; on a million rows the standard library's
/// comparison sort dominated the whole report, while six counting passes over 11-bit digits take a
/// fraction of that (and passes whose digit is the same for every key — typically the exponent bits
/// of a column with one scale, or the high bits of small codes — are skipped).
enum RadixSort {
    /// Below this size the standard sort is faster.
    private static let threshold = 512
    private static let digitBits = 11
    private static let digitCount = 6  // 6 × 11 ≥ 64 bits
    private static let buckets = 1 << digitBits

    /// Sorts ascending. - Precondition: no NaN.
    static func sort(_ values: inout [Double]) {
        guard values.count >= threshold else { values.sort(); return }
        // Order-preserving keys: flip every bit of a negative number, only the sign bit of a
        // positive one. −0.0 is first made +0.0 so the two zeros stay one value.
        var keys = values.map { v -> UInt64 in
            let bits = (v + 0.0).bitPattern
            return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        }
        sort(&keys)
        for i in keys.indices {
            let key = keys[i]
            values[i] = Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
        }
    }

    /// Sorts ascending.
    static func sort(_ keys: inout [UInt64]) {
        let n = keys.count
        guard n >= threshold else { keys.sort(); return }
        let mask = UInt64(buckets - 1)
        var histogram = [Int](repeating: 0, count: buckets * digitCount)
        keys.withUnsafeBufferPointer { k in
            histogram.withUnsafeMutableBufferPointer { h in
                for key in k {
                    for d in 0..<digitCount {
                        h[d * buckets + Int((key >> UInt64(d * digitBits)) & mask)] += 1
                    }
                }
            }
        }
        var scratch = [UInt64](repeating: 0, count: n)
        for d in 0..<digitCount {
            let base = d * buckets
            // Skip a digit that every key shares.
            if histogram[base..<(base + buckets)].contains(n) { continue }
            var offset = 0
            for b in 0..<buckets {
                let c = histogram[base + b]
                histogram[base + b] = offset
                offset += c
            }
            let shift = UInt64(d * digitBits)
            keys.withUnsafeBufferPointer { k in
                scratch.withUnsafeMutableBufferPointer { s in
                    histogram.withUnsafeMutableBufferPointer { h in
                        for key in k {
                            let slot = base + Int((key >> shift) & mask)
                            s[h[slot]] = key
                            h[slot] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
    }
}

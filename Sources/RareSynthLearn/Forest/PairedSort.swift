/// Sorts feature values ascending and carries the sample indices along: the per-node sort of
/// scikit-learn's `BestSplitter` (`sklearn/tree/_partitioner.pyx`, `sort`/`introsort`, 1.9.1):
/// introsort with a median-of-three pivot and a three-way partition (so long runs of tied
/// values, common in clinical columns, cost one pass), heapsort past 2·log₂ n levels, and
/// insertion sort below 16 elements. Ranges of at least `radixThreshold` elements — the upper
/// levels of a tree, where introsort's log n factor costs most — are sorted instead by an LSD
/// radix sort on the Floats' order-preserving bit patterns (four byte-wide counting passes,
/// skipping a pass when every key shares that byte), which needs scratch space of the same
/// size. The order of tied values is unspecified, which no split depends on.
enum PairedSort {
    static let radixThreshold = 256

    /// Sorts `count` values with their samples; `scratchKeys` holds at least 2·`count` elements,
    /// `scratchSamples` `count` and `histogram` 4 × 256.
    static func sort(_ values: UnsafeMutablePointer<Float>, _ samples: UnsafeMutablePointer<Int32>, count: Int,
                     scratchKeys: UnsafeMutablePointer<UInt32>, scratchSamples: UnsafeMutablePointer<Int32>,
                     histogram: UnsafeMutablePointer<Int32>) {
        guard count > 1 else { return }
        if count >= radixThreshold {
            radixSort(values, samples, count, scratchKeys, scratchSamples, histogram)
            return
        }
        var depth = 0
        var m = count
        while m > 1 { m >>= 1; depth += 1 }
        introsort(values, samples, count, 2 * depth)
    }

    @inline(__always)
    private static func swapAt(_ v: UnsafeMutablePointer<Float>, _ s: UnsafeMutablePointer<Int32>, _ i: Int, _ j: Int) {
        let tv = v[i]; v[i] = v[j]; v[j] = tv
        let ts = s[i]; s[i] = s[j]; s[j] = ts
    }

    private static func introsort(_ v0: UnsafeMutablePointer<Float>, _ s0: UnsafeMutablePointer<Int32>,
                                  _ n0: Int, _ maxDepth0: Int) {
        var v = v0, s = s0, n = n0, maxDepth = maxDepth0
        while n > 1 {
            if n < 16 {
                insertionSort(v, s, n)
                return
            }
            if maxDepth <= 0 {
                heapsort(v, s, n)
                return
            }
            maxDepth -= 1
            let pivot = median3(v, n)
            var i = 0, l = 0, r = n
            while i < r {
                if v[i] < pivot {
                    swapAt(v, s, i, l); i += 1; l += 1
                } else if v[i] > pivot {
                    r -= 1; swapAt(v, s, i, r)
                } else {
                    i += 1
                }
            }
            introsort(v, s, l, maxDepth)
            v += r; s += r; n -= r
        }
    }

    private static func median3(_ v: UnsafeMutablePointer<Float>, _ n: Int) -> Float {
        let a = v[0], b = v[n / 2], c = v[n - 1]
        if a < b {
            if b < c { return b }
            return a < c ? c : a
        }
        if b < c { return a < c ? a : c }
        return b
    }

    private static func insertionSort(_ v: UnsafeMutablePointer<Float>, _ s: UnsafeMutablePointer<Int32>, _ n: Int) {
        for i in 1..<n {
            let key = v[i], keySample = s[i]
            var j = i - 1
            while j >= 0 && v[j] > key {
                v[j + 1] = v[j]; s[j + 1] = s[j]
                j -= 1
            }
            v[j + 1] = key; s[j + 1] = keySample
        }
    }

    private static func heapsort(_ v: UnsafeMutablePointer<Float>, _ s: UnsafeMutablePointer<Int32>, _ n: Int) {
        var start = (n - 2) / 2
        while start >= 0 {
            siftDown(v, s, start, n)
            start -= 1
        }
        var end = n - 1
        while end > 0 {
            swapAt(v, s, 0, end)
            siftDown(v, s, 0, end)
            end -= 1
        }
    }

    private static func siftDown(_ v: UnsafeMutablePointer<Float>, _ s: UnsafeMutablePointer<Int32>, _ start: Int, _ end: Int) {
        var root = start
        while true {
            let child = root * 2 + 1
            var largest = root
            if child < end && v[largest] < v[child] { largest = child }
            if child + 1 < end && v[largest] < v[child + 1] { largest = child + 1 }
            if largest == root { return }
            swapAt(v, s, root, largest)
            root = largest
        }
    }

    /// The unsigned key whose order is the Float order: negative numbers have all bits flipped,
    /// the others only the sign bit.
    @inline(__always)
    private static func key(_ x: Float) -> UInt32 {
        let bits = x.bitPattern
        return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
    }

    @inline(__always)
    private static func value(_ key: UInt32) -> Float {
        Float(bitPattern: key & 0x8000_0000 != 0 ? key & 0x7FFF_FFFF : ~key)
    }

    /// LSD radix sort: keys ping-pong between the two halves of `keys` (2·n), samples between
    /// `s` and `scratchSamples`; the result is written back to `v` and `s`.
    private static func radixSort(_ v: UnsafeMutablePointer<Float>, _ s: UnsafeMutablePointer<Int32>, _ n: Int,
                                  _ keys: UnsafeMutablePointer<UInt32>, _ scratchSamples: UnsafeMutablePointer<Int32>,
                                  _ counts: UnsafeMutablePointer<Int32>) {
        counts.update(repeating: 0, count: 4 * 256)
        for i in 0..<n {
            let k = key(v[i])
            keys[i] = k
            counts[Int(k & 0xFF)] += 1
            counts[256 + Int((k >> 8) & 0xFF)] += 1
            counts[512 + Int((k >> 16) & 0xFF)] += 1
            counts[768 + Int(k >> 24)] += 1
        }
        var sourceKeys = keys, sourceSamples = s
        var targetKeys = keys + n, targetSamples = scratchSamples
        for pass in 0..<4 {
            let histogram = counts + pass * 256
            let shift = UInt32(pass * 8)
            if Int(histogram[Int((sourceKeys[0] >> shift) & 0xFF)]) == n { continue }  // one bucket: no-op pass
            var offset: Int32 = 0
            for b in 0..<256 {
                let c = histogram[b]
                histogram[b] = offset
                offset += c
            }
            for i in 0..<n {
                let k = sourceKeys[i]
                let b = Int((k >> shift) & 0xFF)
                let target = Int(histogram[b])
                histogram[b] = Int32(target + 1)
                targetKeys[target] = k
                targetSamples[target] = sourceSamples[i]
            }
            swap(&sourceKeys, &targetKeys)
            swap(&sourceSamples, &targetSamples)
        }
        if sourceSamples != s { s.update(from: sourceSamples, count: n) }
        for i in 0..<n { v[i] = value(sourceKeys[i]) }
    }
}

/// Gives each distinct label a dense code, in order of first appearance.
///
/// An open-addressing table on a cheap hash of the label's UTF-8 bytes. Coding the categorical
/// columns of a million-row table hashes millions of short strings, and `Dictionary<String, _>`'s
/// seeded SipHash was the largest cost there; labels are data, not attacker-chosen keys, so a
/// multiply–xor hash with a final avalanche is enough.
struct LabelTable {
    /// The labels by code; `nil` for a code reserved with ``reserveMissing()``.
    private(set) var labels: [String?] = []
    /// Each slot holds `code + 1`, or 0 when empty.
    private var slots: [UInt32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init() {
        slots = [UInt32](repeating: 0, count: 64)
        mask = 63
    }

    /// The number of codes given out.
    var count: Int { labels.count }

    /// Gives out the next code to something that is not a label (the missing value), so codes
    /// stay in order of first appearance. No label can be found under it.
    mutating func reserveMissing() {
        labels.append(nil)
        hashes.append(0)
    }

    /// The code of `label`, assigning the next one when it is new.
    mutating func code(for label: String) -> UInt32 {
        let h = Self.hash(label)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            let code = Int(s - 1)
            if hashes[code] == h && labels[code] == label { return UInt32(code) }
            i = (i + 1) & mask
        }
        let code = UInt32(labels.count)
        labels.append(label)
        hashes.append(h)
        slots[i] = code + 1
        if labels.count * 2 > slots.count { grow() }
        return code
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for (code, h) in hashes.enumerated() where labels[code] != nil {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = UInt32(code + 1)
        }
    }

    /// 64-bit multiply–xor over 8-byte words, then a murmur3 finalizer.
    static func hash(_ label: String) -> UInt64 {
        // Native and small strings are always contiguous; anything else falls back to SipHash.
        label.utf8.withContiguousStorageIfAvailable { hash(bytes: $0) } ?? UInt64(bitPattern: Int64(label.hashValue))
    }

    private static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= bytes.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3 &+ 0x2D35_8DCC_AA6C_78A5
                h ^= h >> 29
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0x0000_0100_0000_01B3 &+ 0x2D35_8DCC_AA6C_78A5
        }
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}

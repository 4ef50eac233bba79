/// Integers and fixed-point decimals as ASCII appended to a byte buffer: the CSV, FHIR and OMOP
/// writers format millions of values, and a `String` (or a formatter) per value would cost more
/// than the rest of the export.
public enum NumberText {
    /// `value` in decimal.
    @inline(__always)
    public static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(45) }
        var v = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for 20 digits
        withUnsafeMutableBytes(of: &digits) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var k = 24
            repeat {
                k -= 1
                p[k] = UInt8(48 + v % 10)
                v /= 10
            } while v > 0
            out.append(contentsOf: UnsafeBufferPointer(start: p + k, count: 24 - k))
        }
    }

    /// `value` (already rounded to `decimals`) in fixed notation, as `String(format: "%.*f")`
    /// writes it; values too large for exact scaling (≥ 9e15 after scaling) are written as
    /// Swift's shortest round-trip text.
    public static func appendFixed(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value.magnitude * Double(scale)).rounded()
        guard scaled < 9e15 else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        let n = UInt64(scaled)
        if value < 0 && n > 0 { out.append(45) }
        appendInteger(Int(n / scale), to: &out)
        guard decimals > 0 else { return }
        out.append(46)
        var fraction = n % scale
        var divisor = scale / 10
        while divisor > 0 {
            out.append(UInt8(48 + fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }
}

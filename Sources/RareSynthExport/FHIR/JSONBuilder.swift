import RareSynthTable

/// JSON written straight into a byte buffer, for resources written by the hundred thousand
/// (FHIR): a `JSONEncoder` per resource would cost more than everything else the export does.
/// Keys are written in the order given, so the output is the same bytes every time.
public struct JSONBuilder {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next member or element needs a comma before it, per open container.
    private var needsComma: [Bool] = []

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        needsComma.removeAll(keepingCapacity: true)
    }

    private mutating func separate() {
        if let last = needsComma.last {
            if last { bytes.append(44) }
            needsComma[needsComma.count - 1] = true
        }
    }

    private mutating func key(_ key: String) {
        separate()
        appendString(key)
        bytes.append(58)
    }

    /// Opens an object, as a member `key` of the enclosing object or as an element.
    public mutating func beginObject(_ key: String? = nil) {
        if let key { self.key(key) } else { separate() }
        bytes.append(123)
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        bytes.append(125)
    }

    public mutating func beginArray(_ key: String? = nil) {
        if let key { self.key(key) } else { separate() }
        bytes.append(91)
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        bytes.append(93)
    }

    public mutating func string(_ key: String, _ value: String) {
        self.key(key)
        appendString(value)
    }

    /// A date as "YYYY-MM-DD".
    public mutating func date(_ key: String, _ day: Int) {
        self.key(key)
        bytes.append(34)
        CivilDate.appendISO(day, to: &bytes)
        bytes.append(34)
    }

    /// A number with `decimals` digits after the point (JSON has no NaN or infinity: those are `null`).
    public mutating func number(_ key: String, _ value: Double, decimals: Int) {
        self.key(key)
        guard value.isFinite else { return bytes.append(contentsOf: "null".utf8) }
        NumberText.appendFixed(value, decimals: decimals, to: &bytes)
    }

    /// RFC 8259 string escaping: quote, backslash and control characters. Most strings need
    /// none and are copied whole.
    private mutating func appendString(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            bytes.append(34)
            if utf8.contains(where: { $0 < 32 || $0 == 34 || $0 == 92 }) {
                appendEscaped(utf8)
            } else {
                bytes.append(contentsOf: utf8)
            }
            bytes.append(34)
        }
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        for b in utf8 {
            switch b {
            case 34: bytes.append(92); bytes.append(34)
            case 92: bytes.append(92); bytes.append(92)
            case 10: bytes.append(92); bytes.append(110)
            case 13: bytes.append(92); bytes.append(114)
            case 9: bytes.append(92); bytes.append(116)
            case 0..<32:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
    }
}

/// A JSON encoder that keeps object keys in the order `encode(to:)` writes them, and a compact
/// pretty-printer, so that a schema file reads `name` and `type` first and is byte-identical from
/// run to run.
///
/// swift-foundation's `JSONEncoder` stores objects in a `Dictionary`: without `.sortedKeys` the key
/// order changes with every process (hash seeds are random), and with it `name` lands after
/// `maximum`. Neither suits a file people edit and keep under version control.
enum OrderedJSON {
    indirect enum Node: Equatable {
        case null
        case bool(Bool)
        /// A number already spelled as JSON.
        case number(String)
        case string(String)
        case array([Node])
        case object([(String, Node)])

        static func == (a: Node, b: Node) -> Bool {
            switch (a, b) {
            case (.null, .null): true
            case let (.bool(x), .bool(y)): x == y
            case let (.number(x), .number(y)), let (.string(x), .string(y)): x == y
            case let (.array(x), .array(y)): x == y
            case let (.object(x), .object(y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
            default: false
            }
        }
    }

    /// The JSON tree of `value`, keys in encoding order.
    static func node(_ value: some Encodable) throws -> Node {
        let slot = Slot()
        try value.encode(to: TreeEncoder(slot: slot, codingPath: []))
        return slot.node
    }

    /// `node` as text: containers that fit in `width` columns on one line are written on one line,
    /// others one element per line, indented by two spaces.
    static func text(_ node: Node, width: Int = 120) -> String {
        var out = ""
        write(node, indent: 0, prefix: 0, width: width, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ node: Node, indent: Int, prefix: Int, width: Int, into out: inout String) {
        let inline = compact(node)
        let pad = String(repeating: " ", count: indent)
        switch node {
        case let .array(items) where indent + prefix + inline.count > width || indent == 0 && !items.isEmpty:
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += pad + "  "
                write(item, indent: indent + 2, prefix: 0, width: width, into: &out)
                out += k < items.count - 1 ? ",\n" : "\n"
            }
            out += pad + "]"
        case let .object(members) where indent + prefix + inline.count > width || indent == 0 && !members.isEmpty:
            out += "{\n"
            for (k, (key, value)) in members.enumerated() {
                let keyText = quoted(key) + ": "
                out += pad + "  " + keyText
                write(value, indent: indent + 2, prefix: keyText.count, width: width, into: &out)
                out += k < members.count - 1 ? ",\n" : "\n"
            }
            out += pad + "}"
        default:
            out += inline
        }
    }

    private static func compact(_ node: Node) -> String {
        switch node {
        case .null: "null"
        case let .bool(b): b ? "true" : "false"
        case let .number(n): n
        case let .string(s): quoted(s)
        case let .array(items): "[" + items.map(compact).joined(separator: ", ") + "]"
        case let .object(members): "{" + members.map { quoted($0.0) + ": " + compact($0.1) }.joined(separator: ", ") + "}"
        }
    }

    /// A JSON string literal; only `"`, `\` and control characters are escaped (not `/`, not non-ASCII).
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A finite double in the shortest text that reads back to the same value; whole numbers
    /// without a fraction (`41`, not `41.0`).
    static func number(_ x: Double) -> String? {
        guard x.isFinite else { return nil }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    // MARK: - Encoder

    /// Where one encoded value goes; containers hold their children's slots.
    private final class Slot {
        enum Content { case empty, value(Node), object([(String, Slot)]), array([Slot]) }
        var content = Content.empty

        var node: Node {
            switch content {
            case .empty: .null
            case let .value(node): node
            case let .object(members): .object(members.map { ($0.0, $0.1.node) })
            case let .array(items): .array(items.map(\.node))
            }
        }

        func child(forKey key: String) -> Slot {
            var members: [(String, Slot)] = []
            if case let .object(existing) = content { members = existing }
            if let found = members.first(where: { $0.0 == key }) { return found.1 }
            let slot = Slot()
            members.append((key, slot))
            content = .object(members)
            return slot
        }

        func appendChild() -> Slot {
            var items: [Slot] = []
            if case let .array(existing) = content { items = existing }
            let slot = Slot()
            items.append(slot)
            content = .array(items)
            return slot
        }
    }

    private struct TreeEncoder: Encoder {
        let slot: Slot
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object = slot.content {} else { slot.content = .object([]) }
            return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array = slot.content {} else { slot.content = .array([]) }
            return Unkeyed(slot: slot, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(slot: slot, codingPath: codingPath)
        }
    }

    /// Stores a primitive directly, or lets a composite value encode itself into `slot`.
    private static func store(_ value: some Encodable, in slot: Slot, path: [any CodingKey]) throws {
        switch value {
        case let b as Bool: slot.content = .value(.bool(b))
        case let s as String: slot.content = .value(.string(s))
        case let x as Double:
            guard let text = number(x) else {
                throw EncodingError.invalidValue(x, .init(codingPath: path, debugDescription: "not a finite number"))
            }
            slot.content = .value(.number(text))
        case let x as Float: try store(Double(x), in: slot, path: path)
        case let i as any BinaryInteger: slot.content = .value(.number("\(i)"))
        default: try value.encode(to: TreeEncoder(slot: slot, codingPath: path))
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { slot.child(forKey: key.stringValue).content = .value(.null) }
        mutating func encode(_ value: some Encodable, forKey key: Key) throws { try put(value, key) }
        private func put(_ value: some Encodable, _ key: Key) throws {
            try store(value, in: slot.child(forKey: key.stringValue), path: codingPath + [key])
        }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(value, key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key])
                .container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            TreeEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder {
            TreeEncoder(slot: slot.child(forKey: "super"), codingPath: codingPath)
        }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            TreeEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key])
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]
        var count: Int { if case let .array(items) = slot.content { items.count } else { 0 } }

        private var nextPath: [any CodingKey] { codingPath + [IndexKey(intValue: count)] }

        mutating func encodeNil() throws { slot.appendChild().content = .value(.null) }
        mutating func encode(_ value: some Encodable) throws { try put(value) }
        private func put(_ value: some Encodable) throws {
            let path = nextPath
            try store(value, in: slot.appendChild(), path: path)
        }
        mutating func encode(_ value: Bool) throws { try put(value) }
        mutating func encode(_ value: String) throws { try put(value) }
        mutating func encode(_ value: Double) throws { try put(value) }
        mutating func encode(_ value: Float) throws { try put(value) }
        mutating func encode(_ value: Int) throws { try put(value) }
        mutating func encode(_ value: Int8) throws { try put(value) }
        mutating func encode(_ value: Int16) throws { try put(value) }
        mutating func encode(_ value: Int32) throws { try put(value) }
        mutating func encode(_ value: Int64) throws { try put(value) }
        mutating func encode(_ value: UInt) throws { try put(value) }
        mutating func encode(_ value: UInt8) throws { try put(value) }
        mutating func encode(_ value: UInt16) throws { try put(value) }
        mutating func encode(_ value: UInt32) throws { try put(value) }
        mutating func encode(_ value: UInt64) throws { try put(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey> {
            let path = nextPath
            return TreeEncoder(slot: slot.appendChild(), codingPath: path).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let path = nextPath
            return TreeEncoder(slot: slot.appendChild(), codingPath: path).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder {
            let path = nextPath
            return TreeEncoder(slot: slot.appendChild(), codingPath: path)
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.content = .value(.null) }
        mutating func encode(_ value: some Encodable) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: Bool) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: String) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: Double) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: Float) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: Int) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: Int8) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: Int16) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: Int32) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: Int64) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: UInt) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: UInt8) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: UInt16) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: UInt32) throws { try store(value, in: slot, path: codingPath) }
        mutating func encode(_ value: UInt64) throws { try store(value, in: slot, path: codingPath) }
    }

    struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { return nil }
    }
}

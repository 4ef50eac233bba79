/// A buffered byte sink over an open file, handed out by `AtomicFile.write(to:_:)`.
///
/// Writers append cells to a fixed buffer that goes to the file when full, so writing a table of
/// any size never builds one giant `String`. Non-copyable: it owns its buffer, and two copies
/// would interleave their bytes.
public struct FileWriter: ~Copyable {
    private let descriptor: Int32
    /// The file errors name: the destination, not the temporary file.
    private let destination: String
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0

    init(descriptor: Int32, destination: String, capacity: Int) {
        self.descriptor = descriptor
        self.destination = destination
        self.capacity = max(capacity, 64)
        self.buffer = .allocate(capacity: self.capacity)
    }

    deinit { buffer.deallocate() }

    /// Appends one byte.
    @inline(__always)
    public mutating func write(_ byte: UInt8) throws {
        if count == capacity { try flush() }
        buffer[count] = byte
        count += 1
    }

    /// Appends bytes.
    public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if count + bytes.count > capacity {
            try flush()
            if bytes.count > capacity {
                guard SystemIO.writeAll(descriptor, bytes.baseAddress!, count: bytes.count) else {
                    throw AtomicFile.writeError(destination)
                }
                return
            }
        }
        guard let source = bytes.baseAddress else { return }
        (buffer + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends bytes.
    public mutating func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write($0) }
    }

    /// Appends a string's UTF-8.
    public mutating func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    /// Sends the buffered bytes to the file.
    mutating func flush() throws {
        guard count > 0 else { return }
        guard SystemIO.writeAll(descriptor, buffer, count: count) else { throw AtomicFile.writeError(destination) }
        count = 0
    }
}

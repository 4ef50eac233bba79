/// A file being written through a buffer, for writers that keep several files open at once (one
/// per OMOP table, one per FHIR resource type), where the non-copyable `FileWriter` that
/// `AtomicFile` lends to a closure does not fit.
///
/// The file is created new (an existing one is an error, so two writers never share a path),
/// bytes go out a megabyte at a time, and `finish()` flushes, syncs and closes it; errors name
/// `destination`, the path the user knows, rather than a temporary one.
public final class BufferedFile {
    public let path: String
    private let destination: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Sees every byte as it goes to the file, in order (e.g. a digest made while writing, so a
    /// multi-gigabyte export is not read back to be hashed).
    public var observer: ((UnsafeRawBufferPointer) -> Void)?

    public init(path: String, destination: String? = nil, capacity: Int = 1 << 20) throws {
        self.path = path
        self.destination = destination ?? path
        self.capacity = capacity
        descriptor = SystemIO.createExclusive(path)
        guard descriptor >= 0 else { throw AtomicFile.writeError(self.destination) }
        buffer.reserveCapacity(capacity)
    }

    deinit { if descriptor >= 0 { SystemIO.closeDescriptor(descriptor) } }

    /// Appends bytes (kept until a megabyte has gathered).
    public func write(_ bytes: [UInt8]) throws {
        guard bytes.count >= capacity else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= capacity { try flush() }
            return
        }
        // A large block goes to the file directly, without a copy through the buffer.
        try flush()
        let ok = bytes.withUnsafeBytes { raw in
            observer?(raw)
            return SystemIO.writeAll(descriptor, raw.baseAddress!, count: raw.count)
        }
        guard ok else { throw AtomicFile.writeError(destination) }
    }

    /// Appends bytes through `body`, which writes into the buffer directly (no intermediate array).
    public func append(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        let ok = buffer.withUnsafeBytes { raw in
            observer?(raw)
            return SystemIO.writeAll(descriptor, raw.baseAddress!, count: raw.count)
        }
        guard ok else { throw AtomicFile.writeError(destination) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs to disk (unless `sync` is false: for thousands of small files, where one
    /// `fsync` each would cost more than writing them) and closes the file.
    public func finish(sync: Bool = true) throws {
        try flush()
        let synced = !sync || SystemIO.syncDescriptor(descriptor)
        let closed = SystemIO.closeDescriptor(descriptor)
        descriptor = -1
        guard synced, closed else { throw AtomicFile.writeError(destination) }
    }
}

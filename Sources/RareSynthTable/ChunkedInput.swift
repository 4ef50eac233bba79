/// The bytes of a CSV source, read a chunk at a time into one buffer the scanner walks.
///
/// Only the unconsumed tail of the buffer is kept when more is read, so memory stays at about
/// one chunk however large the file. When one record is longer than the buffer (a huge quoted
/// note, or an unterminated quote), the buffer doubles, so re-scanning the incomplete record
/// after each read costs O(record length) in total rather than O(length²/chunk).
struct ChunkedInput: ~Copyable {
    /// The name errors use: the path as given, or the name of an in-memory text.
    let name: String
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The first byte not yet consumed by a complete record.
    var start = 0
    /// One past the last valid byte.
    private(set) var end = 0
    /// True once the source has nothing more to give.
    private(set) var isAtEnd = false
    /// The total size in bytes, when known up front (regular files and texts); sizes the table.
    let size: Int?
    /// How many bytes were dropped from the buffer's front so far; `discarded + start` is the
    /// offset in the source of the first unconsumed byte.
    private var discarded = 0
    private var stream: SystemIO.Stream?

    /// Opens a file; reports a missing or unreadable one as a `DataError` naming it.
    init(path: String, chunkSize: Int) throws {
        guard let stream = SystemIO.openStream(path) else {
            throw DataError(file: path, "cannot open file: \(SystemIO.lastErrorMessage())")
        }
        self.name = path
        self.stream = stream
        self.size = SystemIO.regularFileSize(stream)
        self.capacity = chunkSize
        self.base = .allocate(capacity: chunkSize)
    }

    /// Wraps bytes already in memory (tests, small texts); the whole input is one chunk.
    init(bytes: some Collection<UInt8>, name: String) {
        self.name = name
        self.capacity = max(bytes.count, 1)
        self.base = .allocate(capacity: capacity)
        _ = UnsafeMutableBufferPointer(start: base, count: capacity).initialize(from: bytes)
        self.end = bytes.count
        self.size = bytes.count
        self.isAtEnd = true
    }

    deinit {
        if let stream { SystemIO.closeStream(stream) }
        base.deallocate()
    }

    /// The offset in the source of the first unconsumed byte.
    var offset: Int { discarded + start }

    /// The unconsumed bytes.
    var pending: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + start, count: end - start) }

    /// Keeps the unconsumed bytes and appends the next chunk; sets `isAtEnd` when none is left.
    /// - Precondition: `!isAtEnd`.
    mutating func refill() throws {
        guard let stream else { isAtEnd = true; return }
        if start > 0 {
            UnsafeMutableRawPointer(base).copyMemory(from: base + start, byteCount: end - start)  // memmove
            end -= start
            discarded += start
            start = 0
        }
        if end == capacity {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: base, count: end)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        let (count, failed) = SystemIO.readStream(stream, into: base + end, count: capacity - end)
        if failed {
            throw DataError(file: name, "cannot read file: \(SystemIO.lastErrorMessage())")
        }
        end += count
        if count == 0 {
            isAtEnd = true
            SystemIO.closeStream(stream)
            self.stream = nil
        }
    }

    /// Skips a UTF-8 byte order mark at the very start of the input.
    mutating func skipByteOrderMark() {
        if end - start >= 3, ASCII.byteOrderMark.elementsEqual(pending.prefix(3)) { start += 3 }
    }
}

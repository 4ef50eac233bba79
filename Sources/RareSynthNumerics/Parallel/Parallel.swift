import Foundation

/// Deterministic data parallelism: work is cut into fixed-size index chunks that do not depend
/// on the number of threads, so any computation whose chunks write disjoint outputs (or return
/// per-chunk results reduced in chunk order) gives the same bits on 1 or 64 threads.
///
/// The thread count is process-wide: `RARESYNTH_THREADS` in the environment if it holds a
/// positive integer, else the active processor count; `threadCount` can be set at run time (for
/// example from a command-line option).
public enum Parallel {
    /// The number of worker threads used when a call does not pass `threads`.
    public static var threadCount: Int {
        get { setting.value }
        set { setting.value = max(1, newValue) }
    }

    /// The default thread count: `RARESYNTH_THREADS` when it is a positive integer, else the
    /// active processor count.
    public static var defaultThreadCount: Int {
        if let text = ProcessInfo.processInfo.environment["RARESYNTH_THREADS"],
           let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 {
            return value
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Calls `body` on the chunks 0..<chunkSize, chunkSize..<2·chunkSize, … covering 0..<count,
    /// spread over `threads` workers (default `threadCount`); returns when all are done.
    ///
    /// Chunk c goes to worker c mod threads; the assignment only affects speed, never results,
    /// as long as `body` depends on nothing but its range.
    public static func forEachChunk(
        count: Int, chunkSize: Int, threads: Int? = nil, _ body: @Sendable (Range<Int>) -> Void
    ) {
        precondition(count >= 0 && chunkSize > 0, "count must be ≥ 0 and chunkSize > 0")
        let chunks = (count + chunkSize - 1) / chunkSize
        let workers = min(max(1, threads ?? threadCount), chunks)
        @Sendable func run(chunk: Int) {
            body((chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize))
        }
        if workers <= 1 {
            for chunk in 0..<chunks { run(chunk: chunk) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var chunk = worker
            while chunk < chunks {
                run(chunk: chunk)
                chunk += workers
            }
        }
    }

    /// `[transform(0), …, transform(count − 1)]`, computed in parallel chunks.
    public static func map<T: Sendable>(
        count: Int, chunkSize: Int = 64, threads: Int? = nil, _ transform: @Sendable (Int) -> T
    ) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let output = UnsafeSendableBuffer(buffer)
            forEachChunk(count: count, chunkSize: chunkSize, threads: threads) { range in
                for i in range { (output.base + i).initialize(to: transform(i)) }
            }
            initialized = count
        }
    }

    /// One result per chunk, in chunk order: the building block for deterministic reductions
    /// (reduce the returned array sequentially, e.g. a sum of per-chunk partial sums).
    public static func mapChunks<T: Sendable>(
        count: Int, chunkSize: Int, threads: Int? = nil, _ body: @Sendable (Range<Int>) -> T
    ) -> [T] {
        let chunks = (count + chunkSize - 1) / chunkSize
        return map(count: chunks, chunkSize: 1, threads: threads) { chunk in
            body((chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize))
        }
    }

    private static let setting = ThreadCountSetting(defaultThreadCount)
}

/// The process-wide thread count behind a lock (a static stored `var` is not allowed under
/// strict concurrency, and this is read far more often than it is written).
private final class ThreadCountSetting: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Int

    init(_ value: Int) { stored = value }

    var value: Int {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A buffer base pointer that may be captured by concurrent chunk bodies. Sound only because
/// every chunk writes a disjoint index range and the owner outlives the parallel call.
struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        // A zero-length buffer may have a nil base; nothing will be written through it.
        base = buffer.baseAddress ?? UnsafeMutablePointer<Element>(bitPattern: MemoryLayout<Element>.alignment)!
    }
}

import Foundation

extension Parallel {
    /// Runs `produce(0)`, `produce(1)`, … one step ahead on a background thread while `consume`
    /// takes the previous result on the calling thread, in order: a writer that must stay on one
    /// thread (a SQLite connection, a file) consumes chunk k while chunk k + 1 is being made.
    ///
    /// Results are consumed in index order and each is the same whatever the timing, so the output
    /// is too. If `produce` or `consume` throws, the call waits for the step in flight to finish
    /// and rethrows the first error; no work outlives the call.
    public static func pipeline<T: Sendable>(count: Int, produce: @escaping @Sendable (Int) throws -> T,
                                             consume: (Int, T) throws -> Void) throws {
        guard count > 0 else { return }
        func start(_ k: Int) -> PipelineSlot<T> {
            let slot = PipelineSlot<T>()
            DispatchQueue.global().async {
                slot.result = Result { try produce(k) }
                slot.done.signal()
            }
            return slot
        }
        var current = start(0)
        for k in 0..<count {
            current.done.wait()
            let value = try current.result!.get()
            let next = k + 1 < count ? start(k + 1) : nil
            do {
                try consume(k, value)
            } catch {
                next?.done.wait()
                throw error
            }
            if let next { current = next }
        }
    }
}

/// One step's result, handed from the producing thread to the consuming one; the semaphore
/// orders the write before the read.
final class PipelineSlot<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
    let done = DispatchSemaphore(value: 0)
}

import Dispatch

/// Runs independent jobs (one per column, one per pair) on a few threads.
///
/// Every job writes only its own slot of a preallocated buffer, and the results come back in job
/// order, so the output never depends on the thread count or on scheduling.
enum ParallelMap {
    static func map<T: Sendable>(count: Int, threads: Int, _ job: (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        if threads <= 1 || count == 1 { return (0..<count).map(job) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        let workers = Swift.min(threads, count)
        withoutActuallyEscaping(job) { job in
            // Worker w takes jobs w, w + workers, ...: the jobs of one kind are similar in cost.
            nonisolated(unsafe) let job = job
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var i = w
                while i < count {
                    slots[i] = job(i)
                    i += workers
                }
            }
        }
        return slots.map { $0! }
    }
}

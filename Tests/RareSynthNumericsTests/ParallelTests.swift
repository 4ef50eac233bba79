import Foundation
import RareSynthNumerics
import Testing

/// The parallel helper splits work by fixed index chunks, so a computation whose chunks write
/// disjoint outputs gives identical bits for any thread count; checked for 1, 2 and 5 threads.
@Suite("Parallel", .serialized)
struct ParallelTests {
    /// Row i drawn from its own stream, as the synthesiser does.
    func sampleRows(threads: Int, count: Int) -> [[Double]] {
        Parallel.map(count: count, chunkSize: 37, threads: threads) { row in
            var generator = SeededRandom(seed: 123, stream: UInt64(row))
            return (0..<4).map { _ in generator.nextStandardNormal() }
        }
    }

    @Test func resultsDoNotDependOnTheThreadCount() {
        let one = sampleRows(threads: 1, count: 1000)
        #expect(one == sampleRows(threads: 2, count: 1000))
        #expect(one == sampleRows(threads: 5, count: 1000))
        // A reduction in chunk order is reproducible too.
        let values = one.flatMap { $0 }
        func chunkedSum(_ threads: Int) -> Double {
            Parallel.mapChunks(count: values.count, chunkSize: 100, threads: threads) { range in
                range.reduce(0.0) { $0 + values[$1] }
            }.reduce(0, +)
        }
        #expect(chunkedSum(1).bitPattern == chunkedSum(2).bitPattern)
    }

    @Test func everyIndexIsVisitedOnce() {
        for (count, chunk) in [(0, 4), (1, 4), (10, 3), (1000, 64), (7, 100)] {
            let visited = Parallel.map(count: count, chunkSize: chunk, threads: 3) { $0 }
            #expect(visited == Array(0..<count))
            let ranges = Parallel.mapChunks(count: count, chunkSize: chunk, threads: 2) { $0 }
            #expect(ranges.flatMap { Array($0) } == Array(0..<count))
            #expect(ranges.dropLast().allSatisfy { $0.count == chunk })
        }
    }

    @Test func threadCountSetting() {
        let saved = Parallel.threadCount
        defer { Parallel.threadCount = saved }
        #expect(saved >= 1)
        Parallel.threadCount = 0
        #expect(Parallel.threadCount == 1)
        Parallel.threadCount = 3
        #expect(Parallel.threadCount == 3)
        if let text = ProcessInfo.processInfo.environment["RARESYNTH_THREADS"], let value = Int(text), value > 0 {
            #expect(Parallel.defaultThreadCount == value)
        } else {
            #expect(Parallel.defaultThreadCount == ProcessInfo.processInfo.activeProcessorCount)
        }
    }

    /// A pipeline consumes every result in order, and an error on either side stops it after
    /// the step in flight, rethrown.
    @Test func pipelineConsumesInOrderAndStopsAtTheFirstError() throws {
        struct Stop: Error, Equatable { let at: Int }
        var seen: [Int] = []
        try Parallel.pipeline(count: 50, produce: { k in k * k }, consume: { k, square in
            #expect(square == k * k)
            seen.append(k)
        })
        #expect(seen == Array(0..<50))

        let produced = Counter()
        seen = []
        #expect(throws: Stop(at: 7)) {
            try Parallel.pipeline(count: 50, produce: { k in
                produced.increment()
                if k == 7 { throw Stop(at: 7) }
                return k
            }, consume: { k, _ in seen.append(k) })
        }
        #expect(seen == Array(0..<7))
        #expect(produced.value == 8)
        #expect(throws: Stop(at: 3)) {
            try Parallel.pipeline(count: 50, produce: { k in k }, consume: { k, _ in if k == 3 { throw Stop(at: 3) } })
        }
    }
}

/// A thread-safe count of calls.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

// gemm-compare: OpenBLAS sgemm against RareSynthNeural's GEMM.multiply on the shapes CTGAN/TVAE training uses.
//
// Usage: swift run -c release gemm-compare [--min-time SECONDS] [--rounds N]
//
// For every shape, the four configurations (ours/OpenBLAS × 1/2 threads) are timed in interleaved rounds;
// each round repeats one configuration for at least --min-time seconds (default 0.3) and its rate is
// flops × repetitions / elapsed. The table gives the best round of --rounds (default 3), in GFLOP/s.
// It then says whether 1 and 2 threads give the same bits, per library, and the largest |ours − OpenBLAS|.

import COpenBLAS
import Glibc
import RareSynthNeural

// MARK: - options

var minTime = 0.3
var rounds = 3
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    switch flag {
    case "--min-time": minTime = Double(arguments.popFirst() ?? "") ?? minTime
    case "--rounds": rounds = Int(arguments.popFirst() ?? "") ?? rounds
    default:
        print("usage: gemm-compare [--min-time SECONDS] [--rounds N]")
        exit(2)
    }
}

// MARK: - shapes

struct Shape {
    let name: String
    let transposeA: Bool
    let transposeB: Bool
    let m: Int, n: Int, k: Int

    var operation: String {
        (transposeA ? "Aᵀ" : "A") + "·" + (transposeB ? "Bᵀ" : "B")
    }
    var flops: Double { 2 * Double(m) * Double(n) * Double(k) }
    // Stored layouts (row-major): A is m×k, or k×m when transposed; B is k×n, or n×k when transposed.
    var aCount: Int { m * k }
    var bCount: Int { k * n }
    var lda: Int { transposeA ? m : k }
    var ldb: Int { transposeB ? k : n }
}

let shapes: [Shape] = [
    Shape(name: "linear x·Wᵀ, k=208", transposeA: false, transposeB: true, m: 500, n: 256, k: 208),
    Shape(name: "linear x·Wᵀ, k=464", transposeA: false, transposeB: true, m: 500, n: 256, k: 464),
    Shape(name: "linear x·Wᵀ, k=720", transposeA: false, transposeB: true, m: 500, n: 256, k: 720),
    Shape(name: "critic x·Wᵀ (pac 10)", transposeA: false, transposeB: true, m: 50, n: 256, k: 2000),
    Shape(name: "weight grad Gᵀ·X", transposeA: true, transposeB: false, m: 256, n: 300, k: 500),
    Shape(name: "input grad G·W", transposeA: false, transposeB: false, m: 500, n: 464, k: 256),
    Shape(name: "square 1024³", transposeA: false, transposeB: false, m: 1024, n: 1024, k: 1024),
]

// MARK: - helpers

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Deterministic uniform values in [-1, 1) (64-bit LCG, top 24 bits).
func randomFloats(_ count: Int, seed: UInt64) -> [Float] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Float(state >> 40) / Float(1 << 23) - 1
    }
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func format(_ value: Double, _ digits: Int = 1) -> String {
    var buffer = [CChar](repeating: 0, count: 32)
    _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.\(digits)f", $0) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

func formatExp(_ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 32)
    _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.1e", $0) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

enum Library: String { case ours = "RareSynth", openBLAS = "OpenBLAS" }

struct Configuration {
    let library: Library
    let threads: Int
}

let configurations = [
    Configuration(library: .ours, threads: 1), Configuration(library: .openBLAS, threads: 1),
    Configuration(library: .ours, threads: 2), Configuration(library: .openBLAS, threads: 2),
]

/// One product C = op(A)·op(B) (beta 0) with the given library and thread count.
func run(_ configuration: Configuration, _ shape: Shape,
         _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>) {
    switch configuration.library {
    case .ours:
        GEMM.multiply(transposeA: shape.transposeA, transposeB: shape.transposeB,
                      m: shape.m, n: shape.n, k: shape.k,
                      a: a, lda: shape.lda, b: b, ldb: shape.ldb, c: c, ldc: shape.n,
                      beta: 0, threads: configuration.threads)
    case .openBLAS:
        openblas_set_num_threads(Int32(configuration.threads))
        cblas_sgemm(CblasRowMajor,
                    shape.transposeA ? CblasTrans : CblasNoTrans,
                    shape.transposeB ? CblasTrans : CblasNoTrans,
                    Int32(shape.m), Int32(shape.n), Int32(shape.k),
                    1, a, Int32(shape.lda), b, Int32(shape.ldb), 0, c, Int32(shape.n))
    }
}

// MARK: - environment

let config = openblas_get_config().map { String(cString: $0) } ?? "?"
let core = openblas_get_corename().map { String(cString: $0) } ?? "?"
let parallelModes = [0: "sequential", 1: "pthreads", 2: "OpenMP"]
let parallel = parallelModes[Int(openblas_get_parallel())] ?? "unknown"
print("OpenBLAS: \(config) | core \(core) | parallel \(parallel) | default threads \(openblas_get_num_threads())")
print("timing: best of \(rounds) interleaved rounds, each ≥ \(minTime) s per configuration; GFLOP/s = 2mnk / time")
print("")

// MARK: - benchmark

struct Row {
    let shape: Shape
    var gflops: [Double]  // per configuration
    var oursDeterministic: Bool
    var openBLASDeterministic: Bool
    var openBLASDiffering: Int
    var maxDifference: Float
    var maxMagnitude: Float
}

var rows: [Row] = []
for (index, shape) in shapes.enumerated() {
    let a = randomFloats(shape.aCount, seed: UInt64(2 * index + 1))
    let b = randomFloats(shape.bCount, seed: UInt64(2 * index + 2))
    var outputs = configurations.map { _ in [Float](repeating: .nan, count: shape.m * shape.n) }
    var best = [Double](repeating: 0, count: configurations.count)
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            for (slot, configuration) in configurations.enumerated() {  // warm-up (and packing buffers, thread pools)
                outputs[slot].withUnsafeMutableBufferPointer {
                    run(configuration, shape, a.baseAddress!, b.baseAddress!, $0.baseAddress!)
                }
            }
            for _ in 0..<rounds {
                for (slot, configuration) in configurations.enumerated() {
                    outputs[slot].withUnsafeMutableBufferPointer { c in
                        var repetitions = 0
                        let start = now()
                        var elapsed = 0.0
                        repeat {
                            run(configuration, shape, a.baseAddress!, b.baseAddress!, c.baseAddress!)
                            repetitions += 1
                            elapsed = now() - start
                        } while elapsed < minTime
                        best[slot] = max(best[slot], shape.flops * Double(repetitions) / elapsed / 1e9)
                    }
                }
            }
        }
    }
    let ours1 = outputs[0], blas1 = outputs[1], ours2 = outputs[2], blas2 = outputs[3]
    func sameBits(_ x: [Float], _ y: [Float]) -> Bool {
        zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
    let differing = zip(blas1, blas2).filter { $0.bitPattern != $1.bitPattern }.count
    var maxDifference: Float = 0, maxMagnitude: Float = 0
    for (x, y) in [(ours1, blas1), (ours2, blas2), (ours1, blas2), (ours2, blas1)] {
        for (u, v) in zip(x, y) { maxDifference = max(maxDifference, abs(u - v)) }
    }
    for value in ours1 { maxMagnitude = max(maxMagnitude, abs(value)) }
    let row = Row(shape: shape, gflops: best, oursDeterministic: sameBits(ours1, ours2),
                  openBLASDeterministic: sameBits(blas1, blas2), openBLASDiffering: differing,
                  maxDifference: maxDifference, maxMagnitude: maxMagnitude)
    rows.append(row)
    print("\(pad(shape.name, 24)) \(shape.operation) m=\(shape.m) n=\(shape.n) k=\(shape.k): "
          + configurations.enumerated().map { "\($1.library.rawValue) \($1.threads)T \(format(best[$0]))" }.joined(separator: ", "))
}

// MARK: - table (Markdown)

func yesNo(_ value: Bool) -> String { value ? "yes" : "**no**" }

print("")
print("| shape | op | m | n | k | RareSynth 1T | OpenBLAS 1T | RareSynth 2T | OpenBLAS 2T | ratio 1T | ratio 2T "
      + "| RareSynth 1T≡2T bits | OpenBLAS 1T≡2T bits | max abs diff (max abs C) |")
print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|---|")
for row in rows {
    let g = row.gflops
    let shape = row.shape
    let blasBits = row.openBLASDeterministic
        ? "yes" : "**no** (\(row.openBLASDiffering)/\(shape.m * shape.n) differ)"
    print("| \(shape.name) | \(shape.operation) | \(shape.m) | \(shape.n) | \(shape.k) "
          + "| \(format(g[0])) | \(format(g[1])) | \(format(g[2])) | \(format(g[3])) "
          + "| \(format(g[0] / g[1], 2)) | \(format(g[2] / g[3], 2)) "
          + "| \(yesNo(row.oursDeterministic)) | \(blasBits) "
          + "| \(formatExp(Double(row.maxDifference))) (\(format(Double(row.maxMagnitude)))) |")
}
print("")
print("GFLOP/s; ratio = RareSynth / OpenBLAS (> 1: RareSynth faster). Max abs diff is over all four result pairs.")

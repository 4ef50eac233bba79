import ArgumentParser
import Foundation
import RareSynthNeural
import RareSynthNumerics

/// `raresynth-bench gemm`: the Swift kernel's speed on the products CTGAN and TVAE training runs
/// (pbc's layout: 90 data columns, 25 condition columns; TVAE's 128-wide hidden layers), and whether 1 and 2 threads give the
/// same bits. bench/openblas measures OpenBLAS on the same shapes.
struct GEMMBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gemm", abstract: "GEMM throughput (GFLOP/s) on the neural models' shapes, 1 and 2 threads.")

    @Option(help: "Seconds each measurement repeats for (the best repetition counts).")
    var seconds = 0.3

    @Option(help: "Interleaved rounds; the best round counts.")
    var rounds = 3

    struct Shape {
        let name: String, m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
    }

    static let shapes = [
        Shape(name: "generator layer 1 x·Wᵀ", m: 500, n: 256, k: 153, transposeA: false, transposeB: true),
        Shape(name: "generator layer 2 x·Wᵀ", m: 500, n: 256, k: 409, transposeA: false, transposeB: true),
        Shape(name: "generator output x·Wᵀ", m: 500, n: 90, k: 665, transposeA: false, transposeB: true),
        Shape(name: "generator layer 2 dW = Gᵀ·x", m: 256, n: 409, k: 500, transposeA: true, transposeB: false),
        Shape(name: "generator layer 2 dx = G·W", m: 500, n: 409, k: 256, transposeA: false, transposeB: false),
        Shape(name: "critic layer 1 x·Wᵀ", m: 50, n: 256, k: 1150, transposeA: false, transposeB: true),
        Shape(name: "critic layer 1 dW = Gᵀ·x", m: 256, n: 1150, k: 50, transposeA: true, transposeB: false),
        Shape(name: "TVAE hidden layer x·Wᵀ", m: 500, n: 128, k: 128, transposeA: false, transposeB: true),
        Shape(name: "TVAE hidden layer dW = Gᵀ·x", m: 128, n: 128, k: 500, transposeA: true, transposeB: false),
        Shape(name: "TVAE hidden layer dx = G·W", m: 500, n: 128, k: 128, transposeA: false, transposeB: false),
        Shape(name: "TVAE input layer x·Wᵀ (nwtco, 35 wide)", m: 500, n: 128, k: 35, transposeA: false, transposeB: true),
        Shape(name: "TVAE input layer dW = Gᵀ·x", m: 128, n: 35, k: 500, transposeA: true, transposeB: false),
        Shape(name: "TVAE output layer x·Wᵀ", m: 500, n: 35, k: 128, transposeA: false, transposeB: true),
        Shape(name: "TVAE output layer dW = Gᵀ·x", m: 35, n: 128, k: 500, transposeA: true, transposeB: false),
        Shape(name: "TVAE output layer dx = G·W", m: 500, n: 128, k: 35, transposeA: false, transposeB: false),
        Shape(name: "square 1024³", m: 1024, n: 1024, k: 1024, transposeA: false, transposeB: false),
    ]

    func run() throws {
        print("| product | m×n×k | 1 thread GFLOP/s | 2 threads GFLOP/s | same bits |")
        print("|---|---|---|---|---|")
        for shape in Self.shapes {
            var best = [0.0, 0.0]
            var outputs: [[Float]] = [[], []]
            var rng = SeededRandom(seed: 1)
            let a = Tensor.uniform([shape.m * shape.k], lower: -1, upper: 1, using: &rng).scalars
            let b = Tensor.uniform([shape.k * shape.n], lower: -1, upper: 1, using: &rng).scalars
            for _ in 0..<rounds {
                for (slot, threads) in [1, 2].enumerated() {
                    let (rate, c) = measure(shape, a: a, b: b, threads: threads)
                    best[slot] = max(best[slot], rate)
                    outputs[slot] = c
                }
            }
            print("| \(shape.name) | \(shape.m)×\(shape.n)×\(shape.k) | \(String(format: "%.1f", best[0])) | "
                  + "\(String(format: "%.1f", best[1])) | \(outputs[0] == outputs[1] ? "yes" : "NO") |")
        }
    }

    func measure(_ s: Shape, a: [Float], b: [Float], threads: Int) -> (Double, [Float]) {
        var c = [Float](repeating: 0, count: s.m * s.n)
        let flops = 2.0 * Double(s.m) * Double(s.n) * Double(s.k)
        var best = Double.infinity
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let start = DispatchTime.now().uptimeNanoseconds
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        GEMM.multiply(transposeA: s.transposeA, transposeB: s.transposeB, m: s.m, n: s.n, k: s.k,
                                      a: pa.baseAddress!, lda: s.transposeA ? s.m : s.k,
                                      b: pb.baseAddress!, ldb: s.transposeB ? s.k : s.n,
                                      c: pc.baseAddress!, ldc: s.n, threads: threads)
                    }
                }
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        } while Date() < deadline
        return (flops / best / 1e9, c)
    }
}

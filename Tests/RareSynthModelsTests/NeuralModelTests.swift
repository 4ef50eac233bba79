import Foundation
@testable import RareSynthModels
import RareSynthNeural
import RareSynthNumerics
import RareSynthTransform
import Testing

/// CTGAN and TVAE on small tables: determinism, decoding back to valid encoded columns,
/// conditions, and the inputs they must refuse or survive. (Agreement with ctgan's arithmetic
/// is in RareSynthNeuralTests; quality and speed against SDV are in bench/neural.sh.)
@Suite struct NeuralModelTests {
    /// 300 rows: a bimodal value, a 3-level category tied to it, a value with 20% missing.
    static func table(rows: Int = 300, seed: UInt64 = 1) -> EncodedTable {
        var rng = SeededRandom(seed: seed)
        var x: [Double] = [], y: [Double] = [], codes: [Int32] = []
        for _ in 0..<rows {
            let group = rng.nextInt(below: 3)
            x.append((group == 0 ? -5 : 5) + rng.nextStandardNormal())
            codes.append(Int32(group))
            y.append(rng.nextUniform() < 0.2 ? .nan : 100 + 10 * rng.nextStandardNormal())
        }
        return EncodedTable(columns: [EncodedColumn(name: "x", values: .continuous(x)),
                                      EncodedColumn(name: "g", values: .discrete(codes: codes, levelCount: 3)),
                                      EncodedColumn(name: "y", values: .continuous(y))])
    }

    static var smallCTGAN: CTGANOptions {
        var o = CTGANOptions()
        o.epochs = 2
        o.batchSize = 100
        o.embeddingDimension = 32
        o.generatorLayers = [64, 64]
        o.discriminatorLayers = [64, 64]
        return o
    }

    static var smallTVAE: TVAEOptions {
        var o = TVAEOptions()
        o.epochs = 2
        o.batchSize = 100
        o.embeddingDimension = 16
        o.encoderLayers = [64]
        o.decoderLayers = [64]
        return o
    }

    @Test func ctganIsDeterministicOnOneAndTwoThreads() throws {
        let before = Parallel.threadCount
        defer { Parallel.threadCount = before }
        Parallel.threadCount = 1
        let a = try CTGAN.fit(Self.table(), options: Self.smallCTGAN, seed: 7)
        Parallel.threadCount = 2
        let b = try CTGAN.fit(Self.table(), options: Self.smallCTGAN, seed: 7)
        #expect(a == b)
        let c = try CTGAN.fit(Self.table(), options: Self.smallCTGAN, seed: 8)
        #expect(a.generatorWeights != c.generatorWeights)
        #expect(a.losses.count == 2 && a.losses.allSatisfy { $0.generator.isFinite && $0.discriminator.isFinite })
    }

    @Test func tvaeIsDeterministicAndKeepsItsScalesInRange() throws {
        let before = Parallel.threadCount
        defer { Parallel.threadCount = before }
        Parallel.threadCount = 1
        let a = try TVAE.fit(Self.table(), options: Self.smallTVAE, seed: 7)
        Parallel.threadCount = 2
        let b = try TVAE.fit(Self.table(), options: Self.smallTVAE, seed: 7)
        #expect(a == b)
        let sigma = try a.decoder().sigma.value.scalars
        #expect(sigma.allSatisfy { $0 >= 0.01 && $0 <= 1 })
    }

    @Test func samplesDecodeToValidColumnsAndRowsDependOnlyOnTheirStream() throws {
        let model = try CTGAN.fit(Self.table(), options: Self.smallCTGAN, seed: 3)
        let out = try model.sample([SampleRequest(count: 250)], seed: 11)
        #expect(out.rowCount == 250 && out.columns.map(\.name) == ["x", "g", "y"])
        guard case let .discrete(codes, levels) = out.columns[1].values, case let .continuous(x) = out.columns[0].values else {
            Issue.record("column kinds changed")
            return
        }
        #expect(levels == 3 && codes.allSatisfy { $0 >= 0 && $0 < 3 })
        #expect(x.allSatisfy { $0.isFinite })
        // The first 100 rows of a 250-row sample are the 100-row sample (same streams).
        let prefix = try model.sample([SampleRequest(count: 100)], seed: 11)
        #expect(prefix.rows(Array(0..<100)).columns.map(\.name) == prefix.columns.map(\.name))
        if case let .continuous(px) = prefix.columns[0].values { #expect(px == Array(x.prefix(100))) }
        let tvae = try TVAE.fit(Self.table(), options: Self.smallTVAE, seed: 3)
        #expect(try tvae.sample([SampleRequest(count: 40)], seed: 1).rowCount == 40)
    }

    /// TVAE samples each one-hot block from the decoder's softmax: after 150 steps on the
    /// 300-row table (20 % of y missing, levels at about a third each) the shares come out near
    /// the data's, where ctgan's arg-max (kept as `.argmax`) drops y's missing values entirely.
    @Test func tvaeDrawsCategoriesAndMissingnessFromTheDecoder() throws {
        var options = Self.smallTVAE
        options.epochs = 150
        options.batchSize = 100
        let model = try TVAE.fit(Self.table(), options: options, seed: 2)
        func shares(_ m: TVAE) throws -> (missing: Double, levels: [Double]) {
            let out = try m.sample([SampleRequest(count: 3000)], seed: 5)
            guard case let .continuous(y) = out.columns[2].values, case let .discrete(codes, _) = out.columns[1].values else {
                throw NeuralModelError("column kinds changed")
            }
            let levels = (0..<3).map { l in Double(codes.filter { $0 == l }.count) / 3000 }
            return (Double(y.filter(\.isNaN).count) / 3000, levels)
        }
        let drawn = try shares(model)
        #expect(abs(drawn.missing - 0.2) < 0.08, "missing share \(drawn.missing)")
        #expect(drawn.levels.allSatisfy { abs($0 - 1.0 / 3) < 0.12 }, "level shares \(drawn.levels)")
        var argmax = model
        argmax.options.discreteOutputs = .argmax
        #expect(try shares(argmax).missing < drawn.missing / 2)
    }

    @Test func conditionsHoldOnEveryRowOrFailByName() throws {
        let model = try CTGAN.fit(Self.table(), options: Self.smallCTGAN, seed: 3)
        let out = try model.sample([SampleRequest(count: 60, conditions: [EncodedCondition(column: 1, condition: .levels([2]))])], seed: 5)
        guard case let .discrete(codes, _) = out.columns[1].values else { return }
        #expect(codes.count == 60 && codes.allSatisfy { $0 == 2 })
        // A range no generated value reaches.
        let impossible = SampleRequest(count: 5, conditions: [EncodedCondition(column: 0, condition: .range(lower: 1e9, upper: 2e9))])
        #expect { try model.sample([impossible], seed: 5) } throws: { error in
            (error as? NeuralModelError)?.message.contains("x in [") == true
        }
    }

    /// A constant column's mixture has one mode with σ = √(reg_covar) = 0.001 (sklearn's floor),
    /// so decoded values stay within 4σ of the constant; the table layer's rounding to the
    /// observed precision then returns the constant itself.
    @Test func constantColumnsAndASingleLevelTrain() throws {
        let table = EncodedTable(columns: [EncodedColumn(name: "c", values: .continuous(Array(repeating: 4.2, count: 120))),
                                           EncodedColumn(name: "d", values: .continuous(Array(repeating: -1, count: 120))),
                                           EncodedColumn(name: "one", values: .discrete(codes: Array(repeating: 0, count: 120), levelCount: 1))])
        let model = try CTGAN.fit(table, options: Self.smallCTGAN, seed: 1)
        let out = try model.sample([SampleRequest(count: 20)], seed: 2)
        if case let .continuous(c) = out.columns[0].values { #expect(c.allSatisfy { Swift.abs($0 - 4.2) <= 0.0041 }) }
        let tvae = try TVAE.fit(table, options: Self.smallTVAE, seed: 1)
        if case let .continuous(d) = try tvae.sample([SampleRequest(count: 20)], seed: 2).columns[1].values {
            #expect(d.allSatisfy { Swift.abs($0 + 1) <= 0.0041 })
        }
    }

    @Test func tenThousandCategoriesAreRefusedWithTheColumnNamed() throws {
        let table = EncodedTable(columns: [EncodedColumn(name: "code", values: .discrete(codes: (0..<10_000).map { Int32($0) }, levelCount: 10_000)),
                                           EncodedColumn(name: "v", values: .continuous((0..<10_000).map { Double($0 % 7) }))])
        #expect { try CTGAN.fit(table, options: Self.smallCTGAN) } throws: { error in
            let message = (error as? NeuralModelError)?.message ?? ""
            return message.contains("code (10000)") && message.contains("identifier")
        }
        #expect(throws: NeuralModelError.self) { try TVAE.fit(table, options: Self.smallTVAE) }
    }

    @Test func aDivergingRunStopsWithAnErrorInsteadOfANaNModel() throws {
        var options = Self.smallTVAE
        options.learningRate = 1e30
        options.epochs = 5
        #expect { try TVAE.fit(Self.table(), options: options) } throws: { error in
            (error as? NeuralModelError)?.message.contains("diverged") == true
        }
        var gan = Self.smallCTGAN
        gan.generatorLearningRate = 1e30
        gan.discriminatorLearningRate = 1e30
        gan.epochs = 5
        #expect { try CTGAN.fit(Self.table(), options: gan) } throws: { error in
            (error as? NeuralModelError)?.message.contains("diverged") == true
        }
    }

    @Test func badSettingsAreRefusedBeforeTraining() {
        var o = Self.smallCTGAN
        o.batchSize = 95
        #expect { try CTGAN.fit(Self.table(), options: o) } throws: { ($0 as? NeuralModelError)?.message.contains("multiple of pac") == true }
        var t = Self.smallTVAE
        t.epochs = 0
        #expect(throws: NeuralModelError.self) { try TVAE.fit(Self.table(), options: t) }
    }

    /// A checkpoint taken after epoch 2 of 4 and resumed gives the uninterrupted model exactly.
    @Test func aResumedFitEndsAsAnUninterruptedOne() throws {
        var gan = Self.smallCTGAN
        gan.epochs = 4
        nonisolated(unsafe) var saved: [TrainingCheckpoint] = []
        let whole = try CTGAN.fit(Self.table(), options: gan, seed: 5, checkpoint: CheckpointPolicy(every: 2) { saved.append($0) })
        #expect(saved.map(\.epochsDone) == [2])
        let resumed = try CTGAN.fit(Self.table(), options: gan, seed: 5, checkpoint: CheckpointPolicy(every: 2, resume: saved[0]) { _ in })
        #expect(resumed == whole)
        #expect { try CTGAN.fit(Self.table(), options: gan, seed: 6, checkpoint: CheckpointPolicy(every: 2, resume: saved[0]) { _ in }) }
            throws: { ($0 as? NeuralModelError)?.message.contains("other data, options or seed") == true }

        var vae = Self.smallTVAE
        vae.epochs = 3
        saved = []
        let tvae = try TVAE.fit(Self.table(), options: vae, seed: 5, checkpoint: CheckpointPolicy(every: 1) { saved.append($0) })
        #expect(saved.map(\.epochsDone) == [1, 2])
        let tvaeResumed = try TVAE.fit(Self.table(), options: vae, seed: 5, checkpoint: CheckpointPolicy(every: 1, resume: saved[0]) { _ in })
        #expect(tvaeResumed == tvae)
        // A checkpoint survives its JSON round trip.
        let json = try JSONEncoder().encode(saved[1])
        #expect(try JSONDecoder().decode(TrainingCheckpoint.self, from: json) == saved[1])
    }
}

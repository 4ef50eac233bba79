import Foundation
import RareSynthNeural
import RareSynthNumerics
import RareSynthTransform

extension CTGAN {
    /// Trains CTGAN on `table` with ctgan 0.12.1's loop: per step, `discriminatorSteps` critic
    /// updates (WGAN loss + gradient penalty on conditioned real and generated rows) and one
    /// generator update (−critic score + conditional cross-entropy).
    ///
    /// Deterministic: every random draw comes from one generator seeded by `seed`, and kernels
    /// give the same bits on any thread count, so the same input, options and seed give the
    /// same weights.
    /// - Throws: ``NeuralModelError`` for settings or data it cannot train on, and when the losses
    ///   become NaN or infinite (the message names the epoch).
    /// - Parameter checkpoint: save the training state every few epochs, and resume from a saved
    ///   one (the result is the same as without the interruption).
    /// - Parameters:
    ///   - layout: a layout to use instead of fitting one (required with `options.privacy`, which
    ///     trains by ``fitPrivately(_:options:seed:layout:publicFacts:progress:)``).
    ///   - publicFacts: what a private fit took as public, for its privacy statement.
    public static func fit(_ table: EncodedTable, options: CTGANOptions = .init(), seed: UInt64 = 0,
                           layout declaredLayout: TabularLayout? = nil, publicFacts: [String] = [],
                           checkpoint: CheckpointPolicy? = nil,
                           progress: (EpochReport) -> Void = { _ in }) throws -> CTGAN {
        if let problem = options.problems().first { throw NeuralModelError(problem) }
        if options.privacy != nil {
            guard let declaredLayout else {
                throw NeuralModelError("a differentially private CTGAN needs a layout declared from public facts (its modes may not be fitted to the data)")
            }
            guard checkpoint == nil else { throw NeuralModelError("checkpoints are not yet supported for a differentially private CTGAN") }
            return try fitPrivately(table, options: options, seed: seed, layout: declaredLayout, publicFacts: publicFacts, progress: progress)
        }
        guard table.rowCount > 0, !table.columns.isEmpty else { throw NeuralModelError("no rows or no columns to learn from") }
        let layout = try TabularLayout.fit(table, maxModes: options.maxModes, weightThreshold: options.modeWeightThreshold, seed: seed)
        try layout.checkWidth(for: "CTGAN")
        let data = layout.encode(table, seed: SeededRandom.streamKey(seed: seed, stream: 1))
        var sampler = ConditionalVectorSampler(categories: layout.discreteCategories(of: table))
        if !options.logFrequency {
            for k in sampler.columns.indices { sampler.columns[k].logFrequencyCumulative = sampler.columns[k].frequencyCumulative }
        }
        let spanOfColumn = sampler.columns.map { c in layout.spans.firstIndex { $0.start == c.dataStart }! }
        var rng = SeededRandom(seed: SeededRandom.streamKey(seed: seed, stream: 2))
        let generator = CTGANGenerator(input: options.embeddingDimension + sampler.width, layers: options.generatorLayers,
                                       output: layout.width, rng: &rng)
        let critic = CTGANDiscriminator(input: layout.width + sampler.width, layers: options.discriminatorLayers,
                                        pac: options.pac, rng: &rng)
        let optimizerG = Adam(generator.parameters, learningRate: options.generatorLearningRate, beta1: 0.5, beta2: 0.9,
                              weightDecay: options.generatorDecay)
        let optimizerD = Adam(critic.parameters, learningRate: options.discriminatorLearningRate, beta1: 0.5, beta2: 0.9,
                              weightDecay: options.discriminatorDecay)
        let batch = options.batchSize
        let n = table.rowCount, condWidth = sampler.width
        let stepsPerEpoch = Swift.max(n / batch, 1)
        var losses: [EpochLosses] = []
        let fingerprint = TrainingCheckpoint.fingerprint(data: data, options: options, seed: seed)
        var firstEpoch = 0
        if let saved = checkpoint?.resume {
            try saved.check(model: "CTGAN", fingerprint: fingerprint, epochs: options.epochs)
            guard saved.networks.count == 2, saved.optimizers.count == 2,
                  saved.runningStatistics.count == 2 * generator.blocks.count else {
                throw NeuralModelError("the checkpoint does not hold a CTGAN's networks")
            }
            try generator.load(saved.networks[0])
            try critic.load(saved.networks[1])
            for (k, block) in generator.blocks.enumerated() {
                block.1.runningMean = saved.runningStatistics[2 * k]
                block.1.runningVariance = saved.runningStatistics[2 * k + 1]
            }
            try optimizerG.restore(saved.optimizers[0])
            try optimizerD.restore(saved.optimizers[1])
            rng = saved.random
            losses = saved.losses.map { EpochLosses(generator: $0[0], discriminator: $0[1]) }
            firstEpoch = saved.epochsDone
        }

        /// Conditions for one batch: the one-hot matrix, the span and category per row, and a
        /// real row satisfying a permuted copy of them (ctgan's `perm`).
        func conditions(withRealRows: Bool) -> (c: Tensor, span: [Int], category: [Int], real: Tensor?, cReal: Tensor?) {
            guard condWidth > 0 else {
                guard withRealRows else { return (Tensor(shape: [batch, 0]), [], [], nil, nil) }
                let rows = (0..<batch).map { _ in rng.nextInt(below: n) }
                return (Tensor(shape: [batch, 0]), [], [], data.gatheringRows(rows), Tensor(shape: [batch, 0]))
            }
            var c = [Float](repeating: 0, count: batch * condWidth)
            var spans = [Int](), categories = [Int](), rows = [Int]()
            for r in 0..<batch {
                let draw = sampler.trainingCondition(using: &rng)
                c[r * condWidth + sampler.conditionIndex(column: draw.column, category: draw.category)] = 1
                spans.append(spanOfColumn[draw.column])
                categories.append(draw.category)
                rows.append(draw.row)
            }
            guard withRealRows else { return (Tensor(shape: [batch, condWidth], scalars: c), spans, categories, nil, nil) }
            var perm = Array(0..<batch)
            rng.shuffle(&perm)
            let condition = Tensor(shape: [batch, condWidth], scalars: c)
            return (condition, spans, categories, data.gatheringRows(perm.map { rows[$0] }), condition.gatheringRows(perm))
        }

        func noise() -> Tensor { .gaussian([batch, options.embeddingDimension], using: &rng) }

        for epoch in firstEpoch..<options.epochs {
            let start = Date()
            var lossG: Float = 0, lossD: Float = 0
            for _ in 0..<stepsPerEpoch {
                for _ in 0..<options.discriminatorSteps {
                    let cond = conditions(withRealRows: true)
                    // The tape ends before the optimiser step, so updating the weights does not copy
                    // the values the tape still shares.
                    lossD = {
                        let tape = Tape()
                        let fake = tape.withoutRecording { () -> Tensor in
                            let z = Variable.concatColumns([tape.constant(noise()), tape.constant(cond.c)].filter { $0.columns > 0 })
                            return generator(z, training: true).activated(layout.spans, rng: &rng).value
                        }
                        let fakeCat = condWidth > 0 ? Tensor.concatColumns(fake, cond.c) : fake
                        let realCat = condWidth > 0 ? Tensor.concatColumns(cond.real!, cond.cReal!) : cond.real!
                        let yFake = critic(tape.constant(fakeCat), rng: &rng)
                        let yReal = critic(tape.constant(realCat), rng: &rng)
                        let penalty = critic.gradientPenalty(real: realCat, fake: fakeCat, tape: tape, lambda: options.gradientPenalty,
                                                             rng: &rng)
                        let loss = yFake.mean() - yReal.mean()
                        tape.backward(loss + penalty, parameters: critic.parameters)
                        return loss.value.scalar
                    }()
                    optimizerD.step()
                }
                let cond = conditions(withRealRows: false)
                lossG = {
                    let tape = Tape()
                    let z = Variable.concatColumns([tape.constant(noise()), tape.constant(cond.c)].filter { $0.columns > 0 })
                    let fake = generator(z, training: true)
                    let activated = fake.activated(layout.spans, rng: &rng)
                    let criticInput = condWidth > 0 ? Variable.concatColumns([activated, tape.constant(cond.c)]) : activated
                    var loss = -critic(criticInput, rng: &rng).mean()
                    if condWidth > 0 {
                        loss = loss + fake.conditionalCrossEntropy(spans: layout.spans, span: cond.span, category: cond.category)
                    }
                    tape.backward(loss, parameters: generator.parameters)
                    return loss.value.scalar
                }()
                optimizerG.step()
            }
            guard lossG.isFinite, lossD.isFinite else {
                throw NeuralModelError("training diverged at epoch \(epoch + 1): generator loss \(lossG), critic loss \(lossD); try a smaller learning rate")
            }
            losses.append(EpochLosses(generator: lossG, discriminator: lossD))
            if let checkpoint, checkpoint.due(after: epoch + 1, of: options.epochs) {
                try checkpoint.save(TrainingCheckpoint(
                    model: "CTGAN", fingerprint: fingerprint, epochsDone: epoch + 1,
                    networks: [generator.snapshot, critic.snapshot],
                    runningStatistics: generator.blocks.flatMap { [$0.1.runningMean, $0.1.runningVariance] },
                    optimizers: [optimizerG.state, optimizerD.state], random: rng,
                    losses: losses.map { [$0.generator, $0.discriminator] }))
            }
            progress(EpochReport(epoch: epoch + 1, epochs: options.epochs, generatorLoss: lossG, discriminatorLoss: lossD,
                                 seconds: Date().timeIntervalSince(start)))
        }
        return CTGAN(options: options, layout: layout, conditions: sampler, generatorWeights: generator.snapshot,
                     generatorRunningMeans: generator.blocks.map(\.1.runningMean),
                     generatorRunningVariances: generator.blocks.map(\.1.runningVariance), losses: losses)
    }
}

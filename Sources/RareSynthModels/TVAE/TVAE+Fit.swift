import Foundation
import RareSynthNeural
import RareSynthNumerics
import RareSynthTransform

extension TVAE {
    /// Trains TVAE with ctgan 0.12.1's loop: each epoch visits the rows in a fresh random order
    /// in batches (the last one may be short), minimising reconstruction (× `lossFactor`) plus
    /// KL divergence with Adam, and keeps the output scales in [0.01, 1].
    /// Deterministic for a seed, whatever the thread count.
    ///
    /// With `options.privacy`, training is DP-SGD over every parameter: each step a Poisson sample
    /// of the rows, each example's gradient clipped, Gaussian noise calibrated to the budget
    /// before any row is read. The layout must then be `declared` (nothing read from the data).
    /// - Parameter checkpoint: save the training state every few epochs, and resume from a saved
    ///   one (the result is the same as without the interruption).
    /// - Parameter layout: a layout to use instead of fitting one (required under DP).
    /// - Parameter publicFacts: what a private fit took as public, for its privacy statement.
    public static func fit(_ table: EncodedTable, options: TVAEOptions = .init(), seed: UInt64 = 0,
                           layout declaredLayout: TabularLayout? = nil, publicFacts: [String] = [],
                           checkpoint: CheckpointPolicy? = nil,
                           progress: (EpochReport) -> Void = { _ in }) throws -> TVAE {
        if let problem = options.problems().first { throw NeuralModelError(problem) }
        guard table.rowCount > 0, !table.columns.isEmpty else { throw NeuralModelError("no rows or no columns to learn from") }
        let plan = try options.privacy.map {
            try DPSGDPlan($0, rows: table.rowCount, batchSize: options.batchSize, epochs: options.epochs, model: "TVAE",
                          publicFacts: publicFacts)
        }
        if plan != nil, declaredLayout == nil {
            throw NeuralModelError("a differentially private TVAE needs a layout declared from public facts (its modes may not be fitted to the data)")
        }
        let layout = try declaredLayout ?? TabularLayout.fit(table, maxModes: options.maxModes, weightThreshold: options.modeWeightThreshold, seed: seed)
        try layout.checkWidth(for: "TVAE")
        let data = layout.encode(table, seed: SeededRandom.streamKey(seed: seed, stream: 1))
        var rng = SeededRandom(seed: SeededRandom.streamKey(seed: seed, stream: 2))
        let encoder = TVAEEncoder(input: layout.width, layers: options.encoderLayers, embedding: options.embeddingDimension, rng: &rng)
        let decoder = TVAEDecoder(embedding: options.embeddingDimension, layers: options.decoderLayers, output: layout.width, rng: &rng)
        let parameters = encoder.parameters + decoder.parameters
        let adam = Adam(parameters, learningRate: options.learningRate, weightDecay: options.weightDecay)
        let n = table.rowCount
        var losses: [Float] = []
        let fingerprint = TrainingCheckpoint.fingerprint(data: data, options: options, seed: seed)
        var firstEpoch = 0
        if let saved = checkpoint?.resume {
            try saved.check(model: "TVAE", fingerprint: fingerprint, epochs: options.epochs)
            guard saved.networks.count == 2, saved.optimizers.count == 1 else {
                throw NeuralModelError("the checkpoint does not hold a TVAE's networks")
            }
            try encoder.load(saved.networks[0])
            try decoder.load(saved.networks[1])
            try adam.restore(saved.optimizers[0])
            rng = saved.random
            losses = saved.losses.map { $0[0] }
            firstEpoch = saved.epochsDone
        }
        for epoch in firstEpoch..<options.epochs {
            let start = Date()
            // Plain training: every row once, in a fresh order. DP-SGD: independent Poisson samples.
            let batchRows: [[Int]]
            if let plan {
                batchRows = (0..<plan.stepsPerEpoch).map { _ in plan.batch(rows: n, using: &rng) }
            } else {
                var order = Array(0..<n)
                rng.shuffle(&order)
                batchRows = stride(from: 0, to: n, by: options.batchSize).map { Array(order[$0..<Swift.min(n, $0 + options.batchSize)]) }
            }
            var sum = 0.0, batches = 0
            for rows in batchRows {
                // The tape ends before the optimiser step (no copy of the values it shares).
                let value: Float? = {
                    guard !rows.isEmpty else {
                        for p in parameters { p.gradient = Tensor(shape: p.value.shape) }
                        return nil
                    }
                    let x = data.gatheringRows(rows)
                    let tape = Tape()
                    if plan != nil { tape.trackExamples() }
                    let (mean, logVariance) = encoder(tape.constant(x))
                    // z = ε·exp(½·logσ²) + μ and KL = −½/rows · Σ((logσ² + 1) − μ² − exp(logσ²)), fused.
                    let (z, kl) = vaeLatent(mean: mean, logVariance: logVariance, noise: .gaussian(mean.shape, using: &rng),
                                            klScale: -0.5 / Float(rows.count))
                    let output = decoder(z)
                    let reconstruction = output.tvaeReconstruction(x: x, sigma: tape.use(decoder.sigma), spans: layout.spans,
                                                                   factor: options.lossFactor)
                    let loss = reconstruction + kl
                    if let plan {
                        let sigmaRows = output.tvaeSigmaExampleGradients(x: x, sigma: decoder.sigma.value, spans: layout.spans,
                                                                         factor: options.lossFactor)
                        tape.clippedExampleGradients(of: loss, parameters: parameters, exampleScale: Float(rows.count),
                                                     clipNorm: plan.clipNorm, rowGradients: [(decoder.sigma, sigmaRows)])
                    } else {
                        tape.backward(loss, parameters: parameters)
                    }
                    return loss.value.scalar
                }()
                if let plan {
                    GradientNoise.add(to: parameters, standardDeviation: plan.noiseMultiplier * Double(plan.clipNorm),
                                      divisor: plan.expectedBatch, using: &rng)
                }
                adam.step()
                decoder.sigma.value.scalars = decoder.sigma.value.scalars.map { Swift.min(1, Swift.max(0.01, $0)) }
                if let value {
                    sum += Double(value)
                    batches += 1
                }
            }
            let mean = Float(sum / Double(Swift.max(1, batches)))
            guard mean.isFinite else {
                throw NeuralModelError("training diverged at epoch \(epoch + 1): loss \(mean); try a smaller learning rate")
            }
            losses.append(mean)
            if let checkpoint, checkpoint.due(after: epoch + 1, of: options.epochs) {
                try checkpoint.save(TrainingCheckpoint(
                    model: "TVAE", fingerprint: fingerprint, epochsDone: epoch + 1,
                    networks: [encoder.snapshot, decoder.snapshot], runningStatistics: [],
                    optimizers: [adam.state], random: rng, losses: losses.map { [$0] }))
            }
            progress(EpochReport(epoch: epoch + 1, epochs: options.epochs, generatorLoss: mean, discriminatorLoss: 0,
                                 seconds: Date().timeIntervalSince(start)))
        }
        return TVAE(options: options, layout: layout, decoderWeights: decoder.snapshot, losses: losses, privacy: plan?.statement)
    }
}

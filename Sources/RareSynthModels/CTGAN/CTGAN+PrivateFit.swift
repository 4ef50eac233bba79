import Foundation
import RareSynthNeural
import RareSynthNumerics
import RareSynthPrivacy
import RareSynthTransform

extension CTGAN {
    /// Share of ε spent on the discrete columns' category counts (the rest goes to DP-SGD).
    static let frequencyShare = 0.1

    /// DP-CTGAN: CTGAN with its critic, the only network that sees real rows, trained by DP-SGD.
    /// The generator learns only through the private critic, so it is private by
    /// post-processing.
    ///
    /// What changes from ``fit(_:options:seed:layout:publicFacts:checkpoint:progress:)``, each
    /// because the plain form reads the data outside the budget:
    /// - the condition vector's category frequencies are Laplace-noised counts (10 % of ε,
    ///   split over the discrete columns), used for training and for generation;
    /// - real rows are a Poisson sample (rate q, as DP-SGD's accounting assumes), each with a
    ///   condition taken from the row itself (a uniform discrete column, the row's category),
    ///   rather than rows drawn to match a condition (ctgan's training-by-sampling picks real rows
    ///   by category, which no accountant covers);
    /// - pac is 1 and the loss is the standard GAN cross-entropy, as in smartnoise's DPCTGAN:
    ///   WGAN-GP's penalty would need per-example second-order gradients;
    /// - the critic's gradient on real rows is clipped per example and noised; its gradient on
    ///   generated rows (a fixed n·q of them) does not depend on the data and is added as is.
    static func fitPrivately(_ table: EncodedTable, options: CTGANOptions, seed: UInt64, layout: TabularLayout,
                             publicFacts: [String], progress: (EpochReport) -> Void) throws -> CTGAN {
        let dp = options.privacy!
        let n = table.rowCount
        try layout.checkWidth(for: "CTGAN")
        var rng = SeededRandom(seed: SeededRandom.streamKey(seed: seed, stream: 2))
        // The budget first: Laplace charges for the category counts, then the noise for the rest.
        let categories = layout.discreteCategories(of: table)
        var alongside: [PrivacyCharge] = []
        var laplace: LaplaceMechanism?
        if !categories.isEmpty {
            do {
                let e = frequencyShare * dp.budget.epsilon / Double(categories.count)
                laplace = try LaplaceMechanism(epsilon: e, sensitivity: 1)
                alongside.append(PrivacyCharge("DP-CTGAN category counts: \(categories.count) histograms with Laplace noise, ε = \(PrivacyCharge.labelled(e)) each",
                                               .laplace(laplace!, uses: categories.count)))
            } catch let error as PrivacyError { throw NeuralModelError(error.description) }
        }
        let plan = try DPSGDPlan(dp, rows: n, batchSize: options.batchSize, epochs: options.epochs, model: "CTGAN critic",
                                 publicFacts: publicFacts, alongside: alongside)
        let data = layout.encode(table, seed: SeededRandom.streamKey(seed: seed, stream: 1))
        let counts = categories.map { c -> (dataStart: Int, counts: [Double]) in
            var h = [Double](repeating: 0, count: c.categoryCount)
            for code in c.codes { h[Int(code)] += 1 }
            if let laplace { for k in h.indices { h[k] = Swift.max(0, h[k] + laplace.noise(using: &rng)) } }
            return (c.dataStart, h)
        }
        let sampler = ConditionalVectorSampler(counts: counts)
        let spanOfColumn = sampler.columns.map { c in layout.spans.firstIndex { $0.start == c.dataStart }! }
        let generator = CTGANGenerator(input: options.embeddingDimension + sampler.width, layers: options.generatorLayers,
                                       output: layout.width, rng: &rng)
        let critic = CTGANDiscriminator(input: layout.width + sampler.width, layers: options.discriminatorLayers, pac: 1, rng: &rng)
        let optimizerG = Adam(generator.parameters, learningRate: options.generatorLearningRate, beta1: 0.5, beta2: 0.9,
                              weightDecay: options.generatorDecay)
        let optimizerD = Adam(critic.parameters, learningRate: options.discriminatorLearningRate, beta1: 0.5, beta2: 0.9,
                              weightDecay: options.discriminatorDecay)
        let condWidth = sampler.width
        let fakeRows = Swift.max(1, Int(plan.expectedBatch.rounded()))
        var losses: [EpochLosses] = []

        /// Conditions for generated rows, from the noisy frequencies.
        func fakeConditions(_ count: Int) -> (c: Tensor, span: [Int], category: [Int]) {
            var c = [Float](repeating: 0, count: count * condWidth)
            var spans = [Int](), chosen = [Int]()
            guard condWidth > 0 else { return (Tensor(shape: [count, 0]), [], []) }
            for r in 0..<count {
                let draw = sampler.fakeTrainingCondition(using: &rng)
                c[r * condWidth + sampler.conditionIndex(column: draw.column, category: draw.category)] = 1
                spans.append(spanOfColumn[draw.column])
                chosen.append(draw.category)
            }
            return (Tensor(shape: [count, condWidth], scalars: c), spans, chosen)
        }
        /// Each real row's own condition: a uniform discrete column and the row's category in it.
        func realConditions(_ rows: [Int]) -> Tensor {
            var c = [Float](repeating: 0, count: rows.count * condWidth)
            guard condWidth > 0 else { return Tensor(shape: [rows.count, 0]) }
            for (r, row) in rows.enumerated() {
                let column = rng.nextInt(below: categories.count)
                c[r * condWidth + sampler.conditionIndex(column: column, category: Int(categories[column].codes[row]))] = 1
            }
            return Tensor(shape: [rows.count, condWidth], scalars: c)
        }
        func generated(_ cond: Tensor, tape: Tape, training: Bool) -> (raw: Variable, activated: Variable) {
            let z = Variable.concatColumns([tape.constant(.gaussian([cond.rows, options.embeddingDimension], using: &rng)),
                                            tape.constant(cond)].filter { $0.columns > 0 })
            let raw = generator(z, training: training)
            return (raw, raw.activated(layout.spans, rng: &rng))
        }
        func withCondition(_ x: Variable, _ cond: Tensor, tape: Tape) -> Variable {
            condWidth > 0 ? Variable.concatColumns([x, tape.constant(cond)]) : x
        }

        for epoch in 0..<options.epochs {
            let start = Date()
            var lossG: Float = 0, lossD: Float = 0
            for _ in 0..<plan.stepsPerEpoch {
                for _ in 0..<options.discriminatorSteps {
                    // Generated rows: their critic gradient needs no privacy.
                    let fakeCond = fakeConditions(fakeRows)
                    let fakeLoss: Float = {
                        let tape = Tape()
                        let fake = tape.withoutRecording { generated(fakeCond.c, tape: tape, training: true).activated.value }
                        let loss = critic(withCondition(tape.constant(fake), fakeCond.c, tape: tape), rng: &rng).softplus().mean()
                        tape.backward(loss, parameters: critic.parameters)
                        return loss.value.scalar
                    }()
                    let fakeGradients = critic.parameters.map { $0.gradient! }
                    // Real rows: a Poisson sample, each example's gradient clipped, then noise.
                    let rows = plan.batch(rows: n, using: &rng)
                    var realLoss: Float = 0
                    if rows.isEmpty {
                        for p in critic.parameters { p.gradient = Tensor(shape: p.value.shape) }
                    } else {
                        let real = data.gatheringRows(rows)
                        let realCat = condWidth > 0 ? Tensor.concatColumns(real, realConditions(rows)) : real
                        realLoss = {
                            let tape = Tape()
                            tape.trackExamples()
                            let loss = (-critic(tape.constant(realCat), rng: &rng)).softplus().mean()
                            tape.clippedExampleGradients(of: loss, parameters: critic.parameters, exampleScale: Float(rows.count),
                                                         clipNorm: plan.clipNorm)
                            return loss.value.scalar
                        }()
                    }
                    GradientNoise.add(to: critic.parameters, standardDeviation: plan.noiseMultiplier * Double(plan.clipNorm),
                                      divisor: plan.expectedBatch, using: &rng)
                    for (p, g) in zip(critic.parameters, fakeGradients) {
                        p.gradient = Tensor(shape: g.shape, scalars: zip(p.gradient!.scalars, g.scalars).map { $0 + $1 })
                    }
                    optimizerD.step()
                    lossD = fakeLoss + realLoss
                }
                let cond = fakeConditions(fakeRows)
                lossG = {
                    let tape = Tape()
                    let (raw, activated) = generated(cond.c, tape: tape, training: true)
                    // Non-saturating generator loss −log D(G(z)) = softplus(−score), plus ctgan's condition term.
                    var loss = (-critic(withCondition(activated, cond.c, tape: tape), rng: &rng)).softplus().mean()
                    if condWidth > 0 {
                        loss = loss + raw.conditionalCrossEntropy(spans: layout.spans, span: cond.span, category: cond.category)
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
            progress(EpochReport(epoch: epoch + 1, epochs: options.epochs, generatorLoss: lossG, discriminatorLoss: lossD,
                                 seconds: Date().timeIntervalSince(start)))
        }
        return CTGAN(options: options, layout: layout, conditions: sampler, generatorWeights: generator.snapshot,
                     generatorRunningMeans: generator.blocks.map(\.1.runningMean),
                     generatorRunningVariances: generator.blocks.map(\.1.runningVariance), losses: losses,
                     privacy: plan.statement)
    }
}

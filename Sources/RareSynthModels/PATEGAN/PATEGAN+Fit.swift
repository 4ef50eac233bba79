import Foundation
import RareSynthNeural
import RareSynthNumerics
import RareSynthPrivacy
import RareSynthTransform

extension PATEGAN {
    /// Trains PATE-GAN: k teacher discriminators, each on its own disjoint part of the rows
    /// against generated rows; a student discriminator that sees only generated rows, labelled by
    /// the teachers' noisy majority (PATE); and the generator, trained to fool the student. Only
    /// the labels touch the data, so the guarantee is PATE's.
    ///
    /// Each iteration: `teacherIterations` steps for every teacher, `studentIterations` student
    /// steps (each labels one batch: `batchSize` queries), one generator step. The accountant is
    /// PATE's data-dependent moments accountant (``PATEAccountant``): before a batch's labels are
    /// used, its cost is added, and training stops instead if that would exceed the budget, so the
    /// run ends within it. The ε is data-dependent and released without noise, as in the paper;
    /// the privacy statement says so.
    ///
    /// The partition into teachers' parts is a seeded shuffle of row indices (it does not look at
    /// the values). Losses: binary cross-entropy on logits (softplus), Adam (β 0.5, 0.9).
    /// The largest λ (by bisection on a log scale) for which `queries` worst-case queries (teachers
    /// split evenly) fit the budget in the Rényi ledger.
    static func plannedLambda(budget: PrivacyBudget, teachers: Int, queries: Int) throws -> Double {
        func fits(_ lambda: Double) throws -> Bool {
            var accountant = try PATEAccountant(teachers: teachers, lambda: lambda)
            let worst = accountant.queryMoments(votes: teachers / 2)
            accountant.addMoments(worst.map { $0 * Double(queries) }, queries: queries)
            var ledger = RenyiAccountant(orders: RenyiAccountant.extendedOrders)
            ledger.charge("PATE", .pate(accountant))
            return ledger.epsilon(delta: budget.delta).epsilon <= budget.epsilon
        }
        var low = 1e-9, high = 10.0
        guard try fits(low) else { throw PrivacyError("ε = \(budget.epsilon) at δ = \(budget.delta) cannot pay for \(queries) PATE queries at any λ") }
        for _ in 0..<60 {
            let mid = (low * high).squareRoot()
            if try fits(mid) { low = mid } else { high = mid }
        }
        return low
    }

    public static func fit(_ table: EncodedTable, options: PATEGANOptions = .init(), seed: UInt64 = 0, layout: TabularLayout,
                           publicFacts: [String] = [], progress: (EpochReport) -> Void = { _ in }) throws -> PATEGAN {
        if let problem = options.problems().first { throw NeuralModelError(problem) }
        let n = table.rowCount
        guard n > 0, !table.columns.isEmpty else { throw NeuralModelError("no rows or no columns to learn from") }
        try layout.checkWidth(for: "PATE-GAN")
        let k = options.teacherCount(rows: n)
        guard k <= n else { throw NeuralModelError("PATE-GAN needs at least one row per teacher (\(k) teachers, \(n) rows)") }
        let budget = options.isPrivate ? options.budget : nil
        var lambda = options.lambda ?? 1
        var accountant: PATEAccountant?
        if let budget {
            do {
                try budget.check(rows: n)
                if options.lambda == nil {
                    lambda = try plannedLambda(budget: budget, teachers: k,
                                               queries: options.plannedIterations * options.studentIterations * options.batchSize)
                }
                accountant = try PATEAccountant(teachers: k, lambda: lambda)
            } catch let error as PrivacyError { throw NeuralModelError(error.description) }
        }
        let data = layout.encode(table, seed: SeededRandom.streamKey(seed: seed, stream: 1))
        var rng = SeededRandom(seed: SeededRandom.streamKey(seed: seed, stream: 2))
        var order = Array(0..<n)
        rng.shuffle(&order)
        let parts = (0..<k).map { t in Array(order[(t * n / k)..<((t + 1) * n / k)]) }
        let generator = CTGANGenerator(input: options.latentDimension, layers: options.generatorLayers, output: layout.width, rng: &rng)
        let teachers = (0..<k).map { PATEGANDiscriminator(input: layout.width, layers: options.discriminatorLayers, name: "teacher.\($0)", rng: &rng) }
        let student = PATEGANDiscriminator(input: layout.width, layers: options.discriminatorLayers, name: "student", rng: &rng)
        func adam(_ p: [Parameter]) -> Adam { Adam(p, learningRate: options.learningRate, beta1: 0.5, beta2: 0.9) }
        let optimizerG = adam(generator.parameters), optimizerS = adam(student.parameters)
        let optimizersT = teachers.map { adam($0.parameters) }
        let batch = options.batchSize
        let laplace = budget == nil ? nil : try LaplaceMechanism(epsilon: lambda, sensitivity: 1)

        func fake(_ count: Int) -> Tensor {
            let tape = Tape()
            return tape.withoutRecording {
                generator(tape.constant(.gaussian([count, options.latentDimension], using: &rng)), training: true)
                    .activated(layout.spans, rng: &rng).value
            }
        }
        func ones(_ count: Int) -> Tensor { Tensor(shape: [count, 1], repeating: 1) }
        /// Mean binary cross-entropy of logits s against labels y: softplus(s) − y·s.
        func crossEntropy(_ s: Variable, _ y: Tensor) -> Variable { (s.softplus() - s * s.constant(y)).mean() }
        func step(_ d: PATEGANDiscriminator, _ optimizer: Adam, _ x: Tensor, _ y: Tensor) -> Float {
            let tape = Tape()
            let loss = crossEntropy(d(tape.constant(x)), y)
            tape.backward(loss, parameters: d.parameters)
            optimizer.step()
            return loss.value.scalar
        }

        var iterations = 0, queries = 0
        var stopped = false
        let reportEvery = Swift.max(1, options.maximumIterations / 100)
        var start = Date()
        while iterations < options.maximumIterations && !stopped {
            var teacherLoss: Float = 0
            for _ in 0..<options.teacherIterations {
                for (t, teacher) in teachers.enumerated() {
                    let rows = (0..<Swift.min(batch, parts[t].count)).map { _ in parts[t][rng.nextInt(below: parts[t].count)] }
                    let real = data.gatheringRows(rows), generated = fake(rows.count)
                    let x = Tensor(shape: [2 * rows.count, layout.width], scalars: real.scalars + generated.scalars)
                    let y = Tensor(shape: [2 * rows.count, 1], scalars: [Float](repeating: 1, count: rows.count) + [Float](repeating: 0, count: rows.count))
                    teacherLoss = step(teacher, optimizersT[t], x, y)
                }
            }
            var studentLoss: Float = 0
            for _ in 0..<options.studentIterations {
                let u = fake(batch)
                let tape = Tape()
                let votes = tape.withoutRecording { () -> [Int] in
                    var v = [Int](repeating: 0, count: batch)
                    for teacher in teachers {
                        let s = teacher(tape.constant(u)).value.scalars
                        for r in 0..<batch where s[r] > 0 { v[r] += 1 }
                    }
                    return v
                }
                if var next = accountant, let budget {
                    next.record(votes: votes)
                    var ledger = RenyiAccountant(orders: RenyiAccountant.extendedOrders)
                    ledger.charge("PATE", .pate(next))
                    if ledger.epsilon(delta: budget.delta).epsilon > budget.epsilon {
                        stopped = true
                        break
                    }
                    accountant = next
                }
                queries += batch
                let labels = votes.map { v -> Float in
                    let noisy = Double(v) + (laplace?.noise(using: &rng) ?? 0)
                    return noisy > Double(k) / 2 ? 1 : 0
                }
                studentLoss = step(student, optimizerS, u, Tensor(shape: [batch, 1], scalars: labels))
            }
            if stopped && iterations == 0 && queries == 0 {
                throw NeuralModelError("ε = \(budget!.epsilon) at δ = \(budget!.delta) does not pay for one batch of \(batch) PATE queries with \(k) teachers and λ = \(lambda); raise ε, lower λ, or lower the batch size")
            }
            let generatorLoss: Float = {
                let tape = Tape()
                let x = generator(tape.constant(.gaussian([batch, options.latentDimension], using: &rng)), training: true)
                    .activated(layout.spans, rng: &rng)
                let loss = crossEntropy(student(x), ones(batch))
                tape.backward(loss, parameters: generator.parameters)
                return loss.value.scalar
            }()
            optimizerG.step()
            iterations += 1
            guard generatorLoss.isFinite, studentLoss.isFinite, teacherLoss.isFinite else {
                throw NeuralModelError("training diverged at iteration \(iterations); try a smaller learning rate")
            }
            if iterations % reportEvery == 0 || stopped {
                progress(EpochReport(epoch: iterations, epochs: options.maximumIterations, generatorLoss: generatorLoss,
                                     discriminatorLoss: studentLoss, seconds: Date().timeIntervalSince(start) / Double(reportEvery)))
                start = Date()
            }
        }
        var statement: PrivacyStatement?
        if let budget, let accountant {
            var ledger = RenyiAccountant(orders: RenyiAccountant.extendedOrders)
            ledger.charge("PATE-GAN: \(accountant.queries) noisy majority votes of \(k) teachers (Laplace scale \(PrivacyCharge.labelled(1 / lambda))), data-dependent moments accountant (Papernot et al. 2017); the ε depends on the teachers' agreement and is itself not noised, as in the PATE-GAN paper",
                          .pate(accountant))
            statement = PrivacyStatement(budget: budget, accountant: ledger,
                                         publicFacts: ["the number of training rows (\(n))"] + publicFacts)
        }
        return PATEGAN(options: options, layout: layout, generatorWeights: generator.snapshot,
                       generatorRunningMeans: generator.blocks.map(\.1.runningMean),
                       generatorRunningVariances: generator.blocks.map(\.1.runningVariance),
                       iterations: iterations, queries: queries, privacy: statement)
    }
}

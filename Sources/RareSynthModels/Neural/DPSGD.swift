import Foundation
import RareSynthNumerics
import RareSynthPrivacy

/// Differentially private training for the neural models: DP-SGD (Abadi et al. 2016) with
/// Poisson sampling, per-example clipping and Gaussian noise, accounted by Rényi DP.
public struct DPSGDOptions: Codable, Sendable, Equatable {
    public var budget: PrivacyBudget
    /// C: each example's gradient is scaled down to at most this L2 norm (Opacus' `max_grad_norm`).
    public var clipNorm: Float = 1
    /// Equal bins per continuous column in the data-independent encoding
    /// (`UniformBinNormalizer`), in place of the data's mixture modes.
    public var bins = 10

    public init(budget: PrivacyBudget, clipNorm: Float = 1, bins: Int = 10) {
        self.budget = budget
        self.clipNorm = clipNorm
        self.bins = bins
    }

    public func problems() -> [String] {
        var out: [String] = []
        if budget.isUnlimited { out.append("DP-SGD needs a finite ε (fit without privacy for ε = inf)") }
        if !(clipNorm > 0 && clipNorm.isFinite) { out.append("the clip norm must be a positive number (got \(clipNorm))") }
        if bins < 1 || bins > 1000 { out.append("bins per continuous column must be between 1 and 1000 (got \(bins))") }
        return out
    }
}

/// A DP-SGD run fixed before any row is read: sample rate, steps and the noise that meets the
/// budget. Only the row count is used (public, as in Opacus), so an unreachable budget is an
/// error before training starts.
///
/// As Opacus' `DPDataLoader`: an epoch is ⌈n / batch⌉ steps, each a Poisson sample with rate
/// q = 1 / steps-per-epoch (expected batch n·q), and the noisy sum is divided by that expected
/// batch, so nothing depends on the batch actually drawn.
struct DPSGDPlan {
    let sampleRate: Double
    let stepsPerEpoch: Int
    let steps: Int
    let noiseMultiplier: Double
    let clipNorm: Float
    let expectedBatch: Float
    let statement: PrivacyStatement

    /// - Parameter alongside: other charges of the same fit (they share the budget).
    init(_ options: DPSGDOptions, rows: Int, batchSize: Int, epochs: Int, model: String, publicFacts: [String],
         alongside: [PrivacyCharge] = []) throws {
        if let problem = options.problems().first { throw NeuralModelError(problem) }
        do {
            try options.budget.check(rows: rows)
            stepsPerEpoch = Swift.max(1, (rows + batchSize - 1) / batchSize)
            sampleRate = 1 / Double(stepsPerEpoch)
            steps = epochs * stepsPerEpoch
            noiseMultiplier = try NoiseCalibration.noiseMultiplier(targetEpsilon: options.budget.epsilon, delta: options.budget.delta,
                                                                  sampleRate: sampleRate, steps: steps,
                                                                  orders: RenyiAccountant.extendedOrders, alongside: alongside).noiseMultiplier
        } catch let error as PrivacyError {
            throw NeuralModelError(error.description)
        }
        clipNorm = options.clipNorm
        expectedBatch = Float(Double(rows) * sampleRate)
        var accountant = RenyiAccountant(orders: RenyiAccountant.extendedOrders)
        for charge in alongside { accountant.charge(charge.label, charge.mechanism) }
        let sigma = PrivacyCharge.labelled(noiseMultiplier)
        accountant.record(SubsampledGaussian(noiseMultiplier: noiseMultiplier, sampleRate: sampleRate, steps: steps),
                          label: "DP-SGD (\(model)): \(steps) steps at sample rate \(sampleRate), noise multiplier \(sigma), clip norm \(clipNorm)")
        statement = PrivacyStatement(budget: options.budget, accountant: accountant,
                                     publicFacts: ["the number of training rows (\(rows))"] + publicFacts)
    }

    /// A Poisson sample of the rows: each in with probability q, by one uniform each, in row order.
    func batch(rows: Int, using rng: inout SeededRandom) -> [Int] {
        (0..<rows).filter { _ in rng.nextUniform() < sampleRate }
    }
}

import RareSynthPrivacy

/// Settings of PATE-GAN (Jordon, Yoon & van der Schaar, ICLR 2019).
public struct PATEGANOptions: Codable, Sendable, Equatable {
    /// The budget; nil (or ε = ∞) trains with noiseless teacher majorities for `maximumIterations`.
    public var budget: PrivacyBudget?
    /// Teachers k (each trained on its own 1/k of the rows); nil: n / 25, between 2 and 50.
    public var teachers: Int?
    /// λ: the noise on each vote count is Laplace with scale 1/λ. Nil: the largest λ whose
    /// worst-case cost (teachers split evenly on every query) lets the budget answer
    /// `plannedIterations` iterations of student queries; agreement among the teachers then makes
    /// queries cheaper and training runs on until the budget is spent.
    public var lambda: Double?
    /// See ``lambda``.
    public var plannedIterations = 50
    public var batchSize = 64
    public var latentDimension = 64
    public var generatorLayers = [128, 128]
    public var discriminatorLayers = [64]
    public var teacherIterations = 5
    public var studentIterations = 5
    public var learningRate: Float = 1e-4
    /// Training stops here if the budget has not run out first.
    public var maximumIterations = 1000
    /// Equal bins per continuous column over its declared bounds.
    public var bins = 10

    public init(budget: PrivacyBudget? = nil) {
        self.budget = budget
    }

    public var isPrivate: Bool { budget.map { !$0.isUnlimited } ?? false }

    /// k for `rows` training rows.
    public func teacherCount(rows: Int) -> Int { teachers ?? Swift.min(50, Swift.max(2, rows / 25)) }

    public func problems() -> [String] {
        var out: [String] = []
        if let teachers, teachers < 1 { out.append("PATE-GAN needs at least one teacher (got \(teachers))") }
        if let lambda, !(lambda > 0 && lambda.isFinite) { out.append("λ must be a positive number (got \(lambda))") }
        if plannedIterations < 1 { out.append("planned iterations must be at least 1") }
        if batchSize < 1 || latentDimension < 1 { out.append("batch size and latent dimension must be at least 1") }
        if generatorLayers.contains(where: { $0 < 1 }) || discriminatorLayers.contains(where: { $0 < 1 }) { out.append("layer widths must be at least 1") }
        if teacherIterations < 1 || studentIterations < 1 || maximumIterations < 1 { out.append("iteration counts must be at least 1") }
        if bins < 1 || bins > 1000 { out.append("bins per continuous column must be between 1 and 1000 (got \(bins))") }
        return out
    }
}

/// What a user allows a private fit to spend: (ε, δ)-differential privacy for the whole run.
///
/// ε = ∞ is accepted and means no privacy guarantee (a model that has one, such as PrivBayes,
/// is then fitted without noise); any other ε must be a positive number.
public struct PrivacyBudget: Codable, Sendable, Equatable {
    public var epsilon: Double
    public var delta: Double

    /// - Throws: ``PrivacyError`` for ε ≤ 0 or not a number, or δ outside (0, 1).
    public init(epsilon: Double, delta: Double) throws {
        guard !epsilon.isNaN, epsilon > 0 else { throw PrivacyError("ε must be a positive number or inf (got \(epsilon))") }
        guard !delta.isNaN, delta > 0, delta < 1 else { throw PrivacyError("δ must be in (0, 1) (got \(delta))") }
        self.epsilon = epsilon
        self.delta = delta
    }

    /// Whether the budget asks for no guarantee at all.
    public var isUnlimited: Bool { epsilon == .infinity }

    /// δ must be well below 1/n: a mechanism that publishes one random row in full satisfies
    /// (0, 1/n)-DP, so δ ≥ 1/n allows exactly that failure.
    /// - Throws: ``PrivacyError`` naming both numbers.
    public func check(rows: Int) throws {
        guard Double(rows) * delta < 1 else {
            throw PrivacyError("δ = \(delta) is not below 1/n = 1/\(rows) for \(rows) rows: such a δ allows publishing a whole row; use a δ below \(1 / Double(max(1, rows))) (1e-5 or less is usual)")
        }
    }
}

/// The privacy record of a fitted model, kept in the model file and printed on every output and
/// in the report: the budget asked for, every charge against it, and what they add up to.
public struct PrivacyStatement: Codable, Sendable, Equatable {
    public var budget: PrivacyBudget
    /// Every use of the data, in order.
    public var charges: [PrivacyCharge]
    /// ε of the whole run at `budget.delta` (at most `budget.epsilon`): the Rényi ledger's
    /// conversion, or basic composition when every charge is pure and that is smaller.
    public var epsilon: Double
    /// The Rényi order the conversion chose; nil when basic composition gave the smaller ε.
    public var order: Double?
    /// What the guarantee treats as public (not paid for): e.g. the row count, the schema's
    /// declared bounds and categories.
    public var publicFacts: [String]

    public init(budget: PrivacyBudget, accountant: RenyiAccountant, publicFacts: [String]) {
        self.budget = budget
        charges = accountant.charges
        let (renyi, alpha) = accountant.epsilon(delta: budget.delta)
        if let pure = accountant.pureEpsilon, pure <= renyi {
            (epsilon, order) = (pure, nil)
        } else {
            (epsilon, order) = (renyi, alpha)
        }
        self.publicFacts = publicFacts
    }

    /// One line for stderr and provenance: "(ε = 0.998, δ = 1e-05)-differentially private; …".
    public var summary: String {
        let eps = (epsilon * 1000).rounded(.up) / 1000
        let accounting = order == nil ? "basic composition" : "Rényi DP accounting"
        return "(ε = \(eps), δ = \(budget.delta))-differentially private (\(accounting), budget ε = \(budget.epsilon)); "
            + charges.map(\.label).joined(separator: "; ")
    }
}

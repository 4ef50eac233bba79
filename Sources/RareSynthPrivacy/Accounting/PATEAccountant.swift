import Foundation

/// The data-dependent moments accountant of PATE (Papernot, Abadi, Erlingsson, Goodfellow &
/// Talwar 2017, Theorems 2–3), as PATE-GAN (Jordon, Yoon & van der Schaar 2019) spends it: each
/// query is k teachers' binary votes on one generated row, answered by the noisy majority
/// `votes + Lap(1/λ) > k/2`.
///
/// For a query whose vote gap is g = |2·votes − k|, with q = (2 + λg) / (4·e^{λg}), the log moment
/// at order l is at most
///
///     α(l) ≤ min( 2λ²·l(l + 1),  log((1 − q)·((1 − q)/(1 − e^{2λ}q))^l + q·e^{2λl}) )
///
/// the second only where q < (e^{2λ} − 1)/(e^{4λ} − 1); moments add over queries. A unanimous
/// teacher ensemble costs far less than the data-independent bound, which is what lets PATE
/// answer thousands of queries.
///
/// **Caveat, stated wherever the ε is shown**: the bound depends on the teachers' votes, hence on
/// the data, and the ε computed from it is released without noise (as in the PATE and PATE-GAN
/// papers; Papernot et al. 2018 add smooth-sensitivity noise to fix this, not done here).
public struct PATEAccountant: Sendable, Equatable, Codable {
    /// Moment orders l = 1…`maximumOrder` (RDP orders 2…`maximumOrder` + 1).
    public static let maximumOrder = 100
    public let teachers: Int
    /// λ: the Laplace noise on the vote count has scale 1/λ.
    public let lambda: Double
    public private(set) var queries = 0
    /// α(l) for l = 1…100, summed over the queries so far.
    public private(set) var logMoments: [Double]

    public init(teachers: Int, lambda: Double) throws {
        guard teachers >= 1 else { throw PrivacyError("PATE needs at least one teacher (got \(teachers))") }
        guard lambda.isFinite, lambda > 0 else { throw PrivacyError("PATE's λ must be a positive number (got \(lambda))") }
        self.teachers = teachers
        self.lambda = lambda
        logMoments = [Double](repeating: 0, count: Self.maximumOrder)
    }

    /// The log moments one query with this many "real" votes adds, l = 1…100.
    public func queryMoments(votes: Int) -> [Double] {
        let gap = Double(Swift.abs(2 * votes - teachers))
        let q = (2 + lambda * gap) / (4 * Foundation.exp(lambda * gap))
        let valid = q < (Foundation.exp(2 * lambda) - 1) / (Foundation.exp(4 * lambda) - 1)
        return (1...Self.maximumOrder).map { order in
            let l = Double(order)
            let independent = 2 * lambda * lambda * l * (l + 1)
            guard valid else { return independent }
            let dependent = Foundation.log((1 - q) * Foundation.pow((1 - q) / (1 - Foundation.exp(2 * lambda) * q), l)
                                           + q * Foundation.exp(2 * lambda * l))
            return Swift.min(independent, dependent)
        }
    }

    /// Adds the queries' moments.
    public mutating func record(votes: [Int]) {
        for v in votes {
            for (i, m) in queryMoments(votes: v).enumerated() { logMoments[i] += m }
        }
        queries += votes.count
    }

    /// Adds log moments computed elsewhere (e.g. `count` identical queries at once).
    public mutating func addMoments(_ moments: [Double], queries count: Int) {
        precondition(moments.count == Self.maximumOrder, "one log moment per order 1…\(Self.maximumOrder)")
        for i in moments.indices { logMoments[i] += moments[i] }
        queries += count
    }

    /// Rényi DP at `order`: α(l)/l at l = ⌈order⌉ − 1 (RDP does not decrease with the order, so
    /// the next integer order bounds a fractional one); ∞ beyond order 101 or below 2.
    public func renyiDivergence(order alpha: Double) -> Double {
        precondition(alpha > 1, "Rényi orders must exceed 1 (got \(alpha))")
        let l = Int(alpha.rounded(.up)) - 1
        guard l >= 1, l <= Self.maximumOrder else { return queries == 0 ? 0 : .infinity }
        return logMoments[l - 1] / Double(l)
    }

    /// ε at δ by the moments accountant's own conversion, min over l of (α(l) + log(1/δ))/l
    /// (what the PATE papers report; the ledger's conversion is at least as tight).
    public func momentsEpsilon(delta: Double) -> Double {
        logMoments.enumerated().map { ($0.element - Foundation.log(delta)) / Double($0.offset + 1) }.min()!
    }
}

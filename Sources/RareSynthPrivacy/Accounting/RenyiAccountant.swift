import Foundation

/// A privacy ledger in Rényi differential privacy (Mironov 2017): every mechanism that touched
/// the data is recorded, their RDP curves add up order by order (composition), and the total is
/// turned into an (ε, δ) guarantee at the best order.
///
/// The orders, the conversion and the choice of order are Opacus' `RDPAccountant`'s, so an ε
/// printed here can be checked against the reference implementation (tests hold it to 1 %).
public struct RenyiAccountant: Sendable, Equatable, Codable {
    /// Opacus' default orders: 1.1, 1.2, …, 10.9, then 12, 13, …, 63.
    public static let defaultOrders: [Double] = (1..<100).map { 1 + Double($0) / 10 } + (12..<64).map(Double.init)
    /// Opacus' orders and larger ones up to 1,024, which the fits use. With orders up to 63 the
    /// conversion cannot go below ε ≈ 0.1 at δ = 1e-5 however much noise is added (its log(1/δ)/(α − 1)
    /// term); the larger orders make small budgets such as ε = 0.1 reachable. More orders only
    /// ever lower the ε reported (it is a minimum over them).
    public static let extendedOrders: [Double] = defaultOrders + [64, 72, 80, 96, 112, 128, 160, 192, 256, 320, 384, 512, 640, 768, 1024]

    public var orders: [Double]
    /// Every charge, in the order made.
    public private(set) var charges: [PrivacyCharge] = []

    public init(orders: [Double] = RenyiAccountant.defaultOrders) {
        precondition(!orders.isEmpty && orders.allSatisfy { $0 > 1 }, "Rényi orders must exceed 1")
        self.orders = orders
    }

    /// Adds a charge to the ledger.
    public mutating func charge(_ label: String, _ mechanism: PrivacyMechanism) {
        charges.append(PrivacyCharge(label, mechanism))
    }

    /// Adds DP-SGD steps to the ledger.
    public mutating func record(_ mechanism: SubsampledGaussian, label: String = "DP-SGD") {
        charge(label, .subsampledGaussian(mechanism))
    }

    /// The composed RDP ε(α) at each of `orders`.
    public var renyiDivergences: [Double] {
        orders.map { alpha in charges.reduce(0) { $0 + $1.mechanism.renyiDivergence(order: alpha) } }
    }

    /// The pure ε-DP guarantee by basic composition when every charge is pure (the count-based
    /// models: Laplace and exponential mechanisms only), else nil. Reports show it beside the
    /// (ε, δ) of `epsilon(delta:)`, which is the smaller for many charges.
    public var pureEpsilon: Double? {
        var total = 0.0
        for charge in charges {
            guard let e = charge.mechanism.pureEpsilon else { return nil }
            total += e
        }
        return total
    }

    /// The (ε, δ) guarantee of everything recorded, and the order that gives it.
    public func epsilon(delta: Double) -> (epsilon: Double, order: Double) {
        Self.epsilon(renyiDivergences: renyiDivergences, orders: orders, delta: delta)
    }

    /// RDP to (ε, δ)-DP by the conversion of Balle et al. 2020 (Theorem 21), as Opacus applies it:
    ///
    ///     ε = ε(α) − (log δ + log α)/(α − 1) + log((α − 1)/α)
    ///
    /// minimised over the orders. ∞ when every order gives ∞ or NaN.
    public static func epsilon(renyiDivergences rdp: [Double], orders: [Double], delta: Double) -> (epsilon: Double, order: Double) {
        precondition(rdp.count == orders.count, "one RDP value per order")
        precondition(delta > 0 && delta < 1, "δ must be in (0, 1) (got \(delta))")
        var best = (epsilon: Double.infinity, order: Double.nan)
        for (value, alpha) in zip(rdp, orders) {
            let eps = value - (Foundation.log(delta) + Foundation.log(alpha)) / (alpha - 1) + Foundation.log((alpha - 1) / alpha)
            if !eps.isNaN && (best.order.isNaN || eps < best.epsilon) { best = (eps, alpha) }
        }
        return best
    }
}

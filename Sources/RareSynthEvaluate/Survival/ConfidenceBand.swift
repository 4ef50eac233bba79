import Foundation
import RareSynthNumerics

/// The scale on which a pointwise confidence interval for S(t) is built: R's `conf.type`.
public enum SurvivalConfidenceType: String, Sendable, Hashable, CaseIterable, Codable {
    /// `"log"`, R's default: exp(log S ± z·se), upper limit capped at 1.
    case log
    /// `"log-log"`: exp(−exp(log(−log S) ∓ z·se/log S)); undefined where S is 0 or 1.
    case logLog = "log-log"
    /// `"plain"`: S ± z·se·S, clipped to [0, 1].
    case plain
}

/// Pointwise confidence limits for S(t), one pair per row of a ``KaplanMeierCurve``.
///
/// `nil` where R gives `NA` or `NaN`: S = 0 (`log`, and `plain` once the log-scale standard error
/// is ∞), S = 0 or 1 (`log-log`).
public struct ConfidenceBand: Sendable, Equatable {
    public let type: SurvivalConfidenceType
    /// The confidence level, e.g. 0.95.
    public let level: Double
    public let lower: [Double?]
    public let upper: [Double?]
}

extension KaplanMeierCurve {
    /// Pointwise confidence limits at `level` (default 0.95), as `survfit` stores them in
    /// `fit$lower`/`fit$upper`.
    ///
    /// With z = Φ⁻¹(1 − (1 − level)/2) and se = ``standardError`` (log scale), R's
    /// `survival:::survfit_confint` (3.5-3, `logse = TRUE`, `conf.lower = "usual"`):
    /// - log: lower = exp(log S − z·se), upper = min(exp(log S + z·se), 1); NA where S = 0;
    /// - log-log: with s₂ = z·se / log S, lower = exp(−exp(log(−log S) − s₂)),
    ///   upper = exp(−exp(log(−log S) + s₂)); NA where S ∈ {0, 1};
    /// - plain: with s₂ = se·S·z, lower = max(S − s₂, 0), upper = min(S + s₂, 1); NaN where
    ///   S = 0 and se = ∞.
    /// Same operations in the same order as R; z from `SpecialFunctions.normalQuantile` (AS241,
    /// equal to R's `qnorm` to the last bit at 0.975). Agreement with R: ≤ 1e-9 (see tests).
    public func confidenceBand(_ type: SurvivalConfidenceType = .log, level: Double = 0.95) -> ConfidenceBand {
        let z = SpecialFunctions.normalQuantile(1 - (1 - level) / 2)
        var lower: [Double?] = []
        var upper: [Double?] = []
        lower.reserveCapacity(times.count)
        upper.reserveCapacity(times.count)
        for (p, se) in zip(survival, standardError) {
            let limits = Self.limits(p: p, se: se, z: z, type: type)
            lower.append(limits.lower)
            upper.append(limits.upper)
        }
        return ConfidenceBand(type: type, level: level, lower: lower, upper: upper)
    }

    /// One pair of limits; NaN results become `nil` (R's `NA`/`NaN` alike).
    static func limits(p: Double, se: Double, z: Double, type: SurvivalConfidenceType) -> (lower: Double?, upper: Double?) {
        let lower: Double, upper: Double
        switch type {
        case .log:
            guard p != 0 else { return (nil, nil) }
            let se2 = z * se
            lower = Foundation.exp(Foundation.log(p) - se2)
            upper = rMin(Foundation.exp(Foundation.log(p) + se2), 1)
        case .logLog:
            guard p != 0, p != 1 else { return (nil, nil) }
            let se2 = z * se / Foundation.log(p)
            let center = Foundation.log(-Foundation.log(p))
            lower = Foundation.exp(-Foundation.exp(center - se2))
            upper = Foundation.exp(-Foundation.exp(center + se2))
        case .plain:
            let se2 = se * p * z
            lower = rMax(p - se2, 0)
            upper = rMin(p + se2, 1)
        }
        return (lower.isNaN ? nil : lower, upper.isNaN ? nil : upper)
    }

    /// R's `pmin`/`pmax` on one pair: NaN propagates (Swift's `min` would drop it).
    private static func rMin(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.min(a, b) }
    private static func rMax(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }
}

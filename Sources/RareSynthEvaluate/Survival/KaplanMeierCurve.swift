/// One Kaplan–Meier survival curve with its Greenwood variance and the Nelson–Aalen cumulative
/// hazard: the table R's `survfit(Surv(time, status) ~ 1)` holds (one stratum of `~ group`).
///
/// There is one row per distinct observed time, event or censoring (R's `fit$time`; `summary(fit)`
/// shows the event rows only). At a time t with nᵢ subjects at risk (time ≥ t) and dᵢ events:
///
/// - S(t) = Π_{tᵢ ≤ t} (nᵢ − dᵢ)/nᵢ (`surv`);
/// - ``standardError`` = √(Σ_{tᵢ ≤ t} dᵢ / (nᵢ(nᵢ − dᵢ))), Greenwood's formula on the **log
///   scale**: the standard error of −log S(t), which is what R stores in `fit$std.err`; it is
///   +∞ from the time S reaches 0 on (R: `Inf`);
/// - ``survivalStandardError`` = S(t) · standardError, the standard error of S(t) itself, which is
///   what `summary(fit)` prints as `std.err` (NaN where S = 0 and the log-scale one is ∞);
/// - H(t) = Σ dᵢ/nᵢ and its standard error √(Σ dᵢ/nᵢ²) (`cumhaz`, `std.chaz`).
///
/// Ties: a censoring at the time of an event counts the censored subject as at risk for that
/// event (events come first), R's convention.
///
/// Reference: R `survival` 3.5-3, `survfitKM` and `src/survfitkm.c` (type 1: KM survival,
/// Nelson–Aalen hazard, no weights); the same operations in the same order, so the fixture values
/// agree to within a few ulp (checked to 1e-9, see the tests).
public struct KaplanMeierCurve: Sendable, Equatable {
    /// The group label, `nil` for ungrouped data.
    public let group: String?
    /// The number of subjects (R `fit$n`).
    public let subjectCount: Int
    /// Distinct observed times, ascending.
    public let times: [Double]
    /// Subjects at risk just before each time: those whose time is ≥ it.
    public let atRisk: [Int]
    /// Events at each time.
    public let events: [Int]
    /// Censorings at each time.
    public let censored: [Int]
    /// S(t), the Kaplan–Meier estimate, at each time.
    public let survival: [Double]
    /// Standard error of −log S(t) (Greenwood), R's `fit$std.err`.
    public let standardError: [Double]
    /// The Nelson–Aalen cumulative hazard, R's `fit$cumhaz`.
    public let cumulativeHazard: [Double]
    /// The standard error of the cumulative hazard, R's `fit$std.chaz`.
    public let cumulativeHazardStandardError: [Double]

    /// The standard error of S(t) itself, S(t) × ``standardError``: `summary(fit)$std.err`.
    public var survivalStandardError: [Double] {
        zip(survival, standardError).map { $0 * $1 }
    }

    /// The total number of events.
    public var eventCount: Int { events.reduce(0, +) }

    /// The last observed time (event or censoring): where the curve stops being defined.
    public var lastTime: Double { times[times.count - 1] }

    /// S(t) as a right-continuous step function: 1 before the first time, then the value of the
    /// last row at or before t. Beyond ``lastTime`` it keeps the last value (R's `summary(fit,
    /// times = t, extend = TRUE)` does the same).
    public func survival(at t: Double) -> Double {
        // The number of rows with time ≤ t, by bisection.
        var low = 0, high = times.count
        while low < high {
            let mid = (low + high) / 2
            if times[mid] <= t { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? 1 : survival[low - 1]
    }
}

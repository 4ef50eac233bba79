/// A quantile of the survival time (the median for p = 0.5) with its confidence interval.
///
/// `nil` means "not reached" (R's `NA`): the curve, or the confidence limit curve, never falls
/// to 1 − p within the follow-up. An upper limit of `nil` with an estimate is common: the upper
/// confidence curve stays above 1 − p.
public struct SurvivalQuantile: Sendable, Equatable {
    /// The probability p: the time by which a fraction p has had the event (S = 1 − p).
    public let probability: Double
    /// The estimated time, or `nil` when not reached.
    public let estimate: Double?
    /// The lower confidence limit (from the lower confidence curve), or `nil`.
    public let lower: Double?
    /// The upper confidence limit (from the upper confidence curve), or `nil`.
    public let upper: Double?

    public init(probability: Double, estimate: Double?, lower: Double?, upper: Double?) {
        self.probability = probability
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }
}

/// How far apart two Kaplan–Meier curves are, typically the real and the synthetic one.
///
/// Both curves are right-continuous step functions, S(t) = 1 before their first time
/// (``KaplanMeierCurve/survival(at:)``). They are compared on the common follow-up
/// [0, T] with T = min(last observed time of a, last observed time of b) (event or censoring),
/// beyond which one curve is no longer estimated:
///
/// - maximum gap  = max_{0 ≤ t ≤ T} |Sₐ(t) − S_b(t)|, a Kolmogorov–Smirnov-type distance in
///   [0, 1]; it is attained at 0 or at a jump of either curve, so it is evaluated at
///   G = {0} ∪ {times of a} ∪ {times of b}, restricted to [0, T];
/// - integrated gap = ∫₀ᵀ |Sₐ(t) − S_b(t)| dt = Σ |Sₐ(gᵢ) − S_b(gᵢ)| (gᵢ₊₁ − gᵢ) over
///   consecutive points of G (the difference is constant on [gᵢ, gᵢ₊₁)), in time units: the
///   difference in restricted mean survival time, had the curves not crossed;
/// - mean gap = integrated gap / T, in [0, 1] (`nil` when T = 0).
///
/// Example: a has S = 0.5 from t = 1 (last time 4), b has S = 0.75 from t = 2 and 0.25 from
/// t = 3 (last time 5). T = 4; gaps on [0, 1), [1, 2), [2, 3), [3, 4]: 0, 0.5, 0.25, 0.25, so
/// maximum 0.5 at t = 1, integral 0.5 + 0.25 + 0.25 = 1, mean 0.25.
///
/// No R function computes this; the fixture cross-checks it with an independent R computation
/// (`stepfun` on the same grid) on the pbc real-versus-synthetic pair.
public struct CurveDistance: Sendable, Equatable {
    /// T, the end of the common follow-up.
    public let horizon: Double
    /// max |Sₐ − S_b| on [0, T].
    public let maximumGap: Double
    /// The earliest t where the maximum gap is reached.
    public let maximumGapTime: Double
    /// ∫₀ᵀ |Sₐ − S_b| dt, in time units.
    public let integratedGap: Double

    /// The integrated gap per unit time, in [0, 1]; `nil` when the horizon is 0.
    public var meanGap: Double? { horizon > 0 ? integratedGap / horizon : nil }

    public init(_ a: KaplanMeierCurve, _ b: KaplanMeierCurve) {
        let horizon = Swift.min(a.lastTime, b.lastTime)
        // Merge the two sorted time lists into the grid G on [0, T].
        var grid: [Double] = [0]
        var i = 0, j = 0
        while i < a.times.count || j < b.times.count {
            let next: Double
            if j == b.times.count || (i < a.times.count && a.times[i] <= b.times[j]) {
                next = a.times[i]; i += 1
            } else {
                next = b.times[j]; j += 1
            }
            if next > horizon { break }
            if next > grid[grid.count - 1] { grid.append(next) }
        }
        var maximum = -1.0, maximumTime = 0.0, integral = 0.0
        for (k, t) in grid.enumerated() {
            let gap = Swift.abs(a.survival(at: t) - b.survival(at: t))
            if gap > maximum { maximum = gap; maximumTime = t }
            if k + 1 < grid.count { integral += gap * (grid[k + 1] - t) }
        }
        self.horizon = horizon
        self.maximumGap = maximum
        self.maximumGapTime = maximumTime
        self.integratedGap = integral
    }
}

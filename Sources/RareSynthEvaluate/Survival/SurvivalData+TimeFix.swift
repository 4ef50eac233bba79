extension SurvivalData {
    /// R's default tolerance for nearly equal times, `sqrt(.Machine$double.eps)` = 2⁻²⁶.
    public static let timeTolerance = Double.ulpOfOne.squareRoot()

    /// The data with nearly equal times made equal, as `survfit` and `survdiff` do by default
    /// (`timefix = TRUE`, R `survival::aeqSurv`, survival 3.5-3).
    ///
    /// Why: times that differ only by floating-point noise (7/10 vs 0.7) would otherwise be
    /// distinct times, so a death and a censoring meant to be tied would not be. R's rule, copied
    /// exactly: take the sorted distinct times y₁ < … < yₘ; the gap after yₖ is a tie when
    /// yₖ₊₁ − yₖ ≤ tol or (yₖ₊₁ − yₖ)/mean|y| ≤ tol; each run of tied values is replaced by its
    /// smallest member (`findInterval` on the untied cut points). With integer-valued times
    /// (days) nothing changes. The mean is a plain sum/count where R accumulates in long double;
    /// only a gap within an ulp of the threshold could be judged differently.
    public func mergingNearlyEqualTimes(tolerance: Double = SurvivalData.timeTolerance) -> SurvivalData {
        let distinct = Array(Set(times)).sorted()
        guard distinct.count > 1, tolerance > 0 else { return self }
        var sum = 0.0
        for y in distinct { sum += Swift.abs(y) }
        let mean = sum / Double(distinct.count)
        var replacement: [Double: Double] = [:]
        var cut = distinct[0]
        var changed = false
        for k in 1..<distinct.count {
            let gap = distinct[k] - distinct[k - 1]
            if gap <= tolerance || gap / mean <= tolerance {
                replacement[distinct[k]] = cut
                changed = true
            } else {
                cut = distinct[k]
            }
        }
        guard changed else { return self }
        return SurvivalData(validatedTimes: times.map { replacement[$0] ?? $0 }, events: events, groups: groups)
    }
}

import RareSynthNumerics

/// Draws from a normal distribution restricted to a union of intervals, by inversion.
///
/// Used for the latent variable of a conditioned column: a category is an interval of the latent
/// axis, a set of categories a union of them. Works in the upper tail through the symmetric
/// formula so that conditions far in a tail do not lose precision.
enum IntervalNormal {
    /// Probability that a standard normal lies in `[a, b]`, accurate in both tails.
    static func mass(_ a: Double, _ b: Double) -> Double {
        guard b > a else { return 0 }
        if a > 0 { return SpecialFunctions.normalCDF(-a) - SpecialFunctions.normalCDF(-b) }
        return SpecialFunctions.normalCDF(b) - SpecialFunctions.normalCDF(a)
    }

    /// A standard normal drawn inside `[a, b]` from the uniform `u` in (0, 1).
    static func draw(_ a: Double, _ b: Double, u: Double) -> Double {
        if a == b { return a }
        if a > 0 {
            // Upper tail: draw −Z in [−b, −a].
            return -draw(-b, -a, u: 1 - u)
        }
        let pa = SpecialFunctions.normalCDF(a), pb = SpecialFunctions.normalCDF(b)
        guard pb > pa else { return a.isFinite ? a : (b.isFinite ? b : 0) }
        let p = pa + u * (pb - pa)
        let x = SpecialFunctions.normalQuantile(min(max(p, Double.leastNonzeroMagnitude), 1 - 0x1p-53))
        return min(max(x, a), b)
    }

    /// A draw from `N(mean, sd²)` restricted to the union of `intervals` (in the variable's own
    /// units); `u1` picks the interval, `u2` the point.
    static func draw(mean: Double, sd: Double, intervals: [(Double, Double)], u1: Double, u2: Double) -> Double {
        if !(sd > 1e-12) {
            // No spread left: the value is the mean, moved into the nearest allowed interval.
            let nearest = intervals.min { distance($0, mean) < distance($1, mean) }!
            return min(max(mean, nearest.0), nearest.1)
        }
        if intervals.count == 1 {
            let (a, b) = intervals[0]
            if a == b { return a }
            return mean + sd * draw((a - mean) / sd, (b - mean) / sd, u: u2)
        }
        let masses = intervals.map { mass(($0.0 - mean) / sd, ($0.1 - mean) / sd) }
        let total = masses.reduce(0, +)
        var pick = intervals.count - 1
        if total > 0 {
            var running = 0.0
            for (k, m) in masses.enumerated() {
                running += m
                if u1 * total <= running { pick = k; break }
            }
        } else {
            // Every interval is beyond the reach of double precision: take the nearest one.
            pick = intervals.indices.min { distance(intervals[$0], mean) < distance(intervals[$1], mean) }!
        }
        let (a, b) = intervals[pick]
        if a == b { return a }
        return mean + sd * draw((a - mean) / sd, (b - mean) / sd, u: u2)
    }

    private static func distance(_ interval: (Double, Double), _ x: Double) -> Double {
        x < interval.0 ? interval.0 - x : (x > interval.1 ? x - interval.1 : 0)
    }
}

/// Newton's method kept inside a shrinking bracket: the root finder behind every inverse in this
/// module (the inverses of the incomplete gamma and beta functions).
///
/// The residual must increase with x on (lower, upper). A Newton step that leaves the bracket,
/// or a non-finite residual (a probability that underflowed), is replaced by bisection —
/// geometric when the bracket spans orders of magnitude, since quantiles of skewed families
/// can be 1e−300. The iteration stops when the step falls below a few ulp of x or stops
/// shrinking (the residual's rounding noise has been reached), so it always terminates.
enum MonotoneRootFinder {
    static func solve(
        start: Double, lower: Double, upper: Double, maxIterations: Int = 200,
        residual: (Double) -> (value: Double, slope: Double)
    ) -> Double {
        var low = lower
        var high = upper
        var x = start
        if !(x > low && x < high) { x = bisect(low, high) }
        var previousStep = Double.infinity
        for iteration in 0..<maxIterations {
            let (value, slope) = residual(x)
            if value == 0 { return x }
            if value.isNaN { return x }
            if value < 0 { low = x } else { high = x }
            let newton = x - value / slope
            let usedNewton = value.isFinite && slope.isFinite && slope > 0 && newton > low && newton < high
            let next = usedNewton ? newton : bisect(low, high)
            let step = abs(next - x)
            if step <= 2e-16 * abs(next) || next == low || next == high { return next }
            if usedNewton, iteration >= 4, step >= 0.5 * previousStep, step <= 1e-11 * abs(next) {
                return next
            }
            if usedNewton { previousStep = step }
            x = next
        }
        return x
    }

    /// The midpoint of the bracket, geometric when both ends are positive and far apart.
    private static func bisect(_ low: Double, _ high: Double) -> Double {
        if high.isInfinite { return low > 0 ? 4 * low : low + 1 }
        if low.isInfinite { return high < 0 ? 4 * high : high - 1 }
        if low > 0, high > 16 * low { return low.squareRoot() * high.squareRoot() }
        if low == 0, high > 0 {
            // Geometric towards the smallest Double: roots as small as 1e−300 are reached in
            // about ten bisections instead of hundreds.
            return high > 1e-150 ? 1e-150 * high.squareRoot() : high / 16
        }
        return 0.5 * (low + high)
    }
}

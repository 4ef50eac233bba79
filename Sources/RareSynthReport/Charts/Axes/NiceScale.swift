import Foundation

/// Axis bounds and tick positions at "nice" round numbers: 1, 2 or 5 times a power of ten.
///
/// Heckbert's loose labelling ("Nice numbers for graph labels", Graphics Gems, 1990, pp. 61–63):
/// the step is the nice number nearest to range / (ticks − 1) (mantissa < 1.5 → 1, < 3 → 2,
/// < 7 → 5, else 10), and the bounds are the data bounds rounded outwards to multiples of the
/// step. So `105…543` with 5 ticks gives `100, 200, …, 600`, and `0…1` gives `0, 0.2, …, 1`.
/// Heckbert first rounds the range itself up to a nice number; that step is left out here (as in
/// d3's `ticks` and matplotlib's `MaxNLocator`) because it can leave a third of the axis empty:
/// a follow-up of 0…1022 days gets `0, 200, …, 1200` instead of `0, 500, 1000, 1500`. The tick
/// count is then between about 0.7 and 1.7 times the target.
///
/// Ticks are computed as k·m·10^e from integers (dividing by 10^−e for negative exponents)
/// rather than by repeated addition, so `0.3` is the double nearest 0.3, not
/// `0.30000000000000004`, and the labels need no cleaning.
public struct NiceScale: Sendable, Equatable {
    /// The lower axis bound, a multiple of `step`, ≤ the data minimum.
    public let lower: Double
    /// The upper axis bound, a multiple of `step`, ≥ the data maximum.
    public let upper: Double
    /// The distance between ticks, m·10^e with m ∈ {1, 2, 5}.
    public let step: Double
    /// The tick positions from `lower` to `upper`.
    public let ticks: [Double]
    /// The decimals needed to tell ticks apart: max(0, −floor(log10 step)).
    public let fractionDigits: Int
    /// The power of ten of `step` (step = m·10^exponent).
    public let exponent: Int

    /// Nice bounds and about `targetTickCount` ticks (≥ 2) covering `[min, max]`.
    ///
    /// Degenerate input still gives a usable axis: the bounds are swapped if reversed; a single
    /// value v is widened to v ± 10 % (0 ± 1 for zero); non-finite bounds become `0…1`.
    public init(min: Double, max: Double, targetTickCount: Int = 5) {
        var lo = min, hi = max
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if lo > hi { swap(&lo, &hi) }
        if lo == hi {
            let pad = lo == 0 ? 1 : Swift.abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let count = Swift.max(2, targetTickCount)
        let width = hi - lo
        // Outside ~1e±290 the powers of ten below overflow; such an axis gets its two bounds.
        guard width.isFinite, width > 1e-290, width < 1e290 else {
            self.init(fallbackLower: lo, upper: hi)
            return
        }
        let (mantissa, exponent) = Self.niceMantissa(width / Double(count - 1), rounding: true)
        let step = Self.value(mantissa, exponent)
        // Tolerance so that a bound already on a tick (0.3 with step 0.1) is not pushed a step out.
        let low = (lo / step + 1e-9).rounded(.down), high = (hi / step - 1e-9).rounded(.up)
        guard Swift.abs(low) < 1e15, Swift.abs(high) < 1e15 else {
            self.init(fallbackLower: lo, upper: hi)
            return
        }
        let kLow = Int(low), kHigh = Swift.max(Int(low) + 1, Int(high))
        let ticks = (kLow...kHigh).map { Self.value($0 * mantissa, exponent) }
        let stepExponent = mantissa == 10 ? exponent + 1 : exponent
        self.init(ticks: ticks, step: step, exponent: stepExponent)
    }

    private init(ticks: [Double], step: Double, exponent: Int) {
        self.ticks = ticks
        self.lower = ticks[0]
        self.upper = ticks[ticks.count - 1]
        self.step = step
        self.exponent = exponent
        self.fractionDigits = Swift.min(9, Swift.max(0, -exponent))
    }

    /// Two ticks at the bounds themselves, for ranges the nice-number arithmetic cannot handle.
    private init(fallbackLower lo: Double, upper hi: Double) {
        let lo = lo.isFinite ? lo : -Double.greatestFiniteMagnitude
        let hi = hi.isFinite && hi > lo ? hi : lo.nextUp
        let step = hi - lo
        let exponent = step.isFinite && step > 0 ? Int(log10(step).rounded(.down)) : 0
        self.init(ticks: [lo, hi], step: step, exponent: exponent)
    }

    /// Heckbert's `nicenum`: the nice mantissa m ∈ {1, 2, 5, 10} and exponent e for x = f·10^e,
    /// 1 ≤ f < 10, rounded to the nearest (`rounding`) or taken as the ceiling.
    static func niceMantissa(_ x: Double, rounding: Bool) -> (Int, Int) {
        var e = Int(log10(x).rounded(.down))
        var f = x / value(1, e)
        // log10 can be off by one ulp near powers of ten.
        if f >= 10 { e += 1; f = x / value(1, e) } else if f < 1 { e -= 1; f = x / value(1, e) }
        let m: Int
        if rounding {
            m = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10
        } else {
            m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        }
        return (m, e)
    }

    /// k·10^e, correctly rounded when |e| ≤ 22 (powers of ten up to 1e22 are exact doubles).
    static func value(_ k: Int, _ e: Int) -> Double {
        var p = 1.0
        for _ in 0..<Swift.abs(e) { p *= 10 }
        return e >= 0 ? Double(k) * p : Double(k) / p
    }
}

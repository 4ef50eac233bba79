/// The rectangle where data are drawn, and the linear maps from data to viewBox coordinates.
///
/// x grows to the right from `left`; y is flipped so larger values are higher. Values outside
/// the domain map outside the rectangle (the charts clamp what they draw); a zero-width domain
/// maps everything to the middle rather than dividing by zero.
struct PlotArea: Sendable {
    var left: Double
    var top: Double
    var width: Double
    var height: Double
    var xDomain: (lower: Double, upper: Double)
    var yDomain: (lower: Double, upper: Double)

    var right: Double { left + width }
    var bottom: Double { top + height }

    func x(_ value: Double) -> Double {
        let span = xDomain.upper - xDomain.lower
        guard span > 0, span.isFinite else { return left + width / 2 }
        return left + (value - xDomain.lower) / span * width
    }

    func y(_ value: Double) -> Double {
        let span = yDomain.upper - yDomain.lower
        guard span > 0, span.isFinite else { return top + height / 2 }
        return bottom - (value - yDomain.lower) / span * height
    }

    /// `x(value)` limited to the plot rectangle (plus `slack`), for marks that must not spill.
    func clampedX(_ value: Double, slack: Double = 0) -> Double {
        Swift.max(left - slack, Swift.min(right + slack, x(value)))
    }

    func clampedY(_ value: Double, slack: Double = 0) -> Double {
        Swift.max(top - slack, Swift.min(bottom + slack, y(value)))
    }
}

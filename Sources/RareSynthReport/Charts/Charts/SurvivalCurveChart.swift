/// Step-function curves on a 0–1 y axis with shaded confidence bands: Kaplan–Meier survival
/// curves of the real and synthetic data (or of groups within each).
///
/// Each series gives the event times and the survival just after each (as R's `survfit` and
/// ``KaplanMeierCurve`` in RareSynthEvaluate report them); the curve starts at S = 1 at time 0
/// (or at the first time if that is negative) and holds each value until the next time, to
/// the last time. A band is drawn as a step-shaped polygon wherever both limits are present (R
/// leaves them undefined where S = 0 or the variance is infinite); censoring times get a small
/// vertical tick on the curve. Series marked `dashed` (synthetic) are dashed, so curves that lie
/// on top of each other stay distinguishable and survive greyscale printing.
public struct SurvivalCurveChart: SVGChart {
    public struct Series: Sendable, Equatable {
        public var name: String
        /// Increasing event (or all distinct) times.
        public var times: [Double]
        /// S(t) just after each time, in [0, 1].
        public var survival: [Double]
        /// Lower and upper confidence limits at each time (nil where undefined), or empty.
        public var lower: [Double?]
        public var upper: [Double?]
        /// Times at which subjects were censored, marked on the curve; empty for none.
        public var censorTimes: [Double]
        public var color: String
        public var dashed: Bool

        public init(name: String, times: [Double], survival: [Double], lower: [Double?] = [], upper: [Double?] = [],
                    censorTimes: [Double] = [], color: String, dashed: Bool = false) {
            self.name = name
            self.times = times
            self.survival = survival
            self.lower = lower
            self.upper = upper
            self.censorTimes = censorTimes
            self.color = color
            self.dashed = dashed
        }

        /// The points that can be drawn: finite, time-ordered, survival clamped to [0, 1].
        func cleaned() -> (times: [Double], survival: [Double], lower: [Double?], upper: [Double?]) {
            var t: [Double] = [], s: [Double] = [], lo: [Double?] = [], hi: [Double?] = []
            let hasBand = lower.count == times.count && upper.count == times.count
            for i in 0..<Swift.min(times.count, survival.count) {
                guard times[i].isFinite, survival[i].isFinite, t.last.map({ times[i] > $0 }) ?? true else { continue }
                t.append(times[i])
                s.append(Swift.max(0, Swift.min(1, survival[i])))
                let l = hasBand ? lower[i].flatMap { $0.isFinite ? Swift.max(0, Swift.min(1, $0)) : nil } : nil
                let u = hasBand ? upper[i].flatMap { $0.isFinite ? Swift.max(0, Swift.min(1, $0)) : nil } : nil
                lo.append(l != nil && u != nil ? l : nil)
                hi.append(l != nil && u != nil ? u : nil)
            }
            return (t, s, lo, hi)
        }
    }

    public var title: String
    public var xTitle: String
    public var yTitle: String
    public var series: [Series]
    /// Whether censoring ticks are drawn.
    public var showsCensorMarks: Bool
    /// The legend entry's note for the bands, e.g. "95% CI"; empty for none.
    public var bandLabel: String
    public var width = 640.0
    public var height = 380.0
    public var description: String?

    public init(title: String, xTitle: String = "Time", yTitle: String = "Survival probability", series: [Series],
                showsCensorMarks: Bool = true, bandLabel: String = "95% CI") {
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.series = series
        self.showsCensorMarks = showsCensorMarks
        self.bandLabel = bandLabel
    }

    public func svg() -> String {
        let cleaned = series.map { $0.cleaned() }
        let nonEmpty = zip(series, cleaned).filter { !$0.1.times.isEmpty }
        guard !nonEmpty.isEmpty else {
            return NoDataChart(title: title, reason: "no curve has a finite time and survival", width: width).svg()
        }
        let allTimes = nonEmpty.flatMap { $0.1.times }
        let start = Swift.min(0, allTimes.min() ?? 0)
        let end = allTimes.max() ?? 1
        var w = SVGWriter()
        let hasBands = nonEmpty.contains { $0.1.lower.contains { $0 != nil } }
        let legend = nonEmpty.map { s, c in
            ChartHeader.LegendEntry(label: s.name + (hasBands && c.lower.contains { $0 != nil } && !bandLabel.isEmpty ? " (" + bandLabel + ")" : ""),
                                    swatch: c.lower.contains { $0 != nil } ? .band(color: s.color, dashed: s.dashed) : .line(color: s.color, dashed: s.dashed))
        }
        let top = ChartHeader.draw(title: title, legend: legend, width: width, into: &w)
        let xTicks = AxisTicks(min: start, max: end, targetCount: 6)
        let yTicks = AxisTicks(fixedLower: 0, fixedUpper: 1, targetCount: 5)
        let left = AxisRenderer.leftMargin(yTicks, title: yTitle)
        let plot = PlotArea(left: left, top: top + 6, width: width - left - AxisRenderer.rightMargin(xTicks),
                            height: height - top - 6 - AxisRenderer.bottomMargin(title: xTitle),
                            xDomain: (xTicks.lower, xTicks.upper), yDomain: (0, 1))
        AxisRenderer.drawGrid(x: xTicks, y: yTicks, plot: plot, into: &w)
        // Steps closer than half a pixel are drawn as one: a 100,000-patient curve has tens of
        // thousands of steps, which would make the page megabytes long and look the same.
        let quantum = (xTicks.upper - xTicks.lower) / Swift.max(1, plot.width) / 2
        let steps = nonEmpty.map { $0.1.times.count }
        let drawable: [(Series, Points)] = nonEmpty.map { ($0.0, Self.thinned($0.1, quantum: quantum)) }
        // Bands first, under every curve.
        for (s, c) in drawable {
            let band = Self.bandPath(c, plot: plot)
            if !band.isEmpty {
                w.element("path", ["d": .text(band.d), "fill": .text(s.color), "fill-opacity": 0.15, "stroke": "none"])
            }
        }
        for (s, c) in drawable {
            var path = SVGPath()
            path.move(plot.x(start), plot.y(1))
            var level = 1.0
            for (t, v) in zip(c.times, c.survival) {
                path.line(plot.x(t), plot.y(level))
                path.line(plot.x(t), plot.y(v))
                level = v
            }
            w.group("path", ["d": .text(path.d), "fill": "none", "stroke": .text(s.color), "stroke-width": 2,
                             "stroke-dasharray": .text(s.dashed ? "6 3" : "none"), "stroke-linejoin": "miter"]) { $0.title(s.name) }
            if showsCensorMarks {
                var marks = SVGPath()
                var drawn = Set<SIMD2<Int>>()
                for t in s.censorTimes where t.isFinite && t >= start && t <= end {
                    let v = Self.step(c.times, c.survival, at: t)
                    // One tick per half pixel: more would overdraw the same spot.
                    guard drawn.insert(SIMD2(Int((plot.x(t) * 2).rounded()), Int((plot.y(v) * 2).rounded()))).inserted else { continue }
                    marks.move(plot.x(t), plot.y(v) - 4)
                    marks.line(plot.x(t), plot.y(v) + 4)
                }
                if !marks.isEmpty {
                    w.element("path", ["d": .text(marks.d), "stroke": .text(s.color), "stroke-width": 1.2])
                }
            }
        }
        AxisRenderer.drawXAxis(xTicks, title: xTitle, plot: plot, into: &w)
        AxisRenderer.drawYAxis(yTicks, title: yTitle, plot: plot, into: &w)
        let summary = description ?? "Step curves of \(yTitle.lowercased()) against \(xTitle.lowercased()): "
            + zip(drawable, steps).map { (d: (Series, Points), n: Int) -> String in
                "\(d.0.name) (\(n) steps, ends at " + FixedDecimal.format(d.1.survival.last ?? 1, fractionDigits: 3) + ")"
            }
                .joined(separator: "; ") + "."
        return SVGDocument(width: width, height: height, title: title, description: summary).render(w)
    }

    typealias Points = (times: [Double], survival: [Double], lower: [Double?], upper: [Double?])

    /// Merges each run of consecutive times within `quantum` of the run's first time into one
    /// step: at the first time, to the run's last survival (the curve only falls, so the merged
    /// vertical covers every step in between), with the widest band of the run (lowest lower,
    /// highest upper limit), so thinning never narrows a band. Runs do not mix rows with and
    /// without a band.
    static func thinned(_ c: Points, quantum: Double) -> Points {
        let n = c.times.count
        guard quantum > 0, n > 1 else { return c }
        var out: Points = ([], [], [], [])
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && c.times[j + 1] - c.times[i] < quantum && (c.lower[j + 1] == nil) == (c.lower[i] == nil) { j += 1 }
            out.times.append(c.times[i])
            out.survival.append(c.survival[j])
            if c.lower[i] != nil {
                out.lower.append(c.lower[i...j].compactMap { $0 }.min())
                out.upper.append(c.upper[i...j].compactMap { $0 }.max())
            } else {
                out.lower.append(nil)
                out.upper.append(nil)
            }
            i = j + 1
        }
        return out
    }

    /// S(t): the survival after the last time ≤ t, 1 before the first.
    static func step(_ times: [Double], _ survival: [Double], at t: Double) -> Double {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 1 : survival[lo - 1]
    }

    /// One closed step polygon per run of consecutive times with both limits: the upper limit
    /// left to right, then the lower limit back. Row i's limits hold from times[i] to the next time
    /// (the last row's to the last time, where the band has no width: nothing is known beyond).
    static func bandPath(_ c: (times: [Double], survival: [Double], lower: [Double?], upper: [Double?]), plot: PlotArea) -> SVGPath {
        var path = SVGPath()
        let n = c.times.count
        var i = 0
        while i < n {
            guard c.lower[i] != nil else { i += 1; continue }
            var j = i
            while j + 1 < n && c.lower[j + 1] != nil { j += 1 }
            // Run i…j; each row k spans [t_k, t_{k+1}) (the run's end at t_{j+1} if it exists).
            let endTime = j + 1 < n ? c.times[j + 1] : c.times[j]
            if endTime > c.times[i] {
                path.move(plot.x(c.times[i]), plot.y(c.upper[i]!))
                for k in i...j {
                    let to = k + 1 < n ? c.times[k + 1] : c.times[k]
                    path.line(plot.x(c.times[k]), plot.y(c.upper[k]!))
                    path.line(plot.x(to), plot.y(c.upper[k]!))
                }
                for k in stride(from: j, through: i, by: -1) {
                    let to = k + 1 < n ? c.times[k + 1] : c.times[k]
                    path.line(plot.x(to), plot.y(c.lower[k]!))
                    path.line(plot.x(c.times[k]), plot.y(c.lower[k]!))
                }
                path.close()
            }
            i = j + 1
        }
        return path
    }
}

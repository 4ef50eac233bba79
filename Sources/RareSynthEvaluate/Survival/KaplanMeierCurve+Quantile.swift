extension KaplanMeierCurve {
    /// The median survival time and its confidence interval as R's `quantile(fit, 0.5)` gives
    /// them (see ``quantile(_:confidence:level:)``).
    public func median(confidence type: SurvivalConfidenceType = .log, level: Double = 0.95) -> SurvivalQuantile {
        quantile(0.5, confidence: type, level: level)
    }

    /// The time by which a fraction `p` has had the event, with its confidence interval, exactly
    /// as R's `quantile.survfit` (survival 3.5-3, internal `doquant` / `findq`) computes it.
    ///
    /// The estimate comes from S, the lower limit from the lower confidence curve and the upper
    /// limit from the upper one (`confidenceBand(type, level:)`). For one curve y, R works on
    /// x = (0, t₁, …, tₘ) and y = (0, 1 − y₁, …, 1 − yₘ) with tol = √ε:
    /// 1. if max y < p (NAs ignored): not reached;
    /// 2. repeated y values are dropped, keeping the first (the time the value was reached);
    /// 3. i₁ = the point with the smallest y + tol ≥ p, i₂ = the one with the smallest
    ///    y − tol ≥ p (`approx(..., method = "constant", f = 1)`, which sorts by y and skips NAs);
    ///    the quantile is (x[i₁] + x[i₂])/2. So when S equals 1 − p (within tol) on a flat stretch
    ///    the result is the **midpoint** of the stretch, from the time S reached 1 − p to the time
    ///    it dropped below; otherwise both points coincide at the first time S ≤ 1 − p;
    /// 4. if the last distinct y equals p (within tol), i.e. the curve ends flat at 1 − p, the
    ///    quantile is (x[i₁] + last time)/2;
    /// 5. p = 0 gives 0.
    /// A non-monotone upper curve (it can rise where the log-scale error grows) is handled as R
    /// does: "smallest y ≥ p" after sorting, not "first crossing".
    ///
    /// Note: `print(fit)` reports the median by a different rule (``printedMedian(confidence:level:)``);
    /// the two differ only when S ends on a flat stretch at exactly 0.5.
    public func quantile(_ p: Double, confidence type: SurvivalConfidenceType = .log,
                         level: Double = 0.95) -> SurvivalQuantile {
        let band = confidenceBand(type, level: level)
        let x = [0.0] + times
        func complement(_ curve: [Double?]) -> [Double?] { [0.0] + curve.map { $0.map { 1 - $0 } } }
        return SurvivalQuantile(
            probability: p,
            estimate: Self.findQuantile(x: x, y: complement(survival.map { $0 }), p: p),
            lower: Self.findQuantile(x: x, y: complement(band.lower), p: p),
            upper: Self.findQuantile(x: x, y: complement(band.upper), p: p))
    }

    /// The median and its limits as `print(fit)` and `summary(fit)$table` report them (R
    /// `survival:::survmean`, inner function `minmin`, survival 3.5-3).
    ///
    /// On each curve y (S, lower, upper) over the times t, with tol = √ε: keep the rows with
    /// y < 0.5 + tol (NAs dropped); none → not reached. If the first kept y is 0.5 within tol
    /// and some later kept y is smaller, the median is the midpoint between the first kept time
    /// and the first time with a smaller y; otherwise it is the first kept time. Unlike
    /// ``quantile(_:confidence:level:)``, a curve that ends flat at 0.5 gives the start of the
    /// flat stretch, not its midpoint with the last time.
    public func printedMedian(confidence type: SurvivalConfidenceType = .log, level: Double = 0.95) -> SurvivalQuantile {
        let band = confidenceBand(type, level: level)
        return SurvivalQuantile(probability: 0.5,
                                estimate: Self.firstBelowHalf(y: survival.map { $0 }, x: times),
                                lower: Self.firstBelowHalf(y: band.lower, x: times),
                                upper: Self.firstBelowHalf(y: band.upper, x: times))
    }

    /// R's tolerance in both rules, `sqrt(.Machine$double.eps)`.
    static let quantileTolerance = Double.ulpOfOne.squareRoot()

    /// `survival:::findq(x, y, p, tol)` for one probability; `nil` entries of y are R's NAs.
    static func findQuantile(x allX: [Double], y allY: [Double?], p: Double) -> Double? {
        let tol = quantileTolerance
        guard let maxY = allY.compactMap({ $0 }).max(), maxY >= p else { return nil }
        let xmax = allX[allX.count - 1]
        // `duplicated(y)`: keep the first occurrence of each value (NA counts as one value).
        var x: [Double] = []
        var y: [Double?] = []
        var seen = Set<Double>()
        var seenMissing = false
        for (xi, yi) in zip(allX, allY) {
            if let v = yi {
                if seen.insert(v).inserted { x.append(xi); y.append(v) }
            } else if !seenMissing {
                seenMissing = true
                x.append(xi); y.append(nil)
            }
        }
        let i1 = constantApproxIndex(keys: y.map { $0.map { $0 + tol } }, at: p)
        let i2 = constantApproxIndex(keys: y.map { $0.map { $0 - tol } }, at: p)
        // R's order of overrides: the midpoint, then p = 0, then the flat end.
        var quantile: Double? = nil
        if let i1, let i2 { quantile = (x[i1] + x[i2]) / 2 }
        if p == 0 { quantile = x[0] }
        if let last = y[y.count - 1], Swift.abs(p - last) < tol { quantile = i1.map { (x[$0] + xmax) / 2 } }
        return quantile
    }

    /// `approx(keys, 1:n, v, method = "constant", f = 1, rule = 1)$y` turned into a 0-based
    /// index: NA keys are dropped, the rest sorted; outside [min, max] → nil; otherwise the index
    /// of the point with the smallest key ≥ v. Points sharing that key are collapsed to the mean
    /// of their (1-based) indices, which R then truncates when subscripting.
    static func constantApproxIndex(keys: [Double?], at v: Double) -> Int? {
        var best: Double?
        var indexSum = 0.0, indexCount = 0.0
        var minKey = Double.infinity, maxKey = -Double.infinity
        for (i, key) in keys.enumerated() {
            guard let key else { continue }
            minKey = Swift.min(minKey, key)
            maxKey = Swift.max(maxKey, key)
            guard key >= v else { continue }
            if best == nil || key < best! {
                best = key
                indexSum = Double(i + 1)
                indexCount = 1
            } else if key == best! {
                indexSum += Double(i + 1)
                indexCount += 1
            }
        }
        guard v >= minKey, v <= maxKey, best != nil else { return nil }
        return Int((indexSum / indexCount).rounded(.towardZero)) - 1
    }

    /// `survmean`'s `minmin(y, x)` at 0.5.
    static func firstBelowHalf(y: [Double?], x: [Double]) -> Double? {
        let tol = quantileTolerance
        var first: (x: Double, y: Double)?
        for (xi, yi) in zip(x, y) {
            guard let v = yi, v < 0.5 + tol else { continue }
            guard let f = first else {
                first = (xi, v)
                if Swift.abs(v - 0.5) >= tol { return xi }
                continue
            }
            if v < f.y { return (f.x + xi) / 2 }
        }
        return first?.x
    }
}

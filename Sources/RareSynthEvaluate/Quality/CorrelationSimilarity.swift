/// SDMetrics' CorrelationSimilarity: 1 − |ρ_real − ρ_synthetic| / 2 for two continuous columns.
///
/// Source: `sdmetrics/column_pairs/statistical/correlation_similarity.py` (0.32.0) and
/// `scipy.stats.pearsonr`. The quality report uses the default coefficient, **Pearson** (not
/// Spearman), on datetimes as int64 nanoseconds. In order:
/// 1. a column with exactly one distinct non-missing value in either table is an error
///    (`ConstantInputError`), checked before missing rows are dropped;
/// 2. rows missing either value are dropped, per table; fewer than two rows left is an error;
/// 3. ρ_real; when |ρ_real| ≤ the threshold (the report passes 0.5), the score is NaN and
///    ρ_synthetic is not computed;
/// 4. ρ_synthetic; the score is NaN when either ρ is NaN (a column constant after dropping rows).
public enum CorrelationSimilarity {
    /// The score with the two correlations it compares.
    public struct Breakdown: Sendable, Equatable {
        /// 1 − |real − synthetic| / 2, or `nil` (SDMetrics: NaN).
        public var score: Double?
        /// Pearson's ρ of the real pair, or `nil` when undefined.
        public var real: Double?
        /// Pearson's ρ of the synthetic pair, or `nil` when undefined or not computed.
        public var synthetic: Double?
    }

    /// The breakdown for a pair of numeric columns (`nil` or NaN is missing).
    /// - Parameter names: used only in error messages.
    public static func breakdown(real: ([Double?], [Double?]), synthetic: ([Double?], [Double?]),
                                 names: (String, String) = ("column 1", "column 2"),
                                 realCorrelationThreshold: Double = 0) throws(MetricError) -> Breakdown {
        func plain(_ v: [Double?]) -> [Double] { v.map { $0 ?? .nan } }
        let rx = plain(real.0), ry = plain(real.1), sx = plain(synthetic.0), sy = plain(synthetic.1)
        try checkNotConstant(names: names, real: (hasOneValue(rx), hasOneValue(ry)),
                             synthetic: (hasOneValue(sx), hasOneValue(sy)))
        return try breakdown(real: (rx, ry), synthetic: (sx, sy), realCorrelationThreshold: realCorrelationThreshold)
    }

    /// Step 1, from per-column flags computed once per column by the report.
    static func checkNotConstant(names: (String, String), real: (Bool, Bool),
                                 synthetic: (Bool, Bool)) throws(MetricError) {
        func constant(_ flags: (Bool, Bool)) -> [String] {
            (flags.0 ? [names.0] : []) + (flags.1 ? [names.1] : [])
        }
        let inReal = constant(real)
        if !inReal.isEmpty { throw .constantInput(columns: inReal, inSyntheticData: false) }
        let inSynthetic = constant(synthetic)
        if !inSynthetic.isEmpty { throw .constantInput(columns: inSynthetic, inSyntheticData: true) }
    }

    /// Steps 2–4 on NaN-for-missing columns whose constancy has been checked.
    static func breakdown(real: ([Double], [Double]), synthetic: ([Double], [Double]),
                          realCorrelationThreshold: Double) throws(MetricError) -> Breakdown {
        let rho = try pearson(real.0, real.1)
        if let rho, Swift.abs(rho) <= realCorrelationThreshold {
            return Breakdown(score: nil, real: rho, synthetic: nil)
        }
        let sigma = try pearson(synthetic.0, synthetic.1)
        guard let rho, let sigma else { return Breakdown(score: nil, real: rho, synthetic: sigma) }
        return Breakdown(score: 1 - Swift.abs(rho - sigma) / 2, real: rho, synthetic: sigma)
    }

    /// pandas' `nunique() == 1`: exactly one distinct non-missing value.
    static func hasOneValue(_ values: [Double]) -> Bool {
        var first: Double?
        for v in values where !v.isNaN {
            if let f = first { if v != f { return false } } else { first = v }
        }
        return first != nil
    }

    /// `scipy.stats.pearsonr` on the rows where both values are present: exactly ±1 for two rows,
    /// clipped to [−1, 1], `nil` when a side is constant.
    ///
    /// Two passes over the columns, skipping incomplete rows in place instead of copying the
    /// complete ones out: means, then the centred sums of squares and products, r = Sxy / √(Sxx Syy).
    /// scipy scales by ‖x − x̄‖ before its dot product instead; the two agree to rounding (~1e-16),
    /// and the scaled form is used here too if the products overflow. Sums are accumulated in blocks
    /// of 1,024 rows so their rounding error stays near numpy's pairwise summation.
    /// - Throws: ``MetricError/tooFewRows(_:)`` below two complete rows.
    static func pearson(_ x: [Double], _ y: [Double]) throws(MetricError) -> Double? {
        precondition(x.count == y.count, "paired columns must have equal length")
        let moments = x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in CoMoments(x, y) }
        }
        guard moments.n >= 2 else { throw .tooFewRows(moments.n) }
        guard moments.xVaries, moments.yVaries else { return nil }
        var r = moments.sxy / (moments.sxx.squareRoot() * moments.syy.squareRoot())
        if !r.isFinite {
            r = x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in moments.scaledCorrelation(x, y) }
            }
        }
        if r.isNaN { return nil }  // before clipping: Swift.max(-1, .nan) is -1
        r = Swift.min(1, Swift.max(-1, r))
        if moments.n == 2 { r = r.rounded(.toNearestOrEven) }
        return r
    }
}

/// The complete-row count, means and centred second moments of two columns (NaN is missing).
///
/// Two branch-free passes, four rows at a time (an incomplete row contributes zeros), with the
/// lane sums added up every 1,024 rows so rounding error stays near numpy's pairwise summation.
private struct CoMoments {
    static let block = 1024

    var n = 0
    var xMean = 0.0, yMean = 0.0
    var sxx = 0.0, syy = 0.0, sxy = 0.0
    var xVaries = false, yVaries = false

    @inline(__always)
    private static func load(_ p: UnsafeBufferPointer<Double>, _ i: Int) -> SIMD4<Double> {
        UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: SIMD4<Double>.self)
    }

    init(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>) {
        let count = x.count
        // The first complete row: a side is constant when every complete row equals it.
        guard let first = (0..<count).first(where: { !x[$0].isNaN && !y[$0].isNaN }) else { return }
        let x0 = SIMD4<Double>(repeating: x[first]), y0 = SIMD4<Double>(repeating: y[first])
        var sumX = 0.0, sumY = 0.0
        var tally = SIMD4<Int64>.zero, xSame = SIMD4<Int64>.zero, ySame = SIMD4<Int64>.zero
        var start = 0
        while start < count {
            let end = Swift.min(start + Self.block, count)
            var bx = SIMD4<Double>.zero, by = SIMD4<Double>.zero
            var i = start
            while i < end {
                let xv: SIMD4<Double>, yv: SIMD4<Double>
                if i + 4 <= end {
                    xv = Self.load(x, i); yv = Self.load(y, i)
                } else {  // the tail, padded with missing rows
                    var xs = SIMD4<Double>(repeating: .nan), ys = SIMD4<Double>(repeating: .nan)
                    for k in 0..<(end - i) { xs[k] = x[i + k]; ys[k] = y[i + k] }
                    xv = xs; yv = ys
                }
                let complete = (xv .== xv) .& (yv .== yv)
                tally &+= SIMD4<Int64>.zero.replacing(with: 1, where: complete)
                xSame &+= SIMD4<Int64>.zero.replacing(with: 1, where: complete .& (xv .== x0))
                ySame &+= SIMD4<Int64>.zero.replacing(with: 1, where: complete .& (yv .== y0))
                bx += xv.replacing(with: 0, where: .!complete)
                by += yv.replacing(with: 0, where: .!complete)
                i += 4
            }
            sumX += bx.sum(); sumY += by.sum()
            start = end
        }
        n = Int(tally.wrappedSum())
        xVaries = xSame.wrappedSum() != tally.wrappedSum()
        yVaries = ySame.wrappedSum() != tally.wrappedSum()
        xMean = sumX / Double(n)
        yMean = sumY / Double(n)
        let mx = SIMD4<Double>(repeating: xMean), my = SIMD4<Double>(repeating: yMean)
        start = 0
        while start < count {
            let end = Swift.min(start + Self.block, count)
            var bxx = SIMD4<Double>.zero, byy = SIMD4<Double>.zero, bxy = SIMD4<Double>.zero
            var i = start
            while i < end {
                let xv: SIMD4<Double>, yv: SIMD4<Double>
                if i + 4 <= end {
                    xv = Self.load(x, i); yv = Self.load(y, i)
                } else {
                    var xs = SIMD4<Double>(repeating: .nan), ys = SIMD4<Double>(repeating: .nan)
                    for k in 0..<(end - i) { xs[k] = x[i + k]; ys[k] = y[i + k] }
                    xv = xs; yv = ys
                }
                let complete = (xv .== xv) .& (yv .== yv)
                let dx = (xv - mx).replacing(with: 0, where: .!complete)
                let dy = (yv - my).replacing(with: 0, where: .!complete)
                bxx += dx * dx; byy += dy * dy; bxy += dx * dy
                i += 4
            }
            sxx += bxx.sum(); syy += byy.sum(); sxy += bxy.sum()
            start = end
        }
    }

    /// scipy's overflow-safe form: deviations divided by their largest magnitude before squaring.
    func scaledCorrelation(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>) -> Double {
        var xMax = 0.0, yMax = 0.0
        for i in 0..<x.count where !x[i].isNaN && !y[i].isNaN {
            xMax = Swift.max(xMax, Swift.abs(x[i] - xMean))
            yMax = Swift.max(yMax, Swift.abs(y[i] - yMean))
        }
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for i in 0..<x.count where !x[i].isNaN && !y[i].isNaN {
            let dx = (x[i] - xMean) / xMax, dy = (y[i] - yMean) / yMax
            sxx += dx * dx; syy += dy * dy; sxy += dx * dy
        }
        return sxy / (sxx.squareRoot() * syy.squareRoot())
    }
}

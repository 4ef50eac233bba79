/// Summary of a column that every `fit` needs first: validity, extremes and the amount by which
/// bounded families widen their support past the extremes.
struct FitData {
    let values: [Double]
    let minimum: Double
    let maximum: Double

    /// nil for fewer than two values, any non-finite value or a constant column: no family here
    /// can be fitted to those (a constant column is the caller's special case).
    init?(_ data: [Double]) {
        guard data.count >= 2 else { return nil }
        var minimum = Double.infinity
        var maximum = -Double.infinity
        for x in data {
            guard x.isFinite else { return nil }
            minimum = Swift.min(minimum, x)
            maximum = Swift.max(maximum, x)
        }
        guard maximum > minimum else { return nil }
        self.values = data
        self.minimum = minimum
        self.maximum = maximum
    }

    var count: Int { values.count }
    var range: Double { maximum - minimum }

    /// range/(n + 1): the expected gap between the extreme of a uniform sample of size n and the
    /// end of its support. Beta, Gamma and LogNormal put their support's open end this far past
    /// the data so that the extreme observations have finite log density (a Beta on exactly
    /// [min, max] would give log 0 at both data extremes and a NaN fit).
    var widening: Double { range / Double(count + 1) }
}

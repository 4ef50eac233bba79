import Foundation

/// Death as a piecewise-constant hazard over age: hazard hₖ per year from age `starts[k]` to
/// the next start, the last band open-ended.
///
/// Specs give mortality either as annual death rates by age band (registries publish those) or
/// as survival at given ages (a published Kaplan–Meier or life-table curve); survival points
/// S(a₁) > S(a₂) > … become the bands' constant hazards log(S(aᵢ₋₁)/S(aᵢ)) / (aᵢ − aᵢ₋₁), which
/// reproduce the curve exactly at the given ages. A death age is then drawn exactly by
/// inverting the cumulative hazard: conditionally on being alive at age a, death comes at
/// H⁻¹(H(a) + E) with E ~ Exp(1).
public struct Mortality: Sendable, Equatable {
    /// Band start ages in years, increasing, the first 0.
    public let starts: [Double]
    /// Hazard per year in each band (≥ 0).
    public let hazards: [Double]
    /// H at each band start.
    private let cumulative: [Double]

    /// - Precondition: `starts` begins at 0 and increases; one non-negative hazard per band.
    public init(starts: [Double], hazards: [Double]) {
        precondition(starts.first == 0 && starts.count == hazards.count && zip(starts, starts.dropFirst()).allSatisfy { $0 < $1 }
                     && hazards.allSatisfy { $0 >= 0 && $0.isFinite }, "Mortality: bands must start at 0, increase, with finite hazards ≥ 0")
        self.starts = starts
        self.hazards = hazards
        var h = [0.0]
        for k in 1..<starts.count { h.append(h[k - 1] + hazards[k - 1] * (starts[k] - starts[k - 1])) }
        cumulative = h
    }

    /// No deaths.
    public static let none = Mortality(starts: [0], hazards: [0])

    /// From survival probabilities S(age) at increasing ages (S decreasing, in (0, 1]); the
    /// hazard after the last age stays that of the last interval. Nil when the points are not
    /// a survival curve.
    public init?(survival points: [(age: Double, survival: Double)]) {
        guard !points.isEmpty else { return nil }
        var starts = [0.0], hazards: [Double] = []
        var previous = (age: 0.0, survival: 1.0)
        for point in points {
            guard point.age > previous.age, point.survival > 0, point.survival <= previous.survival else { return nil }
            hazards.append(Foundation.log(previous.survival / point.survival) / (point.age - previous.age))
            starts.append(point.age)
            previous = point
        }
        hazards.append(hazards.last!)
        self.init(starts: starts, hazards: hazards)
    }

    func band(_ age: Double) -> Int {
        var k = starts.count - 1
        while k > 0 && starts[k] > age { k -= 1 }
        return k
    }

    /// H(age) = ∫₀^age h.
    public func cumulativeHazard(atAge age: Double) -> Double {
        let k = band(age)
        return cumulative[k] + hazards[k] * (age - starts[k])
    }

    /// S(age) = exp(−H(age)).
    public func survival(atAge age: Double) -> Double { Foundation.exp(-cumulativeHazard(atAge: age)) }

    /// The first age at which H reaches `target` (∞ if it never does).
    public func age(atCumulativeHazard target: Double) -> Double {
        var k = starts.count - 1
        while k > 0 && cumulative[k] > target { k -= 1 }
        let rest = target - cumulative[k]
        if rest <= 0 {
            // The first age with H ≥ target: the start of a run of flat bands ending here.
            var j = k
            while j > 0 && cumulative[j - 1] >= target { j -= 1 }
            return starts[j]
        }
        // k is the last band with H(start) ≤ target, so a flat band here is the open last one.
        guard hazards[k] > 0 else { return .infinity }
        let age = starts[k] + rest / hazards[k]
        return k + 1 < starts.count ? Swift.min(age, starts[k + 1]) : age
    }

    /// A death age for someone alive at `age`, from the uniform `u` in (0, 1).
    public func deathAge(aliveAt age: Double, uniform u: Double) -> Double {
        self.age(atCumulativeHazard: cumulativeHazard(atAge: age) - Foundation.log(u))
    }
}

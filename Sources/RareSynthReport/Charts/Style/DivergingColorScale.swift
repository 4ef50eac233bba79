/// A blue–white–red colour scale for signed values: correlations and their differences.
///
/// The stops are ColorBrewer's 7-class RdBu (Brewer, colorbrewer2.org, "colorblind safe"),
/// reversed so that negative values are blue, zero is near-white and positive values are red;
/// colours between stops are linear in sRGB. The scale is symmetric around zero, `[-limit, limit]`,
/// so equal magnitudes get equal saturation whatever their sign; values outside are clamped.
public struct DivergingColorScale: Sendable, Equatable {
    /// The magnitude mapped to the darkest colours; > 0.
    public let limit: Double

    static let stops: [(Double, Double, Double)] = [
        (0x21, 0x66, 0xAC), (0x67, 0xA9, 0xCF), (0xD1, 0xE5, 0xF0), (0xF7, 0xF7, 0xF7),
        (0xFD, 0xDB, 0xC7), (0xEF, 0x8A, 0x62), (0xB2, 0x18, 0x2B),
    ]

    /// A scale over `[-limit, limit]`; a non-positive or non-finite limit becomes 1.
    public init(limit: Double = 1) {
        self.limit = limit.isFinite && limit > 0 ? limit : 1
    }

    /// `#rrggbb` for `value`; NaN gets the neutral middle colour.
    public func color(for value: Double) -> String {
        let t = value.isNaN ? 0.5 : Swift.max(0, Swift.min(1, (value / limit + 1) / 2))
        let position = t * Double(Self.stops.count - 1)
        let i = Swift.min(Int(position), Self.stops.count - 2)
        let f = position - Double(i)
        let a = Self.stops[i], b = Self.stops[i + 1]
        return Self.hex(a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    /// Whether text drawn on `color(for: value)` should be white for contrast: the two darkest
    /// stops on each side (|value| above 60 % of the limit).
    public func needsLightText(for value: Double) -> Bool {
        value.isFinite && Swift.abs(value) > 0.6 * limit
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for c in [r, g, b] {
            let v = Swift.max(0, Swift.min(255, Int(c.rounded(.toNearestOrAwayFromZero))))
            out.append(digits[v / 16])
            out.append(digits[v % 16])
        }
        return out
    }
}

/// A data-independent stand-in for mode-specific normalisation, for differentially private
/// training: the declared range [minimum, maximum] cut into `count` equal bins, a value stored as
/// its bin (one-hot in the model) and its offset α ∈ (−1, 1) from the bin's centre in half-bin
/// widths.
///
/// ``ModeSpecificNormalizer`` places its modes where the data's values cluster, which a private
/// model may not look at without paying for it. Equal bins over public bounds keep the same
/// shape of encoding (a one-hot mode and a tanh offset), so the networks and losses are
/// unchanged, and cost no privacy budget. Values outside the range are clipped onto it (DP-SGD's
/// guarantee needs no bound on the data, but the encoding does).
public struct UniformBinNormalizer: Codable, Sendable, Equatable {
    public let minimum: Double
    public let maximum: Double
    public let count: Int

    public init(minimum: Double, maximum: Double, count: Int) {
        precondition(minimum.isFinite && maximum.isFinite && minimum <= maximum, "bins need finite bounds with minimum ≤ maximum")
        precondition(count >= 1, "at least one bin")
        self.minimum = minimum
        self.maximum = maximum
        self.count = count
    }

    var width: Double { (maximum - minimum) / Double(count) }

    /// The bin of `value` (clipped into the range) and α, clipped to ±0.99 as RDT clips it.
    /// - Precondition: `value` is not NaN.
    public func encode(_ value: Double) -> (alpha: Double, bin: Int) {
        precondition(!value.isNaN, "UniformBinNormalizer encodes present values only")
        guard width > 0 else { return (0, 0) }
        let v = Swift.min(Swift.max(value, minimum), maximum)
        let bin = Swift.min(count - 1, Int(((v - minimum) / width).rounded(.down)))
        let centre = minimum + (Double(bin) + 0.5) * width
        let alpha = (v - centre) / (width / 2)
        return (Swift.min(Swift.max(alpha, -ModeSpecificNormalizer.alphaLimit), ModeSpecificNormalizer.alphaLimit), bin)
    }

    /// The value of (α, bin): the bin's centre plus clip(α, −1, 1) half-widths. A bin outside
    /// 0..<count is clamped into it; a NaN α decodes to NaN.
    public func decode(alpha: Double, bin: Int) -> Double {
        guard !alpha.isNaN else { return .nan }
        let k = Swift.min(Swift.max(bin, 0), count - 1)
        return minimum + (Double(k) + 0.5) * width + Swift.min(Swift.max(alpha, -1), 1) * width / 2
    }
}

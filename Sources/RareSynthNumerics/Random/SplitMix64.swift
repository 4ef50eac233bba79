/// Vigna's SplitMix64: a tiny generator used to expand a 64-bit seed into xoshiro's 256-bit
/// state (as its authors recommend) and, through its output function `mix`, to derive
/// independent stream keys.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 output function (Stafford's variant 13 finaliser): a bijection of 64-bit
    /// words with strong avalanche, so distinct inputs give distinct, unrelated outputs.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

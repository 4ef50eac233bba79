extension SpecialFunctions {
    /// The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.
    ///
    /// Delegates to the platform libm (glibc and Apple's libm are accurate to a few ulp); there is
    /// nothing to gain from a second implementation.
    public static func erf(_ x: Double) -> Double { libmErf(x) }

    /// The complementary error function erfc(x) = 1 − erf(x), accurate in the upper tail where
    /// `1 - erf(x)` would cancel to zero.
    public static func erfc(_ x: Double) -> Double { libmErfc(x) }
}

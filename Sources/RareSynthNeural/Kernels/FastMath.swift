import Foundation

/// Scalar functions faster than their libm forms where it matters for training.
public enum FastMath {
    /// tanh through one `expf`: glibc's `tanhf` is about 5× slower (../shared/NUMERICS.md). Exact
    /// to a few ulps; symmetric, and ±1 for large |x| without overflow.
    @inline(__always)
    public static func tanh(_ x: Float) -> Float {
        let e = Foundation.exp(-2 * Swift.abs(x))
        let t = (1 - e) / (1 + e)
        return x < 0 ? -t : t
    }
}

import Foundation

/// The eigendecomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix.
///
/// Householder reduction to tridiagonal form followed by the implicit QL algorithm with Wilkinson
/// shifts (EISPACK `tred2`/`tql2`, in the form published with JAMA). O(n³) with a small constant:
/// a 300 × 300 correlation matrix takes a few tens of milliseconds, which matters because
/// Higham's correlation repair calls this once per iteration. Only the lower triangle of A is
/// read.
public struct SymmetricEigendecomposition: Sendable {
    /// The eigenvalues in ascending order.
    public let eigenvalues: [Double]
    /// The orthonormal eigenvectors as columns, column j belonging to `eigenvalues[j]`.
    public let eigenvectors: Matrix

    public init(_ a: Matrix) throws {
        guard a.isSquare else { throw LinearAlgebraError.notSquare(rows: a.rows, columns: a.columns) }
        guard a.elements.allSatisfy(\.isFinite) else { throw LinearAlgebraError.nonFinite }
        let n = a.rows
        guard n > 0 else {
            eigenvalues = []
            eigenvectors = Matrix(rows: 0, columns: 0)
            return
        }
        // v is stored column-major (v[col * n + row]) so that the loops over rows, the inner loops
        // of both stages, run over contiguous memory.
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                v[j * n + i] = a[i, j]
                v[i * n + j] = a[i, j]
            }
        }
        var d = [Double](repeating: 0, count: n)
        var e = [Double](repeating: 0, count: n)
        // Unchecked buffers: the O(n³) loops below index within 0..<n², and bounds checks would
        // otherwise cost half the time and block vectorisation.
        try v.withUnsafeMutableBufferPointer { v in
            try d.withUnsafeMutableBufferPointer { d in
                try e.withUnsafeMutableBufferPointer { e in
                    Self.tridiagonalize(v, d, e, n)
                    try Self.diagonalize(v, d, e, n)
                }
            }
        }

        let order = (0..<n).sorted { d[$0] < d[$1] || (d[$0] == d[$1] && $0 < $1) }
        eigenvalues = order.map { d[$0] }
        var vectors = Matrix(rows: n, columns: n)
        for (column, source) in order.enumerated() {
            for row in 0..<n { vectors[row, column] = v[source * n + row] }
        }
        eigenvectors = vectors
    }

    /// V·diag(f(λ))·Vᵀ: the matrix function of A for a function of the eigenvalues (used to clip
    /// eigenvalues when repairing a correlation matrix). Exactly symmetric.
    public func reconstruct(mapping transform: (Double) -> Double) -> Matrix {
        let n = eigenvalues.count
        let mapped = eigenvalues.map(transform)
        var scaled = eigenvectors
        for i in 0..<n {
            for j in 0..<n { scaled[i, j] *= mapped[j] }
        }
        return (scaled * eigenvectors.transposed).symmetrized()
    }

    // MARK: - tred2

    private static func tridiagonalize(
        _ v: UnsafeMutableBufferPointer<Double>, _ d: UnsafeMutableBufferPointer<Double>,
        _ e: UnsafeMutableBufferPointer<Double>, _ n: Int
    ) {
        // In the comments V[r][c] is v[c * n + r].
        for j in 0..<n { d[j] = v[j * n + (n - 1)] }
        for i in stride(from: n - 1, to: 0, by: -1) {
            var scale = 0.0
            var h = 0.0
            for k in 0..<i { scale += abs(d[k]) }
            if scale == 0 {
                e[i] = d[i - 1]
                for j in 0..<i {
                    d[j] = v[j * n + (i - 1)]
                    v[j * n + i] = 0
                    v[i * n + j] = 0
                }
            } else {
                for k in 0..<i {
                    d[k] /= scale
                    h += d[k] * d[k]
                }
                var f = d[i - 1]
                var g = h.squareRoot()
                if f > 0 { g = -g }
                e[i] = scale * g
                h -= f * g
                d[i - 1] = f - g
                for j in 0..<i { e[j] = 0 }
                for j in 0..<i {
                    f = d[j]
                    v[i * n + j] = f
                    g = e[j] + v[j * n + j] * f
                    if j + 1 <= i - 1 {
                        for k in (j + 1)...(i - 1) {
                            g += v[j * n + k] * d[k]
                            e[k] += v[j * n + k] * f
                        }
                    }
                    e[j] = g
                }
                f = 0
                for j in 0..<i {
                    e[j] /= h
                    f += e[j] * d[j]
                }
                let hh = f / (h + h)
                for j in 0..<i { e[j] -= hh * d[j] }
                for j in 0..<i {
                    f = d[j]
                    g = e[j]
                    for k in j...(i - 1) { v[j * n + k] -= (f * e[k] + g * d[k]) }
                    d[j] = v[j * n + (i - 1)]
                    v[j * n + i] = 0
                }
            }
            d[i] = h
        }
        // Accumulate the transformations.
        for i in 0..<(n - 1) {
            v[i * n + (n - 1)] = v[i * n + i]
            v[i * n + i] = 1
            let h = d[i + 1]
            if h != 0 {
                for k in 0...i { d[k] = v[(i + 1) * n + k] / h }
                for j in 0...i {
                    var g = 0.0
                    for k in 0...i { g += v[(i + 1) * n + k] * v[j * n + k] }
                    for k in 0...i { v[j * n + k] -= g * d[k] }
                }
            }
            for k in 0...i { v[(i + 1) * n + k] = 0 }
        }
        for j in 0..<n {
            d[j] = v[j * n + (n - 1)]
            v[j * n + (n - 1)] = 0
        }
        v[(n - 1) * n + (n - 1)] = 1
        e[0] = 0
    }

    // MARK: - tql2

    private static func diagonalize(
        _ v: UnsafeMutableBufferPointer<Double>, _ d: UnsafeMutableBufferPointer<Double>,
        _ e: UnsafeMutableBufferPointer<Double>, _ n: Int
    ) throws {
        for i in 1..<max(n, 1) { e[i - 1] = e[i] }
        e[n - 1] = 0
        var f = 0.0
        var tst1 = 0.0
        let eps = Double.ulpOfOne
        for l in 0..<n {
            tst1 = max(tst1, abs(d[l]) + abs(e[l]))
            var m = l
            while m < n {
                if abs(e[m]) <= eps * tst1 { break }
                m += 1
            }
            if m == n { m = n - 1 }
            if m > l {
                var iterations = 0
                repeat {
                    iterations += 1
                    if iterations > 60 { throw LinearAlgebraError.noConvergence(iterations: iterations) }
                    var g = d[l]
                    var p = (d[l + 1] - g) / (2 * e[l])
                    var r = hypot(p, 1)
                    if p < 0 { r = -r }
                    d[l] = e[l] / (p + r)
                    d[l + 1] = e[l] * (p + r)
                    let dl1 = d[l + 1]
                    var h = g - d[l]
                    if l + 2 < n {
                        for i in (l + 2)..<n { d[i] -= h }
                    }
                    f += h
                    p = d[m]
                    var c = 1.0
                    var c2 = c
                    var c3 = c
                    let el1 = e[l + 1]
                    var s = 0.0
                    var s2 = 0.0
                    for i in stride(from: m - 1, through: l, by: -1) {
                        c3 = c2
                        c2 = c
                        s2 = s
                        g = c * e[i]
                        h = c * p
                        r = hypot(p, e[i])
                        e[i + 1] = s * r
                        s = e[i] / r
                        c = p / r
                        p = c * d[i] - s * g
                        d[i + 1] = h + s * (c * g + s * d[i])
                        // Accumulate: columns i and i+1 of V, contiguous in this layout.
                        let columnI = i * n
                        let columnNext = (i + 1) * n
                        for k in 0..<n {
                            h = v[columnNext + k]
                            v[columnNext + k] = s * v[columnI + k] + c * h
                            v[columnI + k] = c * v[columnI + k] - s * h
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1
                    e[l] = s * p
                    d[l] = c * p
                } while abs(e[l]) > eps * tst1
            }
            d[l] += f
            e[l] = 0
        }
    }
}

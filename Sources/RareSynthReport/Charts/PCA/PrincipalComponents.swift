import RareSynthNumerics

/// Principal component analysis fitted on the real data, to project real and synthetic rows onto
/// the same two axes for a ``ScatterChart``.
///
/// Fitting centres each column on its mean (and, with `standardizes`, divides it by its
/// population standard deviation, ddof = 0, as scikit-learn's `StandardScaler`; constant columns
/// keep scale 1), forms the sample covariance C = XᵀX / (n − 1), and takes the eigenvectors of
/// the largest eigenvalues (``SymmetricEigendecomposition``). The explained variance of a
/// component is its eigenvalue; the ratio divides by the total variance, trace(C).
/// Eigenvectors have no intrinsic sign, so each is flipped to make its largest-|loading| entry
/// positive (the first on ties), which is scikit-learn's `svd_flip(u_based_decision=False)`
/// convention for `PCA` since 1.5, so projections match sklearn's, sign included.
///
/// Reference: `sklearn.decomposition.PCA(n_components=2, svd_solver="full")` (scikit-learn 1.9.1,
/// `sklearn/decomposition/_pca.py`); on the 60 × 5 lung fixture, raw and standardised, the
/// explained variance ratio agrees to 7.8e−16, components to 1.7e−14 and projections to 9.7e−13
/// absolute, 2.5e−15 relative to PC1's spread (`Tests/RareSynthReportTests/Fixtures/charts/README.md`). Working from the
/// covariance rather than an SVD of X squares the condition number, which is harmless for a
/// picture and for the few dozen columns of a clinical table.
public struct PrincipalComponents: Sendable, Equatable {
    /// The column means of the fitted data.
    public let mean: [Double]
    /// The column scales (standard deviations, or 1 for constant columns) when standardised.
    public let scale: [Double]?
    /// The components as rows (k × p, like sklearn's `components_`), unit length.
    public let components: Matrix
    /// The variance along each component (sklearn's `explained_variance_`), decreasing.
    public let explainedVariance: [Double]
    /// `explainedVariance` divided by the total variance (sklearn's `explained_variance_ratio_`).
    public let explainedVarianceRatio: [Double]

    /// Fits up to `componentCount` components (fewer when there are fewer columns) to `data`
    /// (rows are records, columns features).
    public init(fitting data: Matrix, componentCount: Int = 2, standardizes: Bool = false) throws(PrincipalComponentsError) {
        let n = data.rows, p = data.columns
        guard p > 0 else { throw .noFeatures }
        guard n >= 2 else { throw .tooFewRows(n) }
        try Self.checkFinite(data)
        var mean = [Double](repeating: 0, count: p)
        for i in 0..<n { for j in 0..<p { mean[j] += data[i, j] } }
        for j in 0..<p { mean[j] /= Double(n) }
        var centred = data
        for i in 0..<n { for j in 0..<p { centred[i, j] -= mean[j] } }
        var scale: [Double]? = nil
        if standardizes {
            var s = [Double](repeating: 0, count: p)
            for i in 0..<n { for j in 0..<p { s[j] += centred[i, j] * centred[i, j] } }
            s = s.map { v in
                let sd = (v / Double(n)).squareRoot()
                return sd > 0 ? sd : 1
            }
            for i in 0..<n { for j in 0..<p { centred[i, j] /= s[j] } }
            scale = s
        }
        var covariance = Matrix(rows: p, columns: p)
        for a in 0..<p {
            for b in 0...a {
                var sum = 0.0
                for i in 0..<n { sum += centred[i, a] * centred[i, b] }
                covariance[a, b] = sum / Double(n - 1)
                covariance[b, a] = covariance[a, b]
            }
        }
        let total = covariance.diagonalElements.reduce(0, +)
        guard total > 0 else { throw .noVariance }
        let eigen: SymmetricEigendecomposition
        do { eigen = try SymmetricEigendecomposition(covariance) } catch { throw .eigendecomposition(error as? LinearAlgebraError ?? .nonFinite) }
        let k = Swift.min(Swift.max(1, componentCount), p)
        var components = Matrix(rows: k, columns: p)
        var variances: [Double] = []
        for c in 0..<k {
            let column = p - 1 - c  // eigenvalues are ascending
            var vector = eigen.eigenvectors.column(column)
            var largest = 0
            for j in 1..<p where Swift.abs(vector[j]) > Swift.abs(vector[largest]) { largest = j }
            if vector[largest] < 0 { vector = vector.map { -$0 } }
            for j in 0..<p { components[c, j] = vector[j] }
            // Rounding can leave a zero eigenvalue slightly negative.
            variances.append(Swift.max(0, eigen.eigenvalues[column]))
        }
        self.mean = mean
        self.scale = scale
        self.components = components
        self.explainedVariance = variances
        self.explainedVarianceRatio = variances.map { $0 / total }
    }

    /// The coordinates of `data`'s rows on the components (n × k), centred (and scaled) with the
    /// fitted data's statistics, as sklearn's `transform`.
    public func transform(_ data: Matrix) throws(PrincipalComponentsError) -> Matrix {
        let p = mean.count
        guard data.columns == p else { throw .featureCountMismatch(expected: p, actual: data.columns) }
        try Self.checkFinite(data)
        let k = components.rows
        var out = Matrix(rows: data.rows, columns: k)
        var row = [Double](repeating: 0, count: p)
        for i in 0..<data.rows {
            for j in 0..<p {
                row[j] = data[i, j] - mean[j]
                if let scale { row[j] /= scale[j] }
            }
            for c in 0..<k {
                var sum = 0.0
                for j in 0..<p { sum += row[j] * components[c, j] }
                out[i, c] = sum
            }
        }
        return out
    }

    /// The first two coordinates of each row, ready for a ``ScatterChart``; the second is 0 when
    /// only one component was fitted.
    public func project(_ data: Matrix) throws(PrincipalComponentsError) -> (x: [Double], y: [Double]) {
        let t = try transform(data)
        return (t.column(0), t.columns > 1 ? t.column(1) : [Double](repeating: 0, count: t.rows))
    }

    private static func checkFinite(_ data: Matrix) throws(PrincipalComponentsError) {
        for i in 0..<data.rows {
            for j in 0..<data.columns where !data[i, j].isFinite { throw .nonFinite(row: i, column: j) }
        }
    }
}

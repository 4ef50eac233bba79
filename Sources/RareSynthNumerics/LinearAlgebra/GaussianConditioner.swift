/// Conditional distributions of a zero-mean multivariate normal N(0, Σ): with the coordinates G
/// known (xG) and the rest F free, xF | xG ~ N(W·xG, Σ_FF − W·Σ_GF) with W = Σ_FG·Σ_GG⁻¹.
///
/// Built once per set of given columns and reused for every row: conditional sampling in the
/// Gaussian copula (fixing some columns to requested values) costs one |F|×|G| product and one
/// triangular product per row. This replaces SDV's reject-and-retry conditional sampling, which
/// can silently return fewer rows than asked for.
public struct GaussianConditioner: Sendable {
    /// Indices of the known coordinates, in the order `given` values are passed.
    public let given: [Int]
    /// Indices of the free coordinates (the rest, ascending), in the order results are returned.
    public let free: [Int]
    /// W = Σ_FG·Σ_GG⁻¹, |F| × |G|: the conditional mean is W·xG.
    public let meanOperator: Matrix
    /// Lower Cholesky factor of the conditional covariance Σ_FF − W·Σ_GF, |F| × |F|.
    public let conditionalCholesky: Matrix
    /// The diagonal jitter that had to be added to the conditional covariance before it would
    /// factorise (0 unless Σ is nearly singular); reported, never hidden.
    public let jitter: Double

    /// - Parameters:
    ///   - covariance: Σ, symmetric positive definite (only the lower triangle is read for Σ_GG).
    ///   - given: distinct indices into Σ.
    /// - Throws: `invalidArgument` for bad indices, `notPositiveDefinite` if Σ_GG or the conditional
    ///   covariance cannot be factorised.
    public init(covariance: Matrix, given: [Int]) throws {
        guard covariance.isSquare else {
            throw LinearAlgebraError.notSquare(rows: covariance.rows, columns: covariance.columns)
        }
        let n = covariance.rows
        guard Set(given).count == given.count, given.allSatisfy({ $0 >= 0 && $0 < n }) else {
            throw LinearAlgebraError.invalidArgument("given indices \(given) must be distinct and in 0..<\(n)")
        }
        let givenSet = Set(given)
        let free = (0..<n).filter { !givenSet.contains($0) }
        self.given = given
        self.free = free

        let sigmaFF = covariance.submatrix(rows: free, columns: free)
        guard !given.isEmpty else {
            meanOperator = Matrix(rows: free.count, columns: 0)
            (conditionalCholesky, jitter) = try Self.factorWithJitter(sigmaFF)
            return
        }
        let sigmaGG = covariance.submatrix(rows: given, columns: given)
        let sigmaGF = covariance.submatrix(rows: given, columns: free)
        let factor = try Cholesky(sigmaGG)
        // Wᵀ = Σ_GG⁻¹·Σ_GF
        let weightsTransposed = factor.solve(sigmaGF)
        let weights = weightsTransposed.transposed
        meanOperator = weights
        let conditional = (sigmaFF - weights * sigmaGF).symmetrized()
        (conditionalCholesky, jitter) = try Self.factorWithJitter(conditional)
    }

    /// E[xF | xG] = W·xG, in the order of `free`.
    public func conditionalMean(given values: [Double]) -> [Double] {
        precondition(values.count == given.count, "expected \(given.count) given values, got \(values.count)")
        if given.isEmpty { return [Double](repeating: 0, count: free.count) }
        return meanOperator * values
    }

    /// A draw of xF given xG from |F| independent standard normals z: W·xG + L·z.
    public func sample(given values: [Double], standardNormals z: [Double]) -> [Double] {
        precondition(z.count == free.count, "expected \(free.count) standard normals, got \(z.count)")
        var result = conditionalMean(given: values)
        let l = conditionalCholesky
        for i in 0..<free.count {
            var sum = 0.0
            for k in 0...i { sum += l.elements[i * free.count + k] * z[k] }
            result[i] += sum
        }
        return result
    }

    /// A draw of xF given xG using `generator` for the standard normals.
    public func sample<G: RandomNumberGenerator>(given values: [Double], using generator: inout G) -> [Double] {
        let z = (0..<free.count).map { _ in generator.nextStandardNormal() }
        return sample(given: values, standardNormals: z)
    }

    /// A full vector of length n: the given values in their places and a conditional draw in the
    /// free ones.
    public func completedSample(given values: [Double], standardNormals z: [Double]) -> [Double] {
        let drawn = sample(given: values, standardNormals: z)
        var full = [Double](repeating: 0, count: given.count + free.count)
        for (k, index) in given.enumerated() { full[index] = values[k] }
        for (k, index) in free.enumerated() { full[index] = drawn[k] }
        return full
    }

    /// Cholesky of a covariance that is PSD in exact arithmetic but may have lost definiteness to
    /// rounding: retries with a diagonal jitter growing from 1e−12 to 1e−6 of the mean diagonal.
    static func factorWithJitter(_ a: Matrix) throws -> (Matrix, Double) {
        if a.rows == 0 { return (Matrix(rows: 0, columns: 0), 0) }
        if let factor = try? Cholesky(a) { return (factor.lower, 0) }
        let meanDiagonal = a.diagonalElements.reduce(0, +) / Double(a.rows)
        var jitter = 1e-12 * max(meanDiagonal, 1e-300)
        while jitter <= 1e-6 * max(meanDiagonal, 1e-300) {
            var shifted = a
            for i in 0..<a.rows { shifted[i, i] += jitter }
            if let factor = try? Cholesky(shifted) { return (factor.lower, jitter) }
            jitter *= 10
        }
        _ = try Cholesky(a) // rethrow the informative error
        return (Matrix(rows: 0, columns: 0), 0)
    }
}

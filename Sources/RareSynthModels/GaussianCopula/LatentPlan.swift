import RareSynthNumerics

/// How to draw the latent vector of one group of rows that share the same conditions.
///
/// Conditioned dimensions `C` (restricted to intervals, or fixed to a point) are drawn first, the
/// free ones `F` then from the exact Gaussian conditional `z_F | z_C` (`GaussianConditioner`).
/// When several interval dimensions interact they are drawn by Gibbs sweeps over their truncated
/// normal given the fixed points (Geweke 1991), which needs no rejection and never stalls.
struct LatentPlan: Sendable {
    let dimension: Int
    /// Lower Cholesky factor of the whole correlation matrix (unconditional draws).
    let factor: Matrix?
    /// Interval dimensions and their allowed intervals (latent units).
    let intervalDims: [Int]
    let intervals: [[(Double, Double)]]
    /// Point dimensions and their values.
    let pointDims: [Int]
    let pointValues: [Double]
    /// Mean, precision, Gibbs standard deviations and first-draw standard deviations of the
    /// interval dimensions given the points.
    let intervalMean: [Double]
    let intervalPrecision: Matrix
    let intervalSD: [Double]
    let intervalMarginalSD: [Double]
    /// The free dimensions given every conditioned one (`intervalDims + pointDims`).
    let free: GaussianConditioner?
    let gibbsSweeps: Int

    init(correlation: Matrix, intervalDims: [Int], intervals: [[(Double, Double)]],
         pointDims: [Int], pointValues: [Double]) throws {
        let d = correlation.rows
        dimension = d
        self.intervalDims = intervalDims
        self.intervals = intervals
        self.pointDims = pointDims
        self.pointValues = pointValues
        let conditioned = intervalDims + pointDims
        if conditioned.isEmpty {
            factor = try Cholesky(correlation).lower
            free = nil
            intervalMean = []
            intervalPrecision = Matrix(rows: 0, columns: 0)
            intervalSD = []
            intervalMarginalSD = []
            gibbsSweeps = 0
            return
        }
        factor = nil
        let ni = intervalDims.count
        // Interval dims given the points: N(W·z_P, S).
        var mean = [Double](repeating: 0, count: ni)
        var cov = correlation.submatrix(rows: intervalDims, columns: intervalDims)
        if !pointDims.isEmpty && ni > 0 {
            let local = correlation.submatrix(rows: conditioned, columns: conditioned)
            let given = Array(ni..<conditioned.count)
            let c = try GaussianConditioner(covariance: local, given: given)
            mean = c.conditionalMean(given: pointValues)
            cov = c.conditionalCholesky * c.conditionalCholesky.transposed
        }
        intervalMean = mean
        intervalMarginalSD = (0..<ni).map { max(cov[$0, $0], 0).squareRoot() }
        if ni > 0, let precision = try? Cholesky(cov).inverse() {
            intervalPrecision = precision
            intervalSD = (0..<ni).map { precision[$0, $0] > 0 ? 1 / precision[$0, $0].squareRoot() : 0 }
        } else {
            intervalPrecision = Matrix(rows: ni, columns: ni)
            intervalSD = intervalMarginalSD
        }
        gibbsSweeps = ni > 1 ? 12 : 0
        free = conditioned.count < d ? try GaussianConditioner(covariance: correlation, given: conditioned) : nil
    }

    /// One latent vector into `z`, using only `rng`.
    func draw(_ rng: inout SeededRandom, into z: inout [Double], scratch e: inout [Double]) {
        if let factor {
            for k in 0..<dimension { e[k] = rng.nextStandardNormal() }
            factor.elements.withUnsafeBufferPointer { l in
                for r in 0..<dimension {
                    var s = 0.0
                    let row = r * dimension
                    for c in 0...r { s += l[row + c] * e[c] }
                    z[r] = s
                }
            }
            return
        }
        let ni = intervalDims.count
        for (k, dim) in pointDims.enumerated() { z[dim] = pointValues[k] }
        // Interval dims: start from each one's own truncated conditional, then Gibbs sweeps.
        var zi = [Double](repeating: 0, count: ni)
        for k in 0..<ni {
            zi[k] = IntervalNormal.draw(mean: intervalMean[k], sd: intervalMarginalSD[k], intervals: intervals[k],
                                        u1: rng.nextUniform(), u2: rng.nextUniform())
        }
        for _ in 0..<gibbsSweeps {
            for k in 0..<ni {
                let q = intervalPrecision[k, k]
                guard q > 0 else { continue }
                var s = 0.0
                for j in 0..<ni where j != k { s += intervalPrecision[k, j] * (zi[j] - intervalMean[j]) }
                zi[k] = IntervalNormal.draw(mean: intervalMean[k] - s / q, sd: intervalSD[k], intervals: intervals[k],
                                            u1: rng.nextUniform(), u2: rng.nextUniform())
            }
        }
        for (k, dim) in intervalDims.enumerated() { z[dim] = zi[k] }
        guard let free else { return }
        let normals = (0..<free.free.count).map { _ in rng.nextStandardNormal() }
        let values = free.sample(given: zi + pointValues, standardNormals: normals)
        for (k, dim) in free.free.enumerated() { z[dim] = values[k] }
    }
}

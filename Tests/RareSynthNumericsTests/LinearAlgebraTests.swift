import Foundation
import RareSynthNumerics
import Testing

/// Linear algebra: properties (L·Lᵀ = A, A·v = λv, repaired matrices valid) and agreement with
/// numpy on fixed matrices. Tolerances are a small multiple of n·ε·‖A‖ for these O(1) matrices.
@Suite("Linear algebra")
struct LinearAlgebraTests {
    let section = reference["linear_algebra"]

    /// A random symmetric positive definite n × n matrix G·Gᵀ/m + 0.1·I from a fixed seed.
    func randomSPD(_ n: Int, seed: UInt64) -> Matrix {
        var generator = SeededRandom(seed: seed)
        let g = Matrix(rows: n, columns: n + 3, elements: (0..<(n * (n + 3))).map { _ in generator.nextStandardNormal() })
        var a = (1.0 / Double(n + 3)) * (g * g.transposed)
        for i in 0..<n { a[i, i] += 0.1 }
        return a.symmetrized()
    }

    @Test func multiplyTransposeAndSolve() {
        let a = Matrix(rows: [[1, 2, 3], [4, 5, 6]])
        let b = Matrix(rows: [[7, 8], [9, 10], [11, 12]])
        #expect(a * b == Matrix(rows: [[58, 64], [139, 154]]))
        #expect(a.transposed == Matrix(rows: [[1, 4], [2, 5], [3, 6]]))
        #expect(a * [1.0, 0, -1] == [-2, -2])
        let l = Matrix(rows: [[2, 0, 0], [1, 3, 0], [-1, 2, 4]])
        let x = [1.0, -2, 0.5]
        #expect(l.solveLower(l * x).enumerated().allSatisfy { abs($1 - x[$0]) < 1e-15 })
        #expect(l.transposed.solveUpper(l.transposed * x).enumerated().allSatisfy { abs($1 - x[$0]) < 1e-15 })
        #expect(l.solveLowerTransposed(l.transposed * x).enumerated().allSatisfy { abs($1 - x[$0]) < 1e-15 })
    }

    @Test func largeProductIsIdenticalAcrossThreadCounts() {
        var generator = SeededRandom(seed: 9)
        let a = Matrix(rows: 120, columns: 90, elements: (0..<10_800).map { _ in generator.nextUniform() })
        let b = Matrix(rows: 90, columns: 70, elements: (0..<6_300).map { _ in generator.nextUniform() })
        let one = a.multiplied(by: b, threads: 1)
        let two = a.multiplied(by: b, threads: 2)
        #expect(one.elements == two.elements)
        #expect((a * b).elements == one.elements)
        // and the product is right: row 7 · column 11
        let direct = (0..<90).reduce(0.0) { $0 + a[7, $1] * b[$1, 11] }
        #expect(abs(one[7, 11] - direct) < 1e-12)
    }

    @Test func choleskyReconstructsAndMatchesNumpy() throws {
        let spd = Matrix(rows: section["spd"].matrix)
        let factor = try Cholesky(spd)
        #expect(factor.lower.maxAbsoluteDifference(Matrix(rows: section["spd_cholesky"].matrix)) < 1e-14)
        #expect(factor.inverse().maxAbsoluteDifference(Matrix(rows: section["spd_inverse"].matrix)) < 1e-12)
        for n in [1, 5, 40] {
            let a = randomSPD(n, seed: UInt64(n))
            let l = try Cholesky(a).lower
            #expect((l * l.transposed).maxAbsoluteDifference(a) < 1e-14 * Double(n))
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { #expect(l[i, j] == 0) } }
            let inverse = try Cholesky(a).inverse()
            #expect((a * inverse).maxAbsoluteDifference(.identity(n)) < 1e-12 * Double(n))
            let b = (0..<n).map { Double($0) - 1.5 }
            let x = try Cholesky(a).solve(b)
            #expect(zip(a * x, b).allSatisfy { abs($0 - $1) < 1e-12 })
        }
        #expect(abs(try Cholesky(.diagonal([2, 3, 4])).logDeterminant - log(24)) < 1e-15)
    }

    @Test func choleskyRejectsIndefiniteMatrices() {
        let broken = Matrix(rows: section["broken"].matrix)
        #expect(throws: LinearAlgebraError.self) { try Cholesky(broken) }
        #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try Cholesky(Matrix(rows: 2, columns: 3)) }
        #expect(throws: LinearAlgebraError.nonFinite) { try Cholesky(.diagonal([1, .nan])) }
    }

    @Test func symmetricEigendecomposition() throws {
        let symmetric = Matrix(rows: section["symmetric"].matrix)
        let eigen = try SymmetricEigendecomposition(symmetric)
        let expected = section["eigenvalues"].doubles
        #expect(zip(eigen.eigenvalues, expected).allSatisfy { abs($0 - $1) < 1e-14 })
        for n in [1, 2, 7, 60] {
            var a = randomSPD(n, seed: 100 + UInt64(n))
            for i in 0..<n { a[i, i] -= 0.6 } // make some eigenvalues negative
            let e = try SymmetricEigendecomposition(a)
            let v = e.eigenvectors
            #expect(zip(e.eigenvalues, e.eigenvalues.dropFirst()).allSatisfy { $0 <= $1 })
            // A·v = λv for every pair, and V is orthogonal.
            for j in 0..<n {
                let column = v.column(j)
                let av = a * column
                let residual = zip(av, column).map { abs($0 - e.eigenvalues[j] * $1) }.max() ?? 0
                #expect(residual < 1e-13 * Double(n), "n=\(n) j=\(j) residual \(residual)")
            }
            #expect((v.transposed * v).maxAbsoluteDifference(.identity(n)) < 1e-13 * Double(n))
            #expect(e.reconstruct { $0 }.maxAbsoluteDifference(a) < 1e-13 * Double(n))
        }
        // Repeated eigenvalues and an already diagonal matrix.
        let repeated = try SymmetricEigendecomposition(.diagonal([3, 1, 3, 2]))
        #expect(repeated.eigenvalues == [1, 2, 3, 3])
    }

    func isValidCorrelation(_ c: Matrix) -> Bool {
        c.isSymmetric() && c.diagonalElements.allSatisfy { $0 == 1 } && (try? Cholesky(c)) != nil
    }

    @Test func highamRepairMatchesNumpyAndThePaper() throws {
        // Higham (2002), section 4 example: the nearest correlation matrix to tridiag(−1, 2, −1),
        // printed to 4 digits in the paper and to full precision by the numpy reference.
        let example = Matrix(rows: section["higham_example"].matrix)
        let repaired = try NearestCorrelation(repairing: example, minimumEigenvalue: 1e-10)
        let expected = Matrix(rows: section["higham_example_nearest"].matrix)
        #expect(isValidCorrelation(repaired.matrix))
        #expect(repaired.wasRepaired && repaired.iterations > 0)
        // The references clip eigenvalues at 0, ours at ε = 1e−10 and stop at tolerance 1e−10.
        #expect(repaired.matrix.maxAbsoluteDifference(expected) < 1e-7, "\(repaired.matrix)")
        #expect(abs(repaired.matrix[0, 1] - -0.8084) < 5e-5 && abs(repaired.matrix[0, 3] - 0.1068) < 5e-5)

        let broken = Matrix(rows: section["broken"].matrix)
        let nearest = try NearestCorrelation(repairing: broken)
        #expect(isValidCorrelation(nearest.matrix))
        #expect(nearest.matrix.maxAbsoluteDifference(Matrix(rows: section["broken_higham"].matrix)) < 1e-6)
        let eigenvalues = try SymmetricEigendecomposition(nearest.matrix).eigenvalues
        #expect(eigenvalues[0] > 0)
    }

    @Test func clippingRepairIsValidAndClose() throws {
        let broken = Matrix(rows: section["broken"].matrix)
        let clipped = try NearestCorrelation(repairing: broken, method: .eigenvalueClipping)
        let higham = try NearestCorrelation(repairing: broken)
        #expect(isValidCorrelation(clipped.matrix))
        #expect(clipped.iterations == 0)
        // Clipping is valid but not nearest: no closer than Higham, and still close to the input.
        #expect(clipped.frobeniusDistance >= higham.frobeniusDistance - 1e-12)
        #expect(clipped.frobeniusDistance < 0.5)

        // A larger, badly broken matrix: a valid correlation matrix with noise added.
        var generator = SeededRandom(seed: 77)
        let base = try NearestCorrelation(repairing: randomSPD(30, seed: 5), method: .eigenvalueClipping).matrix
        var noisy = base
        for i in 0..<30 {
            for j in 0..<i {
                let v = max(-1, min(1, base[i, j] + 0.6 * (generator.nextUniform() - 0.5)))
                noisy[i, j] = v
                noisy[j, i] = v
            }
        }
        #expect((try? Cholesky(noisy)) == nil)
        for method in [NearestCorrelation.Method.eigenvalueClipping, .higham()] {
            let repaired = try NearestCorrelation(repairing: noisy, method: method)
            #expect(isValidCorrelation(repaired.matrix), "\(method)")
            #expect(repaired.frobeniusDistance < noisy.frobeniusNorm * 0.5)
        }
    }

    @Test func validMatricesAreReturnedUnchanged() throws {
        let correlation = Matrix(rows: section["correlation"].matrix)
        let result = try NearestCorrelation(repairing: correlation)
        // numpy's Σ/(σσᵀ) has a diagonal within an ulp of 1, which is snapped to 1.
        #expect(!result.wasRepaired)
        #expect(result.matrix.maxAbsoluteDifference(correlation) <= 2 * Double.ulpOfOne)
        #expect(result.matrix.diagonalElements.allSatisfy { $0 == 1 })
    }

    @Test func gaussianConditioningMatchesBruteForce3x3() throws {
        // Σ with given index 1: the textbook formulas written out by hand.
        let s = Matrix(rows: [[1.0, 0.5, 0.3], [0.5, 1.0, -0.2], [0.3, -0.2, 1.0]])
        let conditioner = try GaussianConditioner(covariance: s, given: [1])
        #expect(conditioner.free == [0, 2])
        // W = Σ_F1 / Σ_11
        #expect(abs(conditioner.meanOperator[0, 0] - 0.5) < 1e-15)
        #expect(abs(conditioner.meanOperator[1, 0] - -0.2) < 1e-15)
        // Cov = Σ_FF − Σ_F1 Σ_1F / Σ_11
        let cov = [[1 - 0.25, 0.3 - 0.5 * -0.2], [0.3 - 0.5 * -0.2, 1 - 0.04]]
        let l = conditioner.conditionalCholesky
        let reconstructed = l * l.transposed
        for i in 0..<2 { for j in 0..<2 { #expect(abs(reconstructed[i, j] - cov[i][j]) < 1e-15) } }
        #expect(conditioner.conditionalMean(given: [2]) == [1.0, -0.4])
        let full = conditioner.completedSample(given: [2], standardNormals: [0, 0])
        #expect(full == [1.0, 2, -0.4])
        #expect(conditioner.jitter == 0)
    }

    @Test func gaussianConditioningMatchesNumpy() throws {
        let correlation = Matrix(rows: section["correlation"].matrix)
        let conditioner = try GaussianConditioner(covariance: correlation, given: section["given"].ints)
        #expect(conditioner.free == section["free"].ints)
        #expect(conditioner.meanOperator.maxAbsoluteDifference(Matrix(rows: section["mean_operator"].matrix)) < 1e-13)
        #expect(conditioner.conditionalCholesky.maxAbsoluteDifference(Matrix(rows: section["conditional_cholesky"].matrix)) < 1e-13)
        // Sampling: the empirical covariance of many conditional draws approaches L·Lᵀ.
        var generator = SeededRandom(seed: 1)
        let draws = (0..<20_000).map { _ in conditioner.sample(given: [0.3, -1.2], using: &generator) }
        let mean = conditioner.conditionalMean(given: [0.3, -1.2])
        for k in 0..<2 {
            let column = draws.map { $0[k] }
            let lk = conditioner.conditionalCholesky
            let variance = (0...k).reduce(0.0) { $0 + lk[k, $1] * lk[k, $1] }
            // standard error of a mean of 20 000 draws is σ/141; allow 4.5 standard errors
            #expect(abs(Statistics.mean(column) - mean[k]) < 4.5 * variance.squareRoot() / 141)
        }
    }

    @Test func gaussianConditioningEdgeCases() throws {
        let correlation = Matrix(rows: section["correlation"].matrix)
        let none = try GaussianConditioner(covariance: correlation, given: [])
        #expect(none.free == [0, 1, 2, 3])
        #expect(none.conditionalCholesky.maxAbsoluteDifference(try Cholesky(correlation).lower) == 0)
        let all = try GaussianConditioner(covariance: correlation, given: [3, 2, 1, 0])
        #expect(all.free.isEmpty && all.sample(given: [1, 2, 3, 4], standardNormals: []).isEmpty)
        #expect(throws: LinearAlgebraError.self) { try GaussianConditioner(covariance: correlation, given: [0, 0]) }
        #expect(throws: LinearAlgebraError.self) { try GaussianConditioner(covariance: correlation, given: [4]) }
    }
}

import Foundation
import Testing
import RareSynthNumerics
@testable import RareSynthReport

/// Agreement with scikit-learn's PCA (fixture and provenance in `Fixtures/`).
@Suite("Principal components vs scikit-learn")
struct PrincipalComponentsTests {
    struct Case: Decodable {
        let standardizes: Bool
        let mean: [Double]
        let components: [[Double]]
        let explained_variance: [Double]
        let explained_variance_ratio: [Double]
        let real_projection: [[Double]]
        let synthetic_projection: [[Double]]
    }

    struct Fixture: Decodable {
        let real: [[Double]]
        let synthetic: [[Double]]
        let cases: [String: Case]
    }

    static func fixture() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "pca", withExtension: "json", subdirectory: "Fixtures/charts"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    static func maxRelativeDifference(_ a: [[Double]], _ b: [[Double]], scale: Double) -> Double {
        zip(a, b).flatMap { zip($0, $1).map { Swift.abs($0 - $1) / scale } }.max() ?? .infinity
    }

    @Test("Explained variance ratio, components and projections of real and synthetic rows", arguments: ["raw", "standardized"])
    func agreement(_ name: String) throws {
        let fixture = try Self.fixture()
        let expected = try #require(fixture.cases[name])
        let pca = try PrincipalComponents(fitting: Matrix(rows: fixture.real), standardizes: expected.standardizes)
        for (a, b) in zip(pca.explainedVarianceRatio, expected.explained_variance_ratio) {
            #expect(Swift.abs(a - b) <= 1e-12, "ratio \(a) vs \(b)")
        }
        for (a, b) in zip(pca.explainedVariance, expected.explained_variance) {
            #expect(Swift.abs(a - b) <= 1e-12 * b, "variance \(a) vs \(b)")
        }
        for (a, b) in zip(pca.mean, expected.mean) { #expect(Swift.abs(a - b) <= 1e-12 * Swift.abs(b)) }
        // The same sign convention as sklearn, so no flips are allowed here.
        #expect(Self.maxRelativeDifference(pca.components.rowArrays, expected.components, scale: 1) <= 1e-10)
        // Projections relative to the spread of the first component.
        let spread = expected.explained_variance[0].squareRoot()
        let real = try pca.transform(Matrix(rows: fixture.real))
        let synthetic = try pca.transform(Matrix(rows: fixture.synthetic))
        #expect(Self.maxRelativeDifference(real.rowArrays, expected.real_projection, scale: spread) <= 1e-10)
        #expect(Self.maxRelativeDifference(synthetic.rowArrays, expected.synthetic_projection, scale: spread) <= 1e-10)
        let xy = try pca.project(Matrix(rows: fixture.synthetic))
        #expect(xy.x == synthetic.column(0) && xy.y == synthetic.column(1))
    }

    @Test("Sign rule: each component's largest |loading| is positive")
    func signs() throws {
        let fixture = try Self.fixture()
        let negated = fixture.real.map { $0.map { -$0 } }
        let pca = try PrincipalComponents(fitting: Matrix(rows: negated))
        for row in pca.components.rowArrays {
            let largest = row.max { Swift.abs($0) < Swift.abs($1) }!
            #expect(largest > 0)
            #expect(Swift.abs(row.map { $0 * $0 }.reduce(0, +) - 1) < 1e-12)
        }
    }

    @Test("A hand case: points on a line have one component with all the variance")
    func line() throws {
        let data = Matrix(rows: [[1, 2], [2, 4], [3, 6], [4, 8]])
        let pca = try PrincipalComponents(fitting: data)
        #expect(Swift.abs(pca.explainedVarianceRatio[0] - 1) < 1e-14)
        #expect(pca.explainedVarianceRatio[1] < 1e-14)
        let u = 1 / 5.0.squareRoot()
        #expect(Swift.abs(pca.components[0, 0] - u) < 1e-14 && Swift.abs(pca.components[0, 1] - 2 * u) < 1e-14)
        let t = try pca.transform(data)
        #expect(Swift.abs(t[0, 0] + 1.5 * 5.0.squareRoot()) < 1e-13)
    }

    @Test("Errors: too few rows, no columns, NaN, constant data, wrong width")
    func errors() throws {
        #expect(throws: PrincipalComponentsError.tooFewRows(1)) { try PrincipalComponents(fitting: Matrix(rows: [[1, 2]])) }
        #expect(throws: PrincipalComponentsError.noFeatures) { try PrincipalComponents(fitting: Matrix(rows: 3, columns: 0)) }
        #expect(throws: PrincipalComponentsError.nonFinite(row: 1, column: 0)) {
            try PrincipalComponents(fitting: Matrix(rows: [[1, 2], [.nan, 3], [2, 2]]))
        }
        #expect(throws: PrincipalComponentsError.noVariance) { try PrincipalComponents(fitting: Matrix(rows: [[1, 2], [1, 2]])) }
        #expect(throws: PrincipalComponentsError.noVariance) {
            try PrincipalComponents(fitting: Matrix(rows: [[1, 2], [1, 2]]), standardizes: true)
        }
        let pca = try PrincipalComponents(fitting: Matrix(rows: [[1, 2], [2, 1], [3, 5]]))
        #expect(throws: PrincipalComponentsError.featureCountMismatch(expected: 2, actual: 3)) {
            try pca.transform(Matrix(rows: [[1, 2, 3]]))
        }
        // One column: one component, y is 0.
        let single = try PrincipalComponents(fitting: Matrix(rows: [[1], [3]]))
        #expect(single.components.rows == 1)
        #expect(try single.project(Matrix(rows: [[2]])).y == [0])
    }
}

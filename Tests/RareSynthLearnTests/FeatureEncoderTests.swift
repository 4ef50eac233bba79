import RareSynthLearn
import RareSynthNumerics
import Testing

/// The encoder against scikit-learn's ColumnTransformer output on real holdout tables.
struct FeatureEncoderTests {
    static let checks = LearnFixtures.file.encoder.map { "\($0.dataset) \($0.encoding)" }

    @Test(arguments: checks)
    func holdoutMatrixMatchesScikitLearn(check: String) throws {
        let reference = LearnFixtures.file.encoder.first { "\($0.dataset) \($0.encoding)" == check }!
        let train = try LearnFixtures.prepare(dataset: reference.dataset, part: "train", target: reference.target, regression: false)
        let test = try LearnFixtures.prepare(dataset: reference.dataset, part: "holdout", target: reference.target, regression: false)
        let encoder = try FeatureEncoder(fitting: train.columns, options: LearnFixtures.options(reference.encoding))
        let x = try encoder.transform(test.columns)
        let names = encoder.features.map(\.name)
        #expect(Set(names) == Set(reference.features))
        #expect(names.count == reference.features.count)
        #expect(x.rows == reference.holdout.count)
        var worst = 0.0
        for (j, name) in names.enumerated() {
            guard let r = reference.features.firstIndex(of: name) else { continue }
            for i in 0..<x.rows { worst = max(worst, abs(x[i, j] - reference.holdout[i][r])) }
        }
        #expect(worst <= 1e-12, "max |Δ| = \(worst)")
    }

    @Test func unseenAndMissingValues() throws {
        let train: [FeatureColumn] = [
            .numeric(name: "x", values: [1, nil, 3, 4]),
            .categorical(name: "c", labels: ["b", "a", nil, "b"]),
        ]
        let encoder = try FeatureEncoder(fitting: train)
        #expect(encoder.features.map(\.name) == ["x", "x (missing)", "c=a", "c=b", "c (missing)"])
        let x = try encoder.transform([.numeric(name: "x", values: [nil, 2]), .categorical(name: "c", labels: ["z", nil])])
        // the training mean 8/3 fills the gap, then the imputed column is standardised
        let imputed = [1, 8.0 / 3, 3, 4]
        let (mean, variance) = Statistics.meanAndVariance(imputed)
        #expect(abs(x[0, 0] - (8.0 / 3 - mean) / variance.squareRoot()) < 1e-15)
        #expect(x[0, 1] == 1 && x[1, 1] == 0)
        #expect(Array(x.row(0)[2...]) == [0, 0, 0])  // unseen label: all zeros
        #expect(Array(x.row(1)[2...]) == [0, 0, 1])  // missing: its own category
        #expect(throws: LearnError.self) { try encoder.transform([.numeric(name: "x", values: [1])]) }
    }
}

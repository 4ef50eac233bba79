import RareSynthLearn

/// Real and synthetic rows stacked into one feature table (real first), for the models that must
/// tell the two tables apart (`PropensityMSE`, `DetectionScore`).
struct PooledFeatures {
    var columns: [FeatureColumn]
    var realRows: Int
    var syntheticRows: Int
    /// `"real"` for the real rows, then `"synthetic"`.
    var labels: [String] { Array(repeating: "real", count: realRows) + Array(repeating: "synthetic", count: syntheticRows) }

    /// - Throws: `MetricError` when the columns do not match (as the quality report does).
    init(real: [MetricColumn], synthetic: [MetricColumn]) throws {
        let pairs = try matchColumns(real: real, synthetic: synthetic)
        realRows = real.first?.data.count ?? 0
        syntheticRows = synthetic.first?.data.count ?? 0
        columns = pairs.map { r, s -> FeatureColumn in
            switch (r.data, s.data) {
            case let (.numerical(a), .numerical(b)): .numeric(name: r.name, values: a + b)
            case let (.categorical(a), .categorical(b)): .categorical(name: r.name, labels: a + b)
            default: preconditionFailure("matched columns share a kind")
            }
        }
    }
}

import RareSynthEvaluate
import RareSynthLearn
import RareSynthNumerics

extension ReportFigures {
    /// Bins, projects and histograms what `run` holds; never fails (a chart that cannot be made
    /// is replaced by a note).
    public static func compute(_ run: Evaluator.Run, seed: UInt64 = 0) -> ReportFigures {
        var histograms: [Histogram] = []
        for (r, s) in zip(run.real, run.synthetic) where r.kind.isContinuous {
            guard case .numerical(let rv) = r.data, case .numerical(let sv) = s.data else { continue }
            let scale = r.kind == .datetime ? 1e-9 : 1
            let a = rv.compactMap { $0.map { $0 * scale } }.filter(\.isFinite)
            let b = sv.compactMap { $0.map { $0 * scale } }.filter(\.isFinite)
            let edges = HistogramBinning.edges([a, b], format: r.kind == .datetime ? .date : .number)
            guard edges.count >= 2 else { continue }
            histograms.append(Histogram(column: r.name, kind: r.kind, edges: edges,
                                        real: HistogramBinning.shares(a, edges: edges),
                                        synthetic: HistogramBinning.shares(b, edges: edges)))
        }
        var figures = ReportFigures(histograms: histograms)
        do { figures.projection = try projection(real: run.real, synthetic: run.synthetic, seed: seed) } catch {
            figures.projectionNote = "\(error)"
        }
        if let d = run.syntheticDCR {
            let h = run.holdoutDCR ?? []
            let edges = HistogramBinning.edges([d, h], targetBinCount: 30)
            if edges.count >= 2 {
                figures.dcr = DistanceHistogram(edges: edges, synthetic: HistogramBinning.shares(d, edges: edges),
                                                holdout: run.holdoutDCR.map { HistogramBinning.shares($0, edges: edges) })
            }
        }
        return figures
    }

    static func projection(real: [MetricColumn], synthetic: [MetricColumn], seed: UInt64) throws -> Projection {
        func features(_ columns: [MetricColumn]) -> [FeatureColumn] {
            columns.map {
                switch $0.data {
                case .numerical(let v): .numeric(name: $0.name, values: v)
                case .categorical(let l): .categorical(name: $0.name, labels: l)
                }
            }
        }
        let (real, synthetic) = MetricColumn.collapsingRareCategories(real: real, synthetic: synthetic)
        let encoder = try FeatureEncoder(fitting: features(real))
        let x = try encoder.transform(features(real)), y = try encoder.transform(features(synthetic))
        let pca = try PrincipalComponents(fitting: x, componentCount: 2, standardizes: true)
        let p = try pca.project(subsample(x, seed: seed)), q = try pca.project(subsample(y, seed: seed &+ 1))
        return Projection(features: x.columns, explainedVarianceRatio: pca.explainedVarianceRatio,
                          realX: p.x, realY: p.y, syntheticX: q.x, syntheticY: q.y)
    }

    /// At most `maxProjectedRows` rows, a seeded random choice kept in table order.
    static func subsample(_ m: Matrix, seed: UInt64) -> Matrix {
        guard m.rows > maxProjectedRows else { return m }
        var rng = SeededRandom(seed: seed)
        var order = Array(0..<m.rows)
        for i in 0..<maxProjectedRows {
            let j = i + Int(rng.next() % UInt64(m.rows - i))
            order.swapAt(i, j)
        }
        return m.rows(Array(order[0..<maxProjectedRows]).sorted())
    }
}

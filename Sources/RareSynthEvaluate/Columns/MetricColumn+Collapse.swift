extension MetricColumn {
    /// The most labels a categorical column keeps as its own one-hot feature in the models of the
    /// evaluation (detection, pMSE, TSTR, the PCA picture); rarer labels share one feature.
    public static let modelCategoryLimit = 50

    /// Real and synthetic columns for a fitted model: a categorical column with more than `limit`
    /// real labels keeps its `limit − 1` most frequent ones (ties by label) and maps the rest, on
    /// both sides, to one "(other)" label. Without this, a free-text or code column with thousands
    /// of labels becomes thousands of features and the model's cost explodes for no insight.
    public static func collapsingRareCategories(real: [MetricColumn], synthetic: [MetricColumn],
                                                limit: Int = modelCategoryLimit) -> (real: [MetricColumn], synthetic: [MetricColumn]) {
        var r = real, s = synthetic
        for j in r.indices {
            guard case .categorical(let labels) = r[j].data else { continue }
            var counts: [String: Int] = [:]
            for case let label? in labels { counts[label, default: 0] += 1 }
            guard counts.count > limit else { continue }
            let kept = Set(counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(limit - 1).map(\.key))
            func collapse(_ c: MetricColumn) -> MetricColumn {
                guard case .categorical(let l) = c.data else { return c }
                return MetricColumn(name: c.name, kind: c.kind,
                                    data: .categorical(l.map { $0.map { kept.contains($0) ? $0 : "(other)" } }))
            }
            r[j] = collapse(r[j])
            if let k = s.firstIndex(where: { $0.name == r[j].name }) { s[k] = collapse(s[k]) }
        }
        return (r, s)
    }
}

import RareSynthSchema
import RareSynthTable

/// The real, synthetic and holdout tables decoded column by column, so that one bad column (absent
/// from the synthetic table, or holding text where the schema says numbers) is reported and left
/// out instead of stopping the whole evaluation.
struct EvaluationInputs {
    var real: [MetricColumn]
    var synthetic: [MetricColumn]
    var holdout: [MetricColumn]?
    var inputs: Evaluation.Inputs
    var issues: [Evaluation.Issue]
    /// Identifier columns decoded as labels, for the diagnostic's KeyUniqueness.
    var realKeys: [MetricColumn]
    var syntheticKeys: [MetricColumn]

    init(real: Table, synthetic: Table, holdout: Table?, schema: Schema,
         realFile: String?, syntheticFile: String?, holdoutFile: String?) {
        let numeric = MetricColumn.numericCategories(of: real, schema: schema)
        var issues: [Evaluation.Issue] = []
        var r: [MetricColumn] = [], s: [MetricColumn] = [], h: [MetricColumn] = []
        var scored: [Evaluation.ScoredColumn] = []
        var realKeys: [MetricColumn] = [], syntheticKeys: [MetricColumn] = []
        for column in schema.columns {
            guard column.isModelled else {
                if column.type == .identifier, let rc = real[column: column.name], let sc = synthetic[column: column.name] {
                    realKeys.append(.categorical(column.name, rc))
                    syntheticKeys.append(.categorical(column.name, sc))
                }
                continue
            }
            func decode(_ table: Table, _ file: String?, _ side: String) -> MetricColumn? {
                do { return try MetricColumn.column(column, of: table, file: file, numericCategories: numeric) } catch {
                    issues.append(.init(family: nil, metric: nil, columns: [column.name],
                                        reason: "column '\(column.name)' left out of every metric: \(side): \(error)"))
                    return nil
                }
            }
            guard let rc = decode(real, realFile, "real"), let sc = decode(synthetic, syntheticFile, "synthetic") else { continue }
            var hc: MetricColumn?
            if let holdout {
                guard let c = decode(holdout, holdoutFile, "holdout") else { continue }
                hc = c
            }
            let realMissing = rc.missingShare, syntheticMissing = sc.missingShare
            if real.rowCount > 0 && realMissing == 1 {
                issues.append(.init(family: nil, metric: "no values", columns: [column.name],
                                    reason: "column '\(column.name)' left out of every metric: the real column has no values, so there is nothing to compare with"))
                continue
            }
            if synthetic.rowCount > 0 && syntheticMissing == 1 {
                issues.append(.init(family: nil, metric: "no values", columns: [column.name],
                                    reason: "the synthetic column '\(column.name)' has no values although \(Int(((1 - realMissing) * 100).rounded()))% of the real cells have one"))
            }
            r.append(rc)
            s.append(sc)
            if let hc { h.append(hc) }
            scored.append(.init(name: column.name, kind: rc.kind, realMissing: realMissing, syntheticMissing: syntheticMissing))
        }
        let known = Set(schema.columns.map(\.name))
        self.real = r
        self.synthetic = s
        self.holdout = holdout == nil ? nil : h
        self.realKeys = realKeys
        self.syntheticKeys = syntheticKeys
        self.issues = issues
        self.inputs = .init(realRows: real.rowCount, syntheticRows: synthetic.rowCount, holdoutRows: holdout?.rowCount,
                            columns: scored,
                            identifierColumns: schema.columns.filter { !$0.isModelled }.map(\.name),
                            extraSyntheticColumns: synthetic.columnNames.filter { !known.contains($0) })
    }
}

extension MetricColumn {
    /// Share of missing cells (0 for an empty column).
    var missingShare: Double {
        let n = data.count
        guard n > 0 else { return 0 }
        let missing: Int
        switch data {
        case .numerical(let v): missing = v.reduce(0) { $0 + ($1 == nil || $1!.isNaN ? 1 : 0) }
        case .categorical(let v): missing = v.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        }
        return Double(missing) / Double(n)
    }

    /// The column restricted to the given rows, in their order.
    func rows(_ indices: [Int]) -> MetricColumn {
        switch data {
        case .numerical(let v): MetricColumn(name: name, kind: kind, data: .numerical(indices.map { v[$0] }))
        case .categorical(let v): MetricColumn(name: name, kind: kind, data: .categorical(indices.map { v[$0] }))
        }
    }
}

import RareSynthSchema
import RareSynthTable

extension EvaluationState {
    mutating func runFidelity(realTable: Table, syntheticTable: Table, realKeys: [MetricColumn], syntheticKeys: [MetricColumn]) {
        let before = issues.count
        let (real, synthetic, threads) = (self.real, self.synthetic, options.threads)
        var section = FidelitySection(columns: [], correlations: [])
        section.quality = attempt(.fidelity, "QualityReport") { QualityScores(try QualityReport.compute(real: real, synthetic: synthetic)) }
        let (r, s, meta) = diagnosticInputs(realTable: realTable, syntheticTable: syntheticTable,
                                            realKeys: realKeys, syntheticKeys: syntheticKeys)
        section.diagnostic = DiagnosticScores(DiagnosticReport.compute(real: r, synthetic: s, metadata: meta))
        let seed = options.seed
        if let report = attempt(.fidelity, "column distances", {
            try FidelityReport.compute(real: real, synthetic: synthetic,
                                       options: .init(mmd: nil, threads: threads))
        }) {
            let kinds = Dictionary(uniqueKeysWithValues: real.map { ($0.name, $0.kind) })
            var byName: [String: ColumnFidelity] = [:]
            for d in report.continuous {
                byName[d.column] = ColumnFidelity(d, kind: kinds[d.column] ?? .numerical)
                if let e = d.error { issue(.fidelity, "column distances", [d.column], "\(e)") }
            }
            for d in report.categorical { byName[d.column] = ColumnFidelity(d, kind: kinds[d.column] ?? .categorical) }
            section.columns = real.compactMap { byName[$0.name] }
            section.correlations = [report.pearson, report.spearman, report.cramersV].map(CorrelationMatrices.init)
        }
        // MMD², detection and pMSE one-hot the categories: rare labels share a feature.
        let (modelReal, modelSynthetic) = MetricColumn.collapsingRareCategories(real: real, synthetic: synthetic)
        if let mmd = attempt(.fidelity, "MMD", {
            try MaximumMeanDiscrepancy.compute(real: modelReal, synthetic: modelSynthetic,
                                               options: .init(seed: seed), threads: threads)
        }) {
            section.mmd = mmd.map(MMDScore.init)
            if mmd == nil { issue(.fidelity, "MMD", [], "fewer than two rows on a side") }
        }
        section.detection = attempt(.fidelity, "detection") {
            try DetectionScore.compute(real: modelReal, synthetic: modelSynthetic, seed: seed, threads: threads)
        }
        section.propensity = attempt(.fidelity, "propensity pMSE") {
            try PropensityMSE.compute(real: modelReal, synthetic: modelSynthetic)
        }
        fidelity = section
        finish(.fidelity, issuesBefore: before)
    }

    /// The DiagnosticReport's view of the tables: scored columns and identifier keys decoded, each
    /// column's dtype as pandas would read the CSV, and SDMetrics metadata from the schema
    /// (a unique identifier is the primary key).
    func diagnosticInputs(realTable: Table, syntheticTable: Table, realKeys: [MetricColumn],
                          syntheticKeys: [MetricColumn]) -> (DiagnosticTable, DiagnosticTable, DiagnosticMetadata) {
        let scored = Set(real.map(\.name)).union(realKeys.map(\.name))
        var columns: [DiagnosticMetadata.Column] = []
        var primaryKey: [String] = []
        for c in schema.columns where scored.contains(c.name) {
            let sdtype: DiagnosticMetadata.SDType
            switch c.type {
            case .numerical: sdtype = .numerical
            case .datetime: sdtype = .datetime
            case .categorical: sdtype = .categorical
            case .boolean: sdtype = .boolean
            case .identifier, .pii: sdtype = .id
            }
            if c.type == .identifier && c.repeated != true && primaryKey.isEmpty { primaryKey = [c.name] }
            columns.append(.init(name: c.name, sdtype: sdtype, datetimeFormat: c.type == .datetime ? c.format : nil))
        }
        func storage(_ t: Table) -> [DiagnosticTable.StorageColumn] {
            t.columnNames.enumerated().map { j, name in
                .init(name: name, dtype: schema[name]?.type == .datetime ? .datetime64ns : PandasDType.inferred(fromCSVCells: t.columns[j]))
            }
        }
        return (DiagnosticTable(columns: real + realKeys, storage: storage(realTable)),
                DiagnosticTable(columns: synthetic + syntheticKeys, storage: storage(syntheticTable)),
                DiagnosticMetadata(columns: columns, primaryKey: primaryKey))
    }
}

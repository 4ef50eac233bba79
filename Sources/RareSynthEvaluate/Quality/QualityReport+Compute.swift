import RareSynthNumerics
extension QualityReport {
    /// Scores `synthetic` against `real` the way SDMetrics 0.32's QualityReport does.
    ///
    /// Columns are matched by name and paired in the order of `real`. Leave out columns SDMetrics
    /// does not score (sdtype `id`, PII, unknown): it gives them no row at all.
    ///
    /// Each column is prepared once — sorted for KS, hashed into shared integer codes, cut into
    /// bins — and the pairs then only count codes or run Pearson, so 1M rows × 20 columns take a
    /// few seconds. Columns and pairs are spread over `options.maxThreads` threads; the result
    /// does not depend on the thread count.
    /// - Throws: ``MetricError/missingColumn(_:)``, ``MetricError/kindMismatch(column:)`` or
    ///   ``MetricError/lengthMismatch(column:)`` when the tables do not match.
    public static func compute(real: [MetricColumn], synthetic: [MetricColumn],
                               options: Options = .sdmetrics) throws(MetricError) -> QualityReport {
        let pairs = try matchColumns(real: real, synthetic: synthetic)

        let threads = Swift.max(1, options.maxThreads)
        let matched = pairs
        let prepared = Parallel.map(count: matched.count, chunkSize: 1, threads: threads) { i in
            PreparedColumn(real: matched[i].0, synthetic: matched[i].1)
        }

        let shapes = prepared.map(\.shape)
        var indexPairs: [(Int, Int)] = []
        for i in prepared.indices { for j in prepared.indices where j > i { indexPairs.append((i, j)) } }
        let columnPairs = indexPairs
        let pairDetails = Parallel.map(count: columnPairs.count, chunkSize: 1, threads: threads) { k in
            pairDetail(prepared[columnPairs[k].0], prepared[columnPairs[k].1], options: options)
        }

        let shapeScore = mean(shapes.compactMap(\.score))
        let pairScore = mean(pairDetails.filter(\.meetsThreshold).compactMap(\.score))
        return QualityReport(overall: mean([shapeScore, pairScore].compactMap { $0 }),
                             columnShapes: shapeScore, columnPairTrends: pairScore,
                             columnShapeDetails: shapes, columnPairDetails: pairDetails)
    }

    /// pandas' `Series.mean()` with NaN skipped; `nil` for no values.
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : PairwiseSum.sum(values) / Double(values.count)
    }

    /// One row of Column Pair Trends (`ColumnPairTrends._generate_details` and
    /// `_compute_pair_score`).
    static func pairDetail(_ a: PreparedColumn, _ b: PreparedColumn, options: Options) -> ColumnPairDetail {
        var detail = ColumnPairDetail(column1: a.name, column2: b.name, metric: .contingencySimilarity,
                                      score: nil, realCorrelation: nil, syntheticCorrelation: nil,
                                      realAssociation: nil, meetsThreshold: false, error: nil)
        if case .continuous(let x) = a.values, case .continuous(let y) = b.values {
            detail.metric = .correlationSimilarity
            do {
                try CorrelationSimilarity.checkNotConstant(
                    names: (a.name, b.name), real: (x.realIsConstant, y.realIsConstant),
                    synthetic: (x.syntheticIsConstant, y.syntheticIsConstant))
                let threshold = Swift.max(0, options.realCorrelationThreshold)
                let result = try CorrelationSimilarity.breakdown(
                    real: (x.real, y.real), synthetic: (x.synthetic, y.synthetic), realCorrelationThreshold: threshold)
                detail.score = result.score
                detail.realCorrelation = result.real
                detail.syntheticCorrelation = result.synthetic
                if threshold > 0 {
                    detail.meetsThreshold = result.real.map { Swift.abs($0) > threshold } ?? false
                } else {
                    detail.meetsThreshold = true
                }
            } catch {
                detail.error = error
            }
            return detail
        }
        // A mixed pair uses the bins of its continuous column; SDMetrics reports the error of a
        // column whose binning failed only here, not for correlation pairs.
        do {
            let threshold = Swift.max(0, options.realAssociationThreshold)
            let result = ContingencySimilarity.breakdown(try a.codes(), try b.codes(),
                                                         realAssociationThreshold: threshold)
            detail.score = result.score
            detail.realAssociation = result.realAssociation
            if threshold > 0 {
                detail.meetsThreshold = result.realAssociation.map { $0 > threshold } ?? false
            } else {
                detail.meetsThreshold = true
            }
        } catch {
            detail.error = error
        }
        return detail
    }
}

/// A column of both tables, prepared once for its shape score and for all of its pairs.
struct PreparedColumn: Sendable {
    struct Continuous: Sendable {
        /// Values with NaN for missing.
        var real: [Double]
        var synthetic: [Double]
        var realIsConstant: Bool
        var syntheticIsConstant: Bool
        /// Equal-width bins on each table's own range, or `nil` when a value is infinite.
        var bins: CategoryCodes?
    }

    enum Values: Sendable {
        case continuous(Continuous)
        case discrete(CategoryCodes)
    }

    var name: String
    var values: Values
    var shape: ColumnShapeDetail

    init(real: MetricColumn, synthetic: MetricColumn) {
        name = real.name
        switch (real.data, synthetic.data) {
        case let (.numerical(r), .numerical(s)):
            let rv = r.map { $0 ?? .nan }, sv = s.map { $0 ?? .nan }
            let rounding = real.kind != .datetime
            let score = KSComplement.compute(sortedReal: KSComplement.prepared(r, rounding: rounding),
                                             sortedSynthetic: KSComplement.prepared(s, rounding: rounding))
            var bins: CategoryCodes?
            if let rb = EqualWidthBins.codes(rv), let sb = EqualWidthBins.codes(sv) {
                bins = CategoryCodes(real: rb, synthetic: sb, cardinality: EqualWidthBins.cardinality)
            }
            values = .continuous(Continuous(real: rv, synthetic: sv,
                                            realIsConstant: CorrelationSimilarity.hasOneValue(rv),
                                            syntheticIsConstant: CorrelationSimilarity.hasOneValue(sv),
                                            bins: bins))
            shape = ColumnShapeDetail(column: name, metric: .ksComplement, score: score, error: nil)
        case let (.categorical(r), .categorical(s)):
            let codes = CategoryCodes(real: r, synthetic: s)
            values = .discrete(codes)
            do {
                shape = ColumnShapeDetail(column: name, metric: .tvComplement,
                                          score: try TVComplement.compute(codes), error: nil)
            } catch {
                shape = ColumnShapeDetail(column: name, metric: .tvComplement, score: nil, error: error)
            }
        default:
            preconditionFailure("kinds were checked to match")
        }
    }

    /// The codes this column contributes to a contingency table.
    func codes() throws(MetricError) -> CategoryCodes {
        switch values {
        case .discrete(let codes): return codes
        case .continuous(let c):
            guard let bins = c.bins else { throw .nonFiniteRange(column: name) }
            return bins
        }
    }
}

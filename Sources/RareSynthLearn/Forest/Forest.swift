import RareSynthNumerics

/// What the classifier and the regressor share: fitting trees in parallel on bootstrap samples,
/// and averaging their leaf values.
struct Forest: Sendable {
    let trees: [DecisionTree]
    let featureCount: Int
    let valueWidth: Int

    /// Column-major Float copy of a row-major matrix (scikit-learn fits forests on float32).
    static func floatColumns(_ x: Matrix) -> [Float] {
        var out = [Float](repeating: 0, count: x.rows * x.columns)
        for i in 0..<x.rows {
            for f in 0..<x.columns { out[f * x.rows + i] = Float(x.elements[i * x.columns + f]) }
        }
        return out
    }

    /// Grows `options.treeCount` trees, tree t from `SeededRandom(seed: options.seed, stream: t)`,
    /// one tree per parallel task. `makeCriterion` gets the tree's sample weights.
    static func fit<C: SplitCriterion>(
        _ x: Matrix, options: RandomForestOptions, maxFeatures: RandomForestOptions.MaxFeatures,
        valueWidth: Int, threads: Int?,
        makeCriterion: @Sendable (UnsafePointer<Double>) -> C
    ) -> Forest {
        let n = x.rows, p = x.columns
        let columns = floatColumns(x)
        let trees = Parallel.map(count: options.treeCount, chunkSize: 1, threads: threads) { t -> DecisionTree in
            var random = SeededRandom(seed: options.seed, stream: UInt64(t))
            var weights = [Double](repeating: options.bootstrap ? 0 : 1, count: n)
            if options.bootstrap {
                for _ in 0..<n { weights[random.nextInt(below: n)] += 1 }
            }
            return columns.withUnsafeBufferPointer { columnsBuffer in
                weights.withUnsafeBufferPointer { weightsBuffer in
                    let builder = TreeBuilder<C>(
                        columns: columnsBuffer.baseAddress!, rowCount: n, featureCount: p,
                        maxFeatures: maxFeatures.resolve(features: p), minSamplesSplit: options.minSamplesSplit,
                        minSamplesLeaf: options.minSamplesLeaf, maxDepth: options.maxDepth ?? Int.max)
                    var criterion = makeCriterion(weightsBuffer.baseAddress!)
                    return builder.build(criterion: &criterion, weights: weightsBuffer.baseAddress!, random: &random)
                }
            }
        }
        return Forest(trees: trees, featureCount: p, valueWidth: valueWidth)
    }

    /// The mean over trees of each row's leaf values, rows × valueWidth. Rows are cut into fixed
    /// chunks; within a chunk every tree runs over all rows in turn, so each row's sum is taken
    /// in tree order whatever the thread count.
    func meanLeafValues(_ x: Matrix, threads: Int?) -> Matrix {
        let width = valueWidth, p = featureCount
        var out = Matrix(rows: x.rows, columns: width)
        guard x.rows > 0 else { return out }
        let treeCount = Double(trees.count)
        out.elements.withUnsafeMutableBufferPointer { outBuffer in
            let output = SendablePointer(outBuffer.baseAddress!)
            Parallel.forEachChunk(count: x.rows, chunkSize: 1024, threads: threads) { range in
                var rows = [Float](repeating: 0, count: range.count * p)
                for (r, i) in range.enumerated() {
                    for f in 0..<p { rows[r * p + f] = Float(x.elements[i * p + f]) }
                }
                let sums = output.base + range.lowerBound * width
                rows.withUnsafeBufferPointer { rowBuffer in
                    for tree in trees {
                        tree.accumulate(rows: rowBuffer.baseAddress!, count: range.count, featureCount: p, into: sums)
                    }
                }
                for j in 0..<(range.count * width) { sums[j] /= treeCount }
            }
        }
        return out
    }
}

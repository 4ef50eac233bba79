import RareSynthNumerics

/// Grows one CART tree depth-first, as scikit-learn 1.9.1's `DepthFirstTreeBuilder` with the
/// `BestSplitter` (`sklearn/tree/_tree.pyx`, `_splitter.pyx`).
///
/// At each node: it is a leaf when it holds fewer than `minSamplesSplit` distinct rows (or fewer
/// than 2·`minSamplesLeaf`), is at `maxDepth`, or its impurity is ≤ machine ε. Otherwise
/// features are drawn at random without replacement; each is sorted over the node's rows
/// (`PairedSort`) and every boundary between values more than 1e-7 apart is scored by the
/// criterion's proxy improvement, keeping the first best. Features found constant in the node
/// are remembered for its descendants and skipped; they count toward `maxFeatures`, but the
/// search goes on until at least one non-constant feature has been scored (scikit-learn's loop
/// condition). The threshold is the midpoint x₍ₚ₋₁₎/2 + x₍ₚ₎/2 (or x₍ₚ₋₁₎ when rounding puts
/// it on x₍ₚ₎). Bootstrap counts are sample weights, so "samples" in the size limits are
/// distinct rows, as in scikit-learn. Feature values are Floats, as scikit-learn's float32.
///
/// Random draws (tree t uses stream t): the bootstrap's n uniform rows, then the feature draws
/// in node order, so a tree depends only on (seed, t) and never on the thread count.
struct TreeBuilder<Criterion: SplitCriterion> {
    /// Column-major features: feature f of row i at `columns[f * rowCount + i]`.
    let columns: UnsafePointer<Float>
    let rowCount: Int
    let featureCount: Int
    let maxFeatures: Int
    let minSamplesSplit: Int
    let minSamplesLeaf: Int
    let maxDepth: Int

    static var featureThreshold: Float { 1e-7 }

    /// A node waiting to be grown: samples[start..<end], and what its parent learnt.
    private struct Pending {
        var start: Int, end: Int, depth: Int, parent: Int, isLeft: Bool, constantCount: Int
    }

    /// The per-tree buffers, allocated once: the node's rows (`samples`, reordered in place as
    /// nodes split), their values of the feature being scored, and the radix sort's scratch.
    private struct Workspace {
        let samples: UnsafeMutablePointer<Int32>
        let values: UnsafeMutablePointer<Float>
        let scratchKeys: UnsafeMutablePointer<UInt32>
        let scratchSamples: UnsafeMutablePointer<Int32>
        let histogram: UnsafeMutablePointer<Int32>

        init(capacity: Int) {
            histogram = .allocate(capacity: 4 * 256)
            samples = .allocate(capacity: capacity)
            values = .allocate(capacity: capacity)
            scratchKeys = .allocate(capacity: 2 * capacity)
            scratchSamples = .allocate(capacity: capacity)
        }

        func deallocate() {
            samples.deallocate()
            values.deallocate()
            scratchKeys.deallocate()
            scratchSamples.deallocate()
            histogram.deallocate()
        }
    }

    /// Grows a tree on the rows with positive weight.
    func build(criterion: inout Criterion, weights: UnsafePointer<Double>, random: inout SeededRandom) -> DecisionTree {
        var tree = DecisionTree(valueWidth: criterion.valueWidth)
        let work = Workspace(capacity: max(rowCount, 1))
        defer { work.deallocate() }
        var sampleCount = 0
        for i in 0..<rowCount where weights[i] > 0 {
            work.samples[sampleCount] = Int32(i)
            sampleCount += 1
        }
        var features = Array(0..<featureCount)
        var stack = [Pending(start: 0, end: sampleCount, depth: 0, parent: -1, isLeft: false, constantCount: 0)]
        while let job = stack.popLast() {
            let node = tree.addNode()
            if job.parent >= 0 {
                if job.isLeft { tree.nodes[job.parent].left = Int32(node) } else { tree.nodes[job.parent].right = Int32(node) }
            }
            let (_, impurity) = criterion.setNode(work.samples, job.start..<job.end)
            let count = job.end - job.start
            var split: (feature: Int, threshold: Double, position: Int, constantCount: Int)?
            if !(job.depth >= maxDepth || count < minSamplesSplit || count < 2 * minSamplesLeaf
                 || impurity <= Double.ulpOfOne) {
                split = bestSplit(work, job.start, job.end, &features, job.constantCount, &criterion, &random)
            }
            guard let chosen = split else {
                // The node totals are still those of setNode: a split search only moves samples
                // between the left and right children's statistics.
                tree.nodes[node].left = Int32(tree.values.count)
                criterion.nodeValue(into: &tree.values)
                continue
            }
            tree.nodes[node].feature = Int32(chosen.feature)
            tree.nodes[node].threshold = chosen.threshold
            partition(work.samples, job.start, job.end, feature: chosen.feature, threshold: chosen.threshold)
            stack.append(Pending(start: chosen.position, end: job.end, depth: job.depth + 1, parent: node,
                                 isLeft: false, constantCount: chosen.constantCount))
            stack.append(Pending(start: job.start, end: chosen.position, depth: job.depth + 1, parent: node,
                                 isLeft: true, constantCount: chosen.constantCount))
        }
        return tree
    }

    /// The best split of samples[start..<end], or nil when no feature splits the node.
    private func bestSplit(_ work: Workspace, _ start: Int, _ end: Int,
                           _ features: inout [Int], _ knownConstants: Int, _ criterion: inout Criterion,
                           _ random: inout SeededRandom) -> (feature: Int, threshold: Double, position: Int, constantCount: Int)? {
        let s = work.samples, xf = work.values
        var best: (feature: Int, threshold: Double, position: Int)?
        var bestProxy = -Double.infinity
        var remaining = featureCount      // f_i: features [f_i, p) were scored
        var visited = 0
        var foundConstants = 0            // newly found constant in this node
        var drawnConstants = 0            // known constants drawn so far
        var totalConstants = knownConstants
        let threshold = Self.featureThreshold
        while remaining > totalConstants
                && (visited < maxFeatures || visited <= foundConstants + drawnConstants) {
            visited += 1
            // Draw among the features neither known constant-and-drawn nor already scored.
            var j = drawnConstants + random.nextInt(below: remaining - foundConstants - drawnConstants)
            if j < knownConstants {
                features.swapAt(drawnConstants, j)
                drawnConstants += 1
                continue
            }
            j += foundConstants
            let f = features[j]
            let column = columns + f * rowCount
            for p in start..<end { xf[p] = column[Int(s[p])] }
            PairedSort.sort(xf + start, s + start, count: end - start,
                            scratchKeys: work.scratchKeys, scratchSamples: work.scratchSamples,
                            histogram: work.histogram)
            if xf[end - 1] <= xf[start] + threshold {
                features.swapAt(j, totalConstants)
                foundConstants += 1
                totalConstants += 1
                continue
            }
            remaining -= 1
            features.swapAt(remaining, j)
            criterion.resetLeft()
            var p = start
            var moved = start
            while p < end {
                while p + 1 < end && xf[p + 1] <= xf[p] + threshold { p += 1 }
                p += 1
                guard p < end else { break }
                if p - start < minSamplesLeaf || end - p < minSamplesLeaf { continue }
                criterion.moveLeft(s, moved..<p)
                moved = p
                let proxy = criterion.proxyImprovement
                if proxy > bestProxy {
                    bestProxy = proxy
                    let low = Double(xf[p - 1]), high = Double(xf[p])
                    var t = low / 2 + high / 2
                    if t == high || !t.isFinite { t = low }
                    best = (f, t, p)
                }
            }
        }
        guard let best else { return nil }
        return (best.feature, best.threshold, best.position, totalConstants)
    }

    /// Reorders samples[start..<end] so rows with x[feature] ≤ threshold come first.
    private func partition(_ s: UnsafeMutablePointer<Int32>, _ start: Int, _ end: Int, feature: Int, threshold: Double) {
        let column = columns + feature * rowCount
        var p = start, partitionEnd = end
        while p < partitionEnd {
            if Double(column[Int(s[p])]) <= threshold {
                p += 1
            } else {
                partitionEnd -= 1
                let t = s[p]; s[p] = s[partitionEnd]; s[partitionEnd] = t
            }
        }
    }
}

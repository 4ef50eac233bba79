/// One fitted CART tree: scikit-learn's `Tree` arrays, packed into one node record so that a
/// descent reads one cache line per level.
///
/// Node 0 is the root. An internal node sends a row left when x[feature] ≤ threshold, comparing
/// the feature as a Float, as scikit-learn does after converting X to float32. A leaf has
/// feature −1 and its `valueWidth` values start at `values[left]`: class fractions for a
/// classifier, the mean target for a regressor.
struct DecisionTree: Sendable {
    struct Node: Sendable {
        var feature: Int32 = -1
        var left: Int32 = -1
        var right: Int32 = -1
        var threshold: Double = 0
    }

    var nodes: [Node] = []
    var values: [Double] = []
    let valueWidth: Int

    init(valueWidth: Int) {
        self.valueWidth = valueWidth
    }

    /// Appends a node with no children yet and returns its index.
    mutating func addNode() -> Int {
        nodes.append(Node())
        return nodes.count - 1
    }

    /// Adds each row's leaf values to `sums` (rows × valueWidth): `rows` Float rows of
    /// `featureCount` values. One tree over many rows keeps its nodes in cache.
    func accumulate(rows: UnsafePointer<Float>, count: Int, featureCount: Int, into sums: UnsafeMutablePointer<Double>) {
        nodes.withUnsafeBufferPointer { nodeBuffer in
            values.withUnsafeBufferPointer { valueBuffer in
                let nodes = nodeBuffer.baseAddress!, values = valueBuffer.baseAddress!
                for i in 0..<count {
                    let row = rows + i * featureCount
                    var node = nodes[0]
                    while node.feature >= 0 {
                        node = nodes[Int(Double(row[Int(node.feature)]) <= node.threshold ? node.left : node.right)]
                    }
                    let leaf = values + Int(node.left)
                    let out = sums + i * valueWidth
                    for k in 0..<valueWidth { out[k] += leaf[k] }
                }
            }
        }
    }
}

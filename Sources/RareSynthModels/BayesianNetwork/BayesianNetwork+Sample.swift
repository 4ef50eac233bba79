import RareSynthNumerics
import RareSynthTransform

extension BayesianNetwork {
    /// Encoded rows for `requests`, each drawn node by node in `order` from its conditional
    /// table; a continuous node's bin becomes a value uniform inside it (or missing). Row `r`
    /// uses the stream `(seed, r)` only. Conditions are met by redrawing rows that fail them.
    public func sample(_ requests: [SampleRequest], seed: UInt64) throws -> EncodedTable {
        let layout = TabularLayout.declared(nodes.map { node in
            (node.name, node.edges.map { $0.first!...$0.last! }, node.edges == nil ? node.size : 0)
        }, bins: 1)
        let samplers = conditionals.enumerated().map { x, table in
            (0..<(table.count / Swift.max(1, nodes[x].size))).map { c in
                CategoricalSampler(weights: Array(table[(c * nodes[x].size)..<((c + 1) * nodes[x].size)]))
            }
        }
        return try ConditionedSampling.sample(requests, layout: layout) { streams, _ in
            let count = streams.count
            var values = nodes.map { [Double](repeating: 0, count: $0.edges == nil ? 0 : count) }
            var codes = nodes.map { [Int32](repeating: 0, count: $0.edges == nil ? count : 0) }
            var state = [Int](repeating: 0, count: nodes.count)
            for (r, id) in streams.enumerated() {
                var rng = SeededRandom(seed: seed, stream: id)
                for x in order {
                    var c = 0
                    for p in parents[x] { c = c * nodes[p].size + state[p] }
                    let s = samplers[x][c]?.sample(using: &rng) ?? 0
                    state[x] = s
                    if let edges = nodes[x].edges {
                        if s >= nodes[x].bins {
                            values[x][r] = .nan
                        } else {
                            let (lo, hi) = (edges[s], edges[s + 1])
                            values[x][r] = lo + (hi - lo) * rng.nextUniform()
                        }
                    } else {
                        codes[x][r] = Int32(s)
                    }
                }
            }
            return EncodedTable(columns: nodes.indices.map { x in
                nodes[x].edges == nil
                    ? EncodedColumn(name: nodes[x].name, values: .discrete(codes: codes[x], levelCount: nodes[x].size))
                    : EncodedColumn(name: nodes[x].name, values: .continuous(values[x]))
            })
        }
    }
}

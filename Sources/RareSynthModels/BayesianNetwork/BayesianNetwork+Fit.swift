import Foundation
import RareSynthNumerics
import RareSynthPrivacy
import RareSynthTransform

extension BayesianNetwork {
    /// Learns the network greedily as PrivBayes does: the first node at random, then each step
    /// adds the (node, parent set) pair with the most mutual information among the nodes not yet
    /// placed and parent sets of placed nodes. With a budget, the pair is drawn by the
    /// exponential mechanism instead of taken as the best, and each node's joint counts with its
    /// parents get Laplace noise before they become its conditional table.
    ///
    /// Budget (ε, δ): β·ε for the d − 1 selections, (1 − β)·ε for the d tables, split evenly;
    /// both shares are then scaled up together as far as the Rényi ledger allows at δ (at scale 1
    /// basic composition already gives ε; the ledger is tighter for many charges). The parent
    /// sets are the largest, up to `maximumParents`, whose table has at most n·ε_table/θ cells
    /// (θ-usefulness), so the degree adapts to the data size and the budget.
    ///
    /// Score: u = n·I(X; Π) in nats. Adding or removing one row changes it by at most
    /// g(n + 1) = (n + 2)·log(n + 2) − (n + 1)·log(n + 1) (≤ log(n + 2) + 1): the change is
    /// g(N) − g(c_x) − g(c_π) + g(c_xπ) for g(c) = (c + 1)log(c + 1) − c·log c, increasing, with
    /// c_xπ ≤ min(c_x, c_π) ≤ N (derivation in the module README; checked on random tables in
    /// BayesianNetworkTests).
    ///
    /// - Parameters:
    ///   - declaredBounds: under privacy, every continuous column's public bounds, by column
    ///     index (the bins are cut from them, not from the data).
    ///   - publicFacts: what the caller took as public, for the privacy statement.
    public static func fit(_ table: EncodedTable, options: BayesianNetworkOptions = .init(), seed: UInt64 = 0,
                           declaredBounds: [Int: ClosedRange<Double>] = [:], publicFacts: [String] = []) throws -> BayesianNetwork {
        if let problem = options.problems().first { throw NeuralModelError(problem) }
        let n = table.rowCount, d = table.columns.count
        guard n > 0, d > 0 else { throw NeuralModelError("no rows or no columns to learn from") }
        let isPrivate = options.isPrivate
        let budget = options.budget

        // Nodes and each row's state, from public facts alone under privacy.
        var nodes: [Node] = []
        var states: [[Int32]] = []
        for (k, column) in table.columns.enumerated() {
            switch column.values {
            case let .discrete(codes, levels):
                nodes.append(Node(name: column.name, edges: nil, hasMissing: false, size: Swift.max(1, levels)))
                states.append(codes)
            case let .continuous(values):
                let edges: [Double], hasMissing: Bool
                if isPrivate {
                    guard let bounds = declaredBounds[k] else {
                        throw NeuralModelError("column '\(column.name)' has no declared bounds; a private Bayesian network cuts its bins from them")
                    }
                    let width = (bounds.upperBound - bounds.lowerBound) / Double(options.bins)
                    edges = (0...options.bins).map { $0 == options.bins ? bounds.upperBound : bounds.lowerBound + Double($0) * width }
                    hasMissing = true
                } else {
                    edges = quantileEdges(values.filter { !$0.isNaN }, bins: options.bins)
                    hasMissing = values.contains { $0.isNaN }
                }
                let node = Node(name: column.name, edges: edges, hasMissing: hasMissing, size: edges.count - 1 + (hasMissing ? 1 : 0))
                nodes.append(node)
                states.append(values.map { Int32(node.state(of: $0)) })
            }
        }

        // The budget: charges calibrated before any count is taken.
        var selectionEpsilon = Double.infinity, tableEpsilon = Double.infinity
        var statement: PrivacyStatement?
        let sensitivity = scoreSensitivity(rows: n)
        if isPrivate, let budget {
            do { try budget.check(rows: n) } catch let error as PrivacyError { throw NeuralModelError(error.description) }
            func ledger(_ scale: Double) throws -> PrivacyStatement {
                var accountant = RenyiAccountant(orders: RenyiAccountant.extendedOrders)
                if d > 1 {
                    let e = scale * options.structureShare * budget.epsilon / Double(d - 1)
                    accountant.charge("PrivBayes structure: \(d - 1) exponential-mechanism choices of a node and its parents by mutual information, ε = \(PrivacyCharge.labelled(e)) each (sensitivity \(PrivacyCharge.labelled(sensitivity)))",
                                      .exponential(try ExponentialMechanism(epsilon: e, sensitivity: sensitivity), uses: d - 1))
                }
                let t = scale * (d > 1 ? 1 - options.structureShare : 1) * budget.epsilon / Double(d)
                accountant.charge("PrivBayes conditional tables: \(d) joint count tables with Laplace noise, ε = \(PrivacyCharge.labelled(t)) each (scale \(PrivacyCharge.labelled(1 / t)))",
                                  .laplace(try LaplaceMechanism(epsilon: t, sensitivity: 1), uses: d))
                return PrivacyStatement(budget: budget, accountant: accountant, publicFacts: ["the number of training rows (\(n))"] + publicFacts)
            }
            // Scale 1 meets the budget by basic composition; find the largest scale the ledger allows.
            var low = 1.0
            while try ledger(low * 2).epsilon <= budget.epsilon, low < 1024 { low *= 2 }
            var high = low * 2
            for _ in 0..<40 {
                let mid = (low + high) / 2
                if try ledger(mid).epsilon <= budget.epsilon { low = mid } else { high = mid }
            }
            statement = try ledger(low)
            selectionEpsilon = d > 1 ? low * options.structureShare * budget.epsilon / Double(d - 1) : .infinity
            tableEpsilon = low * (d > 1 ? 1 - options.structureShare : 1) * budget.epsilon / Double(d)
        }
        let maximumCells = isPrivate ? Double(n) * tableEpsilon / options.usefulness : Double(n) / options.rowsPerCell

        // Structure.
        var rng = SeededRandom(seed: SeededRandom.streamKey(seed: seed, stream: 7))
        let first = rng.nextInt(below: d)
        var order = [first]
        var placed = [Bool](repeating: false, count: d)
        placed[first] = true
        var parents = [[Int]](repeating: [], count: d)
        let mechanism = isPrivate && d > 1 ? try ExponentialMechanism(epsilon: selectionEpsilon, sensitivity: sensitivity) : nil
        while order.count < d {
            var candidates: [(node: Int, parents: [Int])] = []
            for x in 0..<d where !placed[x] {
                for set in parentSets(of: x, among: order.sorted(), nodes: nodes, maximumCells: maximumCells,
                                      maximumParents: options.maximumParents) {
                    candidates.append((x, set))
                }
            }
            let scores = candidates.map { n == 0 ? 0 : Double(n) * mutualInformation(states[$0.node], nodes[$0.node].size,
                                                                                    $0.parents.map { states[$0] }, $0.parents.map { nodes[$0].size }) }
            let chosen: Int
            if let mechanism {
                chosen = mechanism.choose(utilities: scores, using: &rng)
            } else {
                chosen = scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }!
            }
            let (x, set) = candidates[chosen]
            parents[x] = set
            order.append(x)
            placed[x] = true
        }

        // Conditional tables from (noisy) joint counts.
        var conditionals = [[Double]](repeating: [], count: d)
        let laplace = isPrivate ? try LaplaceMechanism(epsilon: tableEpsilon, sensitivity: 1) : nil
        for x in order {
            let size = nodes[x].size
            let radices = parents[x].map { nodes[$0].size }
            let configurations = radices.reduce(1, *)
            var counts = [Double](repeating: 0, count: configurations * size)
            for r in 0..<n {
                var c = 0
                for (p, radix) in zip(parents[x], radices) { c = c * radix + Int(states[p][r]) }
                counts[c * size + Int(states[x][r])] += 1
            }
            if let laplace {
                for i in counts.indices { counts[i] = Swift.max(0, counts[i] + laplace.noise(using: &rng)) }
            }
            // A configuration with no (noisy) count falls back on the node's own marginal.
            var marginal = [Double](repeating: 0, count: size)
            for c in 0..<configurations { for v in 0..<size { marginal[v] += counts[c * size + v] } }
            let marginalTotal = marginal.reduce(0, +)
            let fallback = marginalTotal > 0 ? marginal.map { $0 / marginalTotal } : [Double](repeating: 1 / Double(size), count: size)
            var table = [Double](repeating: 0, count: configurations * size)
            for c in 0..<configurations {
                let total = counts[(c * size)..<((c + 1) * size)].reduce(0, +)
                for v in 0..<size { table[c * size + v] = total > 0 ? counts[c * size + v] / total : fallback[v] }
            }
            conditionals[x] = table
        }
        return BayesianNetwork(options: options, nodes: nodes, order: order, parents: parents, conditionals: conditionals,
                               privacy: statement)
    }

    /// The add/remove-one sensitivity of n·I(X; Π) for tables of up to n + 1 rows (see `fit`).
    static func scoreSensitivity(rows n: Int) -> Double {
        let m = Double(n + 1)
        return (m + 1) * Foundation.log(m + 1) - m * Foundation.log(m)
    }

    /// Mutual information I(X; Π) in nats of a node and the joint state of its parents.
    static func mutualInformation(_ x: [Int32], _ xSize: Int, _ parents: [[Int32]], _ sizes: [Int]) -> Double {
        let n = x.count
        guard n > 0, !parents.isEmpty else { return 0 }
        let configurations = sizes.reduce(1, *)
        var joint = [Int](repeating: 0, count: configurations * xSize)
        var px = [Int](repeating: 0, count: xSize), pc = [Int](repeating: 0, count: configurations)
        for r in 0..<n {
            var c = 0
            for (p, radix) in zip(parents, sizes) { c = c * radix + Int(p[r]) }
            joint[c * xSize + Int(x[r])] += 1
            px[Int(x[r])] += 1
            pc[c] += 1
        }
        func xlogx(_ c: Int) -> Double { c > 0 ? Double(c) * Foundation.log(Double(c)) : 0 }
        let total = xlogx(n) - px.reduce(0) { $0 + xlogx($1) } - pc.reduce(0) { $0 + xlogx($1) } + joint.reduce(0) { $0 + xlogx($1) }
        return Swift.max(0, total / Double(n))
    }

    /// The largest parent sets (by inclusion) of placed nodes whose table with `x` has at most
    /// `maximumCells` cells and at most `maximumParents` members; the empty set when no single
    /// parent fits.
    static func parentSets(of x: Int, among placed: [Int], nodes: [Node], maximumCells: Double, maximumParents: Int) -> [[Int]] {
        let limit = maximumCells / Double(nodes[x].size)
        var out: [[Int]] = []
        var current: [Int] = []
        func extend(from start: Int, cells: Double) {
            var grew = false
            if current.count < maximumParents {
                for i in start..<placed.count {
                    let next = cells * Double(nodes[placed[i]].size)
                    guard next <= limit else { continue }
                    current.append(placed[i])
                    extend(from: i + 1, cells: next)
                    current.removeLast()
                    grew = true
                }
            }
            guard !grew else { return }
            // Maximal: no placed node outside the set (before or after) could join it.
            let members = Set(current)
            let canGrow = current.count < maximumParents
                && placed.contains { !members.contains($0) && cells * Double(nodes[$0].size) <= limit }
            if !canGrow { out.append(current) }
        }
        extend(from: 0, cells: 1)
        return out.isEmpty ? [[]] : out
    }

    /// Bin edges at the quantiles of the present values (duplicates merged), so each bin holds
    /// about as many rows; one bin [v, v] for a constant column, [0, 1] for none.
    static func quantileEdges(_ values: [Double], bins: Int) -> [Double] {
        guard !values.isEmpty else { return [0, 1] }
        let sorted = values.sorted()
        var edges = [sorted[0]]
        for k in 1..<bins {
            let q = sorted[Swift.min(sorted.count - 1, (k * sorted.count) / bins)]
            if q > edges.last! { edges.append(q) }
        }
        if sorted.last! > edges.last! || edges.count == 1 { edges.append(sorted.last!) }
        return edges
    }
}

extension BayesianNetwork.Node {
    /// The state of a value: its bin (values outside the edges clipped into the first or last),
    /// the missing state for NaN, or the level code of a discrete column.
    func state(of value: Double) -> Int {
        guard let edges else { return Int(value) }
        if value.isNaN { return hasMissing ? bins : 0 }
        var k = 0
        while k + 1 < bins && value >= edges[k + 1] { k += 1 }
        return k
    }
}

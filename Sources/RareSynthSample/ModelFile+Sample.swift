import RareSynthModels
import RareSynthNumerics
import RareSynthSchema
import RareSynthTable
import RareSynthTransform

/// What to sample from a model file.
public struct SampleOptions: Sendable, Equatable {
    /// Rows to produce (ignored when `conditionRows` is given: one row per condition row).
    public var rows: Int
    public var seed: UInt64
    /// Conditions every row meets (`sex=f`, `age>=60`).
    public var conditions: [Condition]
    /// One output row per row of this table, with its non-missing cells as equality conditions.
    public var conditionRows: Table?
    /// Give every category of this column the same number of rows.
    public var rebalance: String?

    public init(rows: Int, seed: UInt64 = 0, conditions: [Condition] = [], conditionRows: Table? = nil,
                rebalance: String? = nil) {
        self.rows = rows
        self.seed = seed
        self.conditions = conditions
        self.conditionRows = conditionRows
        self.rebalance = rebalance
    }
}

/// A sample and what the near-copy filter did to it.
public struct SampleOutcome: Sendable {
    public var table: Table
    /// Rows that nearly copied a real row and were drawn again.
    public var redrawn: Int
    /// Rows still nearly copying a real row after `maxRedraws` rounds (e.g. a one-row table).
    public var nearCopiesLeft: Int
}

extension ModelFile {
    /// Synthetic rows with every column of the training table except dropped ones, in its order.
    ///
    /// Every condition is checked before anything is sampled; an impossible one is an error,
    /// never an empty or short result.
    public func sample(_ options: SampleOptions) throws -> Table {
        try sample(options, filter: nil).table
    }

    /// As `sample(_:)`, and with a `filter`, rows that nearly copy a real row are drawn again
    /// (each round from a fresh seed derived from `options.seed`, under the same conditions),
    /// up to `maxRedraws` rounds.
    public func sample(_ options: SampleOptions, filter: NearCopyFilter?, maxRedraws: Int = 20) throws -> SampleOutcome {
        let requests = try requests(for: options)
        var modelled = try decodedSample(requests, seed: options.seed)
        var redrawn = 0
        var pending: [Int] = []
        if let filter {
            pending = filter.nearCopies(in: modelled)
            redrawn = pending.count
            var round: UInt64 = 1
            while !pending.isEmpty && round <= UInt64(maxRedraws) {
                let seed = SeededRandom.streamKey(seed: options.seed, stream: UInt64(1) << 61 | round)
                let replacement = try decodedSample(Self.requests(redrawing: pending, of: requests), seed: seed)
                modelled.replaceRows(pending, with: replacement)
                pending = filter.nearCopies(in: replacement).map { pending[$0] }
                round += 1
            }
        }
        return SampleOutcome(table: assemble(modelled, seed: options.seed), redrawn: redrawn, nearCopiesLeft: pending.count)
    }

    /// The model's requests for `options`, every condition translated and checked.
    func requests(for options: SampleOptions) throws -> [SampleRequest] {
        let translator = ConditionTranslator(transformer: transformer, schema: schema)
        let common = try translator.translate(options.conditions)
        if let conditionRows = options.conditionRows {
            var requests: [SampleRequest] = []
            var last: [EncodedCondition]?
            for i in 0..<conditionRows.rowCount {
                var row: [Condition] = []
                for (j, name) in conditionRows.columnNames.enumerated() {
                    if let cell = conditionRows.columns[j][i] { row.append(Condition(column: name, op: .equal, value: cell)) }
                }
                let encoded: [EncodedCondition]
                do { encoded = try translator.translate(row) + common } catch let error as ConditionError {
                    throw ConditionError("conditions row \(i + 1) (line \(i + 2)): \(error.message)")
                }
                if encoded == last { requests[requests.count - 1].count += 1 } else {
                    requests.append(SampleRequest(count: 1, conditions: encoded))
                    last = encoded
                }
            }
            return requests
        }
        if let column = options.rebalance {
            return try translator.rebalance(column, rows: options.rows, conditions: common)
        }
        return [SampleRequest(count: options.rows, conditions: common)]
    }

    /// Requests for drawing the rows at `rows` again (their order is the replacement's), each
    /// under the conditions of the request it came from; neighbours from one request share one.
    static func requests(redrawing rows: [Int], of requests: [SampleRequest]) -> [SampleRequest] {
        var owner: [Int] = []
        for (k, r) in requests.enumerated() { owner += repeatElement(k, count: r.count) }
        var again: [SampleRequest] = []
        var last = -1
        for row in rows {
            if owner[row] == last { again[again.count - 1].count += 1 } else {
                again.append(SampleRequest(count: 1, conditions: requests[owner[row]].conditions))
                last = owner[row]
            }
        }
        return again
    }

    /// Modelled columns of sampled rows, decoded to text.
    ///
    /// A neural model's row with a number outside its column's bounds is drawn again (from a
    /// fresh seed, under the same conditions), up to `maxBoundRedraws` rounds, instead of having
    /// the number clamped onto the bound: a generator that overshoots would otherwise pile a
    /// share of rows exactly at the minimum or maximum (seen on lung CTGAN: 20–23 % of `age` at
    /// 82 and 42 % of `time` at 11 for some seeds, where the data has 1–2 %). Rows still out after
    /// the last round are clamped. The Gaussian copula is left as it is: on pbc it puts under 1 %
    /// of any column on a bound.
    func decodedSample(_ requests: [SampleRequest], seed: UInt64, maxBoundRedraws: Int = 20) throws -> Table {
        do {
            var encoded = try model.sample(requests, seed: seed)
            if case .gaussianCopula = model { return transformer.decode(encoded) }
            var pending = transformer.rowsOutOfBounds(encoded)
            var round: UInt64 = 1
            while !pending.isEmpty && round <= UInt64(maxBoundRedraws) {
                let replacement = try model.sample(Self.requests(redrawing: pending, of: requests),
                                                   seed: SeededRandom.streamKey(seed: seed, stream: UInt64(1) << 60 | round))
                encoded.replaceRows(pending, with: replacement)
                pending = transformer.rowsOutOfBounds(replacement).map { pending[$0] }
                round += 1
            }
            return transformer.decode(encoded)
        } catch let error as ModelError {
            throw ConditionError(error.message)
        }
    }

    /// The output table: modelled columns plus regenerated identifier and PII columns, in the
    /// training table's column order, dropped columns left out.
    func assemble(_ modelled: Table, seed: UInt64) -> Table {
        let rows = modelled.rowCount
        var output = Table(columnNames: [])
        for name in columns {
            if let cells = modelled[column: name] {
                output.setColumn(name, cells)
            } else if let plan = regeneration.first(where: { $0.column == name }), plan.policy == .regenerate {
                // Streams far above any row index keep these draws apart from the rows' own.
                let stream = UInt64(1) << 62 | UInt64(columns.firstIndex(of: name)!)
                var rng = SeededRandom(seed: seed, stream: stream)
                if let profile = plan.identifier {
                    let generator = IdentifierGenerator(profile: profile)
                    output.setColumn(name, plan.repeated ? generator.repeated(rowCount: rows, using: &rng)
                                                         : generator.unique(count: rows, using: &rng))
                } else if let profile = plan.fake {
                    output.setColumn(name, FakeValueGenerator(profile: profile).values(count: rows, using: &rng))
                }
            }
        }
        return output
    }
}

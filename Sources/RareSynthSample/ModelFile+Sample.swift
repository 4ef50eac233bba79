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

extension ModelFile {
    /// Synthetic rows with every column of the training table except dropped ones, in its order.
    ///
    /// Every condition is checked before anything is sampled; an impossible one is an error,
    /// never an empty or short result.
    public func sample(_ options: SampleOptions) throws -> Table {
        let translator = ConditionTranslator(transformer: transformer, schema: schema)
        let common = try translator.translate(options.conditions)
        var requests: [SampleRequest]
        if let conditionRows = options.conditionRows {
            requests = []
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
        } else if let column = options.rebalance {
            requests = try translator.rebalance(column, rows: options.rows, conditions: common)
        } else {
            requests = [SampleRequest(count: options.rows, conditions: common)]
        }
        let encoded: EncodedTable
        do {
            encoded = try model.sample(requests, seed: options.seed)
        } catch let error as ModelError {
            throw ConditionError(error.message)
        }
        let modelled = transformer.decode(encoded)
        let rows = modelled.rowCount
        var output = Table(columnNames: [])
        for name in columns {
            if let cells = modelled[column: name] {
                output.setColumn(name, cells)
            } else if let plan = regeneration.first(where: { $0.column == name }), plan.policy == .regenerate {
                // Streams far above any row index keep these draws apart from the rows' own.
                let stream = UInt64(1) << 62 | UInt64(columns.firstIndex(of: name)!)
                var rng = SeededRandom(seed: options.seed, stream: stream)
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

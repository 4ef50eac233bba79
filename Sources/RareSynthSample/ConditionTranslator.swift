import RareSynthModels
import RareSynthSchema
import RareSynthTransform

/// Turns user conditions on table columns into conditions on encoded columns.
///
/// Every check that needs the schema happens here, before any sampling: an unknown column, an
/// identifier, a label that is not a category, a value that is not a number or a date of the
/// column's format. What remains possible or not given the fitted distribution is the model's
/// check (a value outside every real value, for example).
public struct ConditionTranslator: Sendable {
    public let transformer: TableTransformer
    public let schema: Schema

    public init(transformer: TableTransformer, schema: Schema) {
        self.transformer = transformer
        self.schema = schema
    }

    /// The encoded conditions that together mean `conditions` (all must hold).
    public func translate(_ conditions: [Condition]) throws -> [EncodedCondition] {
        var out: [EncodedCondition] = []
        for condition in conditions { out.append(try translate(condition)) }
        return out
    }

    public func translate(_ condition: Condition) throws -> EncodedCondition {
        let name = condition.column
        guard let column = schema[name] else {
            throw ConditionError("condition '\(condition)': there is no column '\(name)'; columns are \(schema.columns.map(\.name).joined(separator: ", "))")
        }
        guard column.isModelled else {
            throw ConditionError("condition '\(condition)': '\(name)' is an \(column.type.rawValue) column, which is never learned from, so it cannot be conditioned on")
        }
        for (index, step) in transformer.steps.enumerated() {
            switch step {
            case let .numeric(e) where e.column == name:
                return EncodedCondition(column: index, condition: try numericCondition(condition, encoder: e))
            case let .categorical(e) where e.column == name:
                let codes = try matchingLevels(condition, labels: e.levels)
                return EncodedCondition(column: index, condition: .levels(codes))
            case let .combination(e) where e.columns.contains(name):
                let j = e.columns.firstIndex(of: name)!
                let labels = e.levels.map { $0[j] }
                let codes = try matchingLevels(condition, labels: labels)
                return EncodedCondition(column: index, condition: .levels(codes))
            case let .difference(e) where e.left.column == name:
                throw ConditionError("condition '\(condition)': '\(name)' is generated relative to '\(e.right)' by an inequality constraint; condition on '\(e.right)' instead")
            default:
                continue
            }
        }
        throw ConditionError("condition '\(condition)': column '\(name)' is not modelled")
    }

    func numericCondition(_ condition: Condition, encoder: NumericEncoder) throws -> ColumnCondition {
        guard let text = condition.value else { return .missing }
        guard let value = encoder.parse(text) else {
            let expected: String
            switch encoder.kind {
            case .number: expected = "a number"
            case let .datetime(format): expected = "a date in the format \(format.pattern)"
            }
            throw ConditionError("condition '\(condition)': '\(text)' is not \(expected)")
        }
        let step = encoder.resolution
        switch condition.op {
        case .equal: return .range(lower: value, upper: value)
        case .greaterOrEqual: return .range(lower: value, upper: .infinity)
        case .greaterThan: return .range(lower: value + step, upper: .infinity)
        case .lessOrEqual: return .range(lower: -.infinity, upper: value)
        case .lessThan: return .range(lower: -.infinity, upper: value - step)
        }
    }

    /// Level codes whose label satisfies the condition. Inequalities compare labels as numbers,
    /// so `stage>=3` works on a categorical `stage` of `1`…`4`.
    func matchingLevels(_ condition: Condition, labels: [String?]) throws -> [Int] {
        let known = labels.compactMap { $0 }
        var codes: [Int] = []
        if condition.op == .equal {
            codes = labels.indices.filter { labels[$0] == condition.value }
        } else {
            guard let text = condition.value, let bound = Double(text) else {
                throw ConditionError("condition '\(condition)': '<' and '>' need a number")
            }
            guard known.allSatisfy({ Double($0) != nil }) else {
                throw ConditionError("condition '\(condition)': the categories of '\(condition.column)' are not numbers, so only '=' applies")
            }
            codes = labels.indices.filter { labels[$0].flatMap(Double.init).map { condition.op.holds($0, bound) } ?? false }
        }
        guard !codes.isEmpty else {
            let shown = known.prefix(20).joined(separator: ", ") + (known.count > 20 ? ", …" : "")
            throw ConditionError("condition '\(condition)': no category of '\(condition.column)' matches; its categories are \(shown)")
        }
        return codes
    }

    /// Requests that give every category of `column` the same number of rows (remainder to the
    /// first categories in label order), each also meeting `conditions`.
    public func rebalance(_ column: String, rows: Int, conditions: [EncodedCondition]) throws -> [SampleRequest] {
        guard let schemaColumn = schema[column], schemaColumn.type == .categorical || schemaColumn.type == .boolean else {
            throw ConditionError("--rebalance \(column): it must name a categorical or boolean column")
        }
        for (index, step) in transformer.steps.enumerated() {
            let labels: [String?]
            switch step {
            case let .categorical(e) where e.column == column: labels = e.levels
            case let .combination(e) where e.columns.contains(column):
                let j = e.columns.firstIndex(of: column)!
                labels = e.levels.map { $0[j] }
            default: continue
            }
            let distinct = Array(Set(labels.compactMap { $0 })).sorted()
            guard !distinct.isEmpty else { throw ConditionError("--rebalance \(column): the column has no category") }
            return distinct.enumerated().map { k, label in
                let count = rows / distinct.count + (k < rows % distinct.count ? 1 : 0)
                let codes = labels.indices.filter { labels[$0] == label }
                return SampleRequest(count: count, conditions: conditions + [EncodedCondition(column: index, condition: .levels(codes))])
            }
        }
        throw ConditionError("--rebalance \(column): the column is not modelled")
    }
}

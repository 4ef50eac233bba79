import RareSynthSchema
import RareSynthTable

/// The reversible transform between a table and the encoded columns every model learns from.
///
/// Fitted once from the real table and its schema; it is saved inside every model file, so a
/// model always decodes exactly as it was encoded. Identifier and PII columns are not part of it:
/// nothing is learned from them.
public struct TableTransformer: Codable, Sendable, Equatable {
    public var steps: [EncodingStep]
    /// Modelled table columns in table order (what `decode` returns).
    public var columns: [String]

    public init(steps: [EncodingStep], columns: [String]) {
        self.steps = steps
        self.columns = columns
    }

    /// Fits every step from the data and checks that the data satisfies the schema's constraints.
    /// - Parameter file: the data file's name, for error messages.
    public static func fit(_ table: Table, schema: Schema, file: String? = nil) throws -> TableTransformer {
        try fitAndEncode(table, schema: schema, file: file).transformer
    }

    /// `fit` followed by `encode`, parsing each numeric cell once for both.
    public static func fitAndEncode(_ table: Table, schema: Schema, file: String? = nil) throws
        -> (transformer: TableTransformer, encoded: EncodedTable) {
        let modelled = schema.modelledColumns.map(\.name)
        func field(_ name: String) -> Int? { table.index(of: name).map { $0 + 1 } }
        func cells(_ name: String) throws -> [String?] {
            guard let c = table[column: name] else {
                throw DataError(file: file, columnName: name, "the schema names column '\(name)', which the data does not have")
            }
            return c
        }
        var numeric: [String: NumericEncoder] = [:]
        var parsed: [String: [Double]] = [:]
        for column in schema.modelledColumns where column.type == .numerical || column.type == .datetime {
            (numeric[column.name], parsed[column.name]) = try NumericEncoder.fitAndEncode(
                cells(column.name), schema: column, file: file, fieldNumber: field(column.name), lines: table.rowLines)
        }
        // Constraints: value bounds tighten a column's bounds; column inequalities and fixed
        // combinations replace plain steps.
        var differences: [String: DifferenceEncoder] = [:]
        var combined: [String: CombinationEncoder] = [:]
        for constraint in schema.constraints {
            for name in constraint.columns where !modelled.contains(name) {
                throw DataError(file: file, columnName: name,
                                "constraint \(constraint) names '\(name)', which is not a modelled column of the schema")
            }
            switch constraint {
            case let .valueInequality(name, op, text):
                guard var encoder = numeric[name], let value = encoder.parse(text) else {
                    throw DataError(file: file, columnName: name,
                                    "constraint '\(name) \(op.rawValue) \(text)' needs a numerical or datetime column and a value of it")
                }
                let values = parsed[name]!
                if let i = values.firstIndex(where: { !$0.isNaN && !op.holds($0, value) }) {
                    throw DataError(file: file, line: table.line(ofRow: i), column: field(name), columnName: name,
                                    "the data breaks the constraint '\(name) \(op.rawValue) \(text)'")
                }
                encoder.tighten(op, value)
                numeric[name] = encoder
            case let .columnInequality(left, op, right):
                guard let l = numeric[left], numeric[right] != nil, op != .equal else {
                    throw DataError(file: file, columnName: left,
                                    "constraint '\(left) \(op.rawValue) \(right)' needs two numerical or datetime columns and <, <=, > or >=")
                }
                guard differences[left] == nil else {
                    throw DataError(file: file, columnName: left, "column '\(left)' is the left side of two inequality constraints; write one of them the other way round")
                }
                let lv = parsed[left]!, rv = parsed[right]!
                if let i = lv.indices.first(where: { !lv[$0].isNaN && !rv[$0].isNaN && !op.holds(lv[$0], rv[$0]) }) {
                    throw DataError(file: file, line: table.line(ofRow: i), column: field(left), columnName: left,
                                    "the data breaks the constraint '\(left) \(op.rawValue) \(right)'")
                }
                let sign: Double = (op == .greaterThan || op == .greaterOrEqual) ? 1 : -1
                differences[left] = DifferenceEncoder(left: l, right: right, sign: sign,
                                                      strict: op == .greaterThan || op == .lessThan)
            case let .fixedCombinations(names):
                for name in names where numeric[name] != nil || combined[name] != nil {
                    throw DataError(file: file, columnName: name,
                                    "fixed combinations need categorical or boolean columns, each in one constraint only")
                }
                let columnCells = try names.map(cells)
                var seen: [[String?]: Int] = [:]
                var levels: [[String?]] = []
                var counts: [Int] = []
                for i in 0..<table.rowCount {
                    let combo = columnCells.map { $0[i] }
                    if let k = seen[combo] { counts[k] += 1 } else {
                        seen[combo] = levels.count
                        levels.append(combo)
                        counts.append(1)
                    }
                }
                let order = levels.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
                let encoder = CombinationEncoder(columns: names, levels: order.map { levels[$0] })
                for name in names { combined[name] = encoder }
            }
        }
        // A difference whose right side is itself a difference must decode after it: refuse cycles.
        for (left, d) in differences {
            var seen: Set<String> = [left]
            var next = d.right
            while let step = differences[next] {
                guard seen.insert(next).inserted else {
                    throw DataError(file: file, columnName: left, "inequality constraints form a cycle through '\(left)'")
                }
                next = step.right
            }
        }
        var steps: [EncodingStep] = []
        var emittedCombinations: Set<String> = []
        for column in schema.modelledColumns {
            let name = column.name
            if let d = differences[name] {
                var d = d
                if let bounded = numeric[name] { d.left = bounded }
                steps.append(.difference(d))
            } else if let n = numeric[name] {
                steps.append(.numeric(n))
            } else if let c = combined[name] {
                if emittedCombinations.insert(c.encodedName).inserted { steps.append(.combination(c)) }
            } else {
                steps.append(.categorical(CategoricalEncoder.fit(try cells(name), column: name)))
            }
        }
        let transformer = TableTransformer(steps: steps, columns: modelled)
        return (transformer, try transformer.encode(table, file: file, parsed: parsed))
    }

    /// The encoded form of `table`, which must have every modelled column.
    public func encode(_ table: Table, file: String? = nil) throws -> EncodedTable {
        try encode(table, file: file, parsed: [:])
    }

    /// `encode`, reusing numeric columns already parsed (by name).
    func encode(_ table: Table, file: String?, parsed: [String: [Double]]) throws -> EncodedTable {
        func field(_ name: String) -> Int? { table.index(of: name).map { $0 + 1 } }
        func cells(_ name: String) throws -> [String?] {
            guard let c = table[column: name] else {
                throw DataError(file: file, columnName: name, "the data has no column '\(name)'")
            }
            return c
        }
        var numericCache = parsed
        func numericValues(_ name: String) throws -> [Double] {
            if let v = numericCache[name] { return v }
            let encoder: NumericEncoder? = steps.lazy.compactMap { step -> NumericEncoder? in
                switch step {
                case let .numeric(e) where e.column == name: e
                case let .difference(e) where e.left.column == name: e.left
                default: nil
                }
            }.first
            guard let encoder else {
                throw DataError(file: file, columnName: name, "column '\(name)' is not numerical")
            }
            let v = try encoder.encode(cells(name), file: file, fieldNumber: field(name), lines: table.rowLines)
            numericCache[name] = v
            return v
        }
        var columns: [EncodedColumn] = []
        for step in steps {
            switch step {
            case let .numeric(e):
                columns.append(EncodedColumn(name: e.column, values: .continuous(try numericValues(e.column))))
            case let .categorical(e):
                let codes = try e.encode(cells(e.column), file: file, fieldNumber: field(e.column), lines: table.rowLines)
                columns.append(EncodedColumn(name: e.column, values: .discrete(codes: codes, levelCount: e.levels.count)))
            case let .difference(e):
                let l = try numericValues(e.left.column), r = try numericValues(e.right)
                let distance = zip(l, r).map { a, b in (a.isNaN || b.isNaN) ? Double.nan : e.sign * (a - b) }
                columns.append(EncodedColumn(name: e.left.column, values: .continuous(distance)))
            case let .combination(e):
                var index: [[String?]: Int32] = [:]
                for (k, level) in e.levels.enumerated() { index[level] = Int32(k) }
                let columnCells = try e.columns.map(cells)
                var codes = [Int32](repeating: 0, count: table.rowCount)
                for i in 0..<table.rowCount {
                    let combo = columnCells.map { $0[i] }
                    guard let code = index[combo] else {
                        throw DataError(file: file, line: table.line(ofRow: i), column: field(e.columns[0]), columnName: e.encodedName,
                                        "the combination \(combo.map { $0 ?? "(missing)" }) of \(e.columns) was not seen when fitting")
                    }
                    codes[i] = code
                }
                columns.append(EncodedColumn(name: e.encodedName, values: .discrete(codes: codes, levelCount: e.levels.count)))
            }
        }
        return EncodedTable(columns: columns)
    }

    /// The rows with a number outside its column's bounds (which `decode` would clamp onto the
    /// bound), in increasing order. Columns encoded relative to another (inequality constraints)
    /// are not checked: their bounds move with the other column.
    public func rowsOutOfBounds(_ encoded: EncodedTable) -> [Int] {
        precondition(encoded.columns.count == steps.count, "one encoded column per step")
        var out = [Bool](repeating: false, count: encoded.rowCount)
        for (step, column) in zip(steps, encoded.columns) {
            guard case let .numeric(e) = step, case let .continuous(values) = column.values,
                  e.minimum != nil || e.maximum != nil else { continue }
            for (r, v) in values.enumerated() where e.isOutOfBounds(v) { out[r] = true }
        }
        return out.indices.filter { out[$0] }
    }

    /// The table columns (modelled columns only, in table order) for encoded rows.
    /// - Precondition: `encoded` has one column per step, in step order.
    public func decode(_ encoded: EncodedTable) -> Table {
        precondition(encoded.columns.count == steps.count, "one encoded column per step")
        var out: [String: [String?]] = [:]
        var decodedNumbers: [String: [Double]] = [:]
        var pending: [(DifferenceEncoder, [Double])] = []
        for (step, column) in zip(steps, encoded.columns) {
            switch (step, column.values) {
            case let (.numeric(e), .continuous(values)):
                let finished = values.map(e.finish)
                decodedNumbers[e.column] = finished
                out[e.column] = finished.map(e.format)
            case let (.categorical(e), .discrete(codes, _)):
                out[e.column] = e.decode(codes)
            case let (.difference(e), .continuous(values)):
                pending.append((e, values))
            case let (.combination(e), .discrete(codes, _)):
                for (j, name) in e.columns.enumerated() { out[name] = codes.map { e.levels[Int($0)][j] } }
            default:
                preconditionFailure("encoded column \(column.name) does not match its step")
            }
        }
        // Differences decode once their right-hand column is known (fit refused cycles).
        while !pending.isEmpty {
            let before = pending.count
            pending.removeAll { e, distance in
                guard let right = decodedNumbers[e.right] else { return false }
                let left = zip(distance, right).map { e.decode(distance: $0, right: $1) }
                decodedNumbers[e.left.column] = left
                out[e.left.column] = left.map(e.left.format)
                return true
            }
            precondition(pending.count < before, "inequality constraints could not be ordered")
        }
        return Table(columnNames: columns, columns: columns.map { out[$0]! })
    }
}

import RareSynthTransform

/// Sampling under conditions for models that cannot honour every condition exactly (CTGAN
/// steers discrete ones through its condition vector; TVAE steers none): generate, check each
/// condition on the decoded row, redraw the failures from fresh streams, and fail with the
/// condition named when too few rows pass, instead of returning fewer rows.
enum ConditionedSampling {
    /// - Parameter generate: rows for the given stream ids (one row per id), for this request.
    static func sample(_ requests: [SampleRequest], layout: TabularLayout,
                       generate: (Range<UInt64>, SampleRequest) throws -> EncodedTable) throws -> EncodedTable {
        var accepted: [EncodedTable] = []
        var nextStream: UInt64 = 0
        for request in requests {
            var have = 0, tried = 0
            while have < request.count {
                let need = request.count - have
                let count = request.conditions.isEmpty ? need : Swift.max(need * 2, 64)
                let block = try generate(nextStream..<(nextStream + UInt64(count)), request)
                nextStream += UInt64(count)
                tried += count
                let keep = (0..<count).filter { r in request.conditions.allSatisfy { holds($0, row: r, in: block) } }
                let taken = Array(keep.prefix(need))
                if !taken.isEmpty { accepted.append(block.rows(taken)) }
                have += taken.count
                if have < request.count && tried >= 200 * request.count + 10_000 {
                    let described = request.conditions.map { describe($0, layout: layout) }.joined(separator: " and ")
                    throw NeuralModelError("only \(have) of \(tried) generated rows satisfy \(described); the model rarely produces such rows, so \(request.count) cannot be drawn")
                }
            }
        }
        return EncodedTable.concatenating(accepted, like: layout)
    }

    static func holds(_ condition: EncodedCondition, row: Int, in table: EncodedTable) -> Bool {
        switch (condition.condition, table.columns[condition.column].values) {
        case let (.levels(levels), .discrete(codes, _)): levels.contains(Int(codes[row]))
        case let (.range(lower, upper), .continuous(values)): !values[row].isNaN && values[row] >= lower && values[row] <= upper
        case let (.missing, .continuous(values)): values[row].isNaN
        default: false
        }
    }

    static func describe(_ condition: EncodedCondition, layout: TabularLayout) -> String {
        let name = layout.names[condition.column]
        switch condition.condition {
        case let .levels(levels): return "\(name) in level codes \(levels)"
        case let .range(lower, upper): return lower == upper ? "\(name) = \(lower)" : "\(name) in [\(lower), \(upper)]"
        case .missing: return "\(name) missing"
        }
    }
}

extension EncodedTable {
    /// The rows at `indices`, in that order.
    func rows(_ indices: [Int]) -> EncodedTable {
        EncodedTable(columns: columns.map { c in
            switch c.values {
            case let .continuous(v): EncodedColumn(name: c.name, values: .continuous(indices.map { v[$0] }))
            case let .discrete(codes, levels): EncodedColumn(name: c.name, values: .discrete(codes: indices.map { codes[$0] }, levelCount: levels))
            }
        })
    }

    /// Tables with the same columns one after another (an empty table with the layout's columns
    /// when there are none).
    static func concatenating(_ parts: [EncodedTable], like layout: TabularLayout) -> EncodedTable {
        guard let first = parts.first else {
            return EncodedTable(columns: zip(layout.names, layout.columns).map { name, coding in
                switch coding {
                case .continuous, .binned: EncodedColumn(name: name, values: .continuous([]))
                case let .discrete(_, levels): EncodedColumn(name: name, values: .discrete(codes: [], levelCount: levels))
                }
            })
        }
        return EncodedTable(columns: first.columns.indices.map { k in
            switch first.columns[k].values {
            case .continuous:
                EncodedColumn(name: first.columns[k].name, values: .continuous(parts.flatMap { p -> [Double] in
                    if case let .continuous(v) = p.columns[k].values { return v } else { return [] }
                }))
            case let .discrete(_, levels):
                EncodedColumn(name: first.columns[k].name, values: .discrete(codes: parts.flatMap { p -> [Int32] in
                    if case let .discrete(c, _) = p.columns[k].values { return c } else { return [] }
                }, levelCount: levels))
            }
        })
    }
}

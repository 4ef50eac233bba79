import RareSynthNumerics

extension DCRBaselineProtection {
    /// The random table DCRBaselineProtection compares against: `rows` rows drawn column by column,
    /// independently, as SDMetrics' `_generate_random_data` draws them (0.32.0), by pandas dtype:
    ///
    /// - **integer** columns (pandas `int64`: every value integral and none missing): a uniform
    ///   integer in [min, max] (`rng.integers(min, max + 1)`);
    /// - **float** columns (numbers with a missing value or a fraction): uniform in [min, max)
    ///   (`rng.uniform(min, max)`);
    /// - **datetime** columns: min + a uniform share of (max − min), to the nanosecond;
    /// - **anything else** (text labels, booleans): one of the distinct non-missing values, each
    ///   equally likely (`rng.choice(unique)`);
    /// - then each cell is blanked with probability equal to the column's share of missing values.
    ///
    /// pandas decides int/float from the CSV text, which `MetricColumn` no longer has; RareSynth
    /// decides from the values (integral and complete ⇒ integer). Categorical columns whose labels
    /// are all numbers get the numeric rules, as in pandas, so a category coded 50, 60, …, 100 draws
    /// any integer between 50 and 100; a drawn number equal to a real category takes that category's
    /// label, and any other number a label of its own (its integer or decimal spelling, which no
    /// real label can have, since no real label has that value).
    ///
    /// Deterministic: column j draws its values from `SeededRandom(seed: seed, stream: 2j)` and its
    /// missing cells from stream 2j + 1.
    public static func randomBaseline(like real: [MetricColumn], rows: Int, seed: UInt64) -> [MetricColumn] {
        real.enumerated().map { j, column in
            var values = SeededRandom(seed: seed, stream: UInt64(2 * j))
            var blanks = SeededRandom(seed: seed, stream: UInt64(2 * j + 1))
            let present = column.data.count - missingCount(column.data)
            let missingShare = column.data.count == 0 ? 0 : Double(column.data.count - present) / Double(column.data.count)
            func blank() -> Bool { blanks.nextUniform() < missingShare }
            switch column.data {
            case .numerical(let cells):
                let drawn = column.kind == .datetime
                    ? drawDatetimes(cells, rows: rows, random: &values)
                    : drawNumbers(cells, rows: rows, random: &values)
                return MetricColumn(name: column.name, kind: column.kind,
                                    data: .numerical(drawn.map { blank() ? nil : $0 }))
            case .categorical(let labels):
                let drawn = drawLabels(labels, isBoolean: column.kind == .boolean, rows: rows, random: &values)
                return MetricColumn(name: column.name, kind: column.kind,
                                    data: .categorical(drawn.map { blank() ? nil : $0 }))
            }
        }
    }

    static func missingCount(_ data: MetricColumnData) -> Int {
        switch data {
        case .numerical(let values): values.reduce(0) { $0 + ($1 == nil || $1!.isNaN ? 1 : 0) }
        case .categorical(let labels): labels.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        }
    }

    /// Integers in [min, max] when every value is integral and present, else uniform in [min, max).
    static func drawNumbers(_ cells: [Double?], rows: Int, random: inout SeededRandom) -> [Double?] {
        let present = cells.compactMap { $0 }.filter { !$0.isNaN }
        guard let lo = present.min(), let hi = present.max() else { return [Double?](repeating: nil, count: rows) }
        let integral = present.count == cells.count && present.allSatisfy { $0 == $0.rounded() }
            && hi - lo < 0x1p52
        if integral {
            let span = Int(hi - lo) + 1
            return (0..<rows).map { _ in lo + Double(random.nextInt(below: span)) }
        }
        return (0..<rows).map { _ in lo + (hi - lo) * random.nextUniform() }
    }

    /// min + a uniform share of (max − min), rounded to the nanosecond.
    static func drawDatetimes(_ cells: [Double?], rows: Int, random: inout SeededRandom) -> [Double?] {
        let present = cells.compactMap { $0 }.filter { !$0.isNaN }
        guard let lo = present.min(), let hi = present.max() else { return [Double?](repeating: nil, count: rows) }
        return (0..<rows).map { _ in lo + ((hi - lo) * random.nextUniform()).rounded() }
    }

    /// Numeric-looking labels follow the numeric rules; others are drawn from the distinct labels.
    static func drawLabels(_ labels: [String?], isBoolean: Bool, rows: Int, random: inout SeededRandom) -> [String?] {
        var distinct: [String] = []
        var seen = Set<String>()
        for case let label? in labels where seen.insert(label).inserted { distinct.append(label) }
        guard !distinct.isEmpty else { return [String?](repeating: nil, count: rows) }
        let numbers = distinct.map { Double($0) }
        if !isBoolean, numbers.allSatisfy({ $0?.isFinite ?? false }) {
            // The label of each real number, to relabel draws that hit a real category.
            var labelOf: [Double: String] = [:]
            for (label, value) in zip(distinct, numbers) where labelOf[value! + 0] == nil { labelOf[value! + 0] = label }
            let cells = labels.map { $0.flatMap { Double($0) } }
            return drawNumbers(cells, rows: rows, random: &random).map { value in
                value.map { v in
                    labelOf[v + 0] ?? (v == v.rounded() && Swift.abs(v) < 1e15 ? String(Int64(v)) : String(v))
                }
            }
        }
        return (0..<rows).map { _ in distinct[random.nextInt(below: distinct.count)] }
    }
}

import RareSynthTable

/// Guesses a `Schema` from a table's raw cells.
///
/// Rules, in the order they are tried for each column (thresholds are the properties below):
/// 1. all cells missing → `categorical`, noted: the type cannot be known, the column is reproduced as missing;
/// 2. the name is an identifier (`id`, `seqno`, `pid`, `mrn`, `patient_id`, `*_id`, `*.id`) → `identifier`,
///    `repeated` when values repeat (one subject, several rows);
/// 3. the name announces personal data (name, e-mail, phone, address, SSN/NHS/medical-record number) → `pii`;
/// 4. one distinct value → `categorical`, noted as constant;
/// 5. exactly two values forming a known pair (`TRUE/FALSE`, `True/False`, `true/false`, `T/F`,
///    `yes/no`, `Yes/No`, `YES/NO`, `Y/N`) → `boolean`; `0/1` stays categorical, as in SDV;
/// 6. every value a number (strict grammar, no leading zeros; see `NumberText`):
///    - `%Y%m%d` dates when the name says date (`visit_date` = `20190131`) → `datetime`;
///    - all-unique integers and an id-like name (`patient_no`, `subject`) → `identifier`;
///    - at most `min(maxNumericCategories, round(rows / 10))` distinct values → `categorical`, as SDV's
///      detector does for codes (`status` 0/1/2, `stage` 1–4). Unlike SDV, non-integer codes
///      (`edema` 0/0.5/1) and negative ones count too;
///    - otherwise `numerical` with `integer`, `decimals` (most digits after the point), `minimum`, `maximum`;
/// 7. every value a date in one pattern → `datetime` (see `DateTimeFormat.detect`; mixed patterns throw);
/// 8. text codes of one length with a digit in each (`P00123`) that are all unique (with at least
///    `minRowsForUniqueness` rows) or whose name sounds like an id → `identifier`;
/// 9. every value an e-mail, or a phone number (9–15 digits with separators) → `pii`; in a
///    high-cardinality column, every value a capitalised name (`Ada Lovelace`) → `pii` name, or values
///    averaging at least `freeTextMinimumWords` words → `pii` free text;
/// 10. otherwise `categorical`, noted when high-cardinality (more than `highCardinalityMinimum` distinct
///    values and more than `highCardinalityFraction` of the present values).
/// Identifiers and PII get `onOutput: regenerate`.
public struct SchemaInference: Sendable {
    /// Most distinct numeric values that are still read as category codes (SDV: 10).
    public var maxNumericCategories = 10
    /// Least rows for "every value unique" to mean anything (SDV's `_MIN_ROWS_FOR_PREDICTION`: 5).
    public var minRowsForUniqueness = 5
    /// A text column is high-cardinality above this many distinct values ...
    public var highCardinalityMinimum = 20
    /// ... that are also more than this fraction of its present values.
    public var highCardinalityFraction = 0.5
    /// Mean words per value from which high-cardinality text is free text.
    public var freeTextMinimumWords = 4.0

    public init() {}

    /// Infers a schema for `table`. `file` only labels errors.
    /// - Throws: `DataError` for a column that mixes date formats.
    public func infer(_ table: Table, file: String? = nil) throws(DataError) -> InferredSchema {
        var columns: [ColumnSchema] = [], summaries: [ColumnSummary] = []
        for (j, name) in table.columnNames.enumerated() {
            let profile = ColumnProfile(name: name, index: j, cells: table.columns[j])
            let (column, notes) = try classify(profile, file: file, lines: table.rowLines)
            columns.append(column)
            summaries.append(Self.summarize(profile, column, notes))
        }
        return InferredSchema(schema: Schema(columns: columns), summaries: summaries)
    }

    private func classify(_ p: ColumnProfile, file: String?, lines: [Int]?) throws(DataError) -> (ColumnSchema, [ColumnNote]) {
        let categorical = ColumnSchema(name: p.name, type: .categorical)
        func identifier() -> (ColumnSchema, [ColumnNote]) {
            (ColumnSchema(name: p.name, type: .identifier, onOutput: .regenerate, repeated: !p.isUnique),
             [.identifier(distinct: p.distinctCount, maxRowsPerValue: p.maxRowsPerValue)])
        }
        func pii(_ kind: PIIKind, byName: Bool) -> (ColumnSchema, [ColumnNote]) {
            (ColumnSchema(name: p.name, type: .pii, onOutput: .regenerate, piiKind: kind), [.pii(kind, byName: byName)])
        }
        func datetime(_ format: DateTimeFormat, ambiguous: Bool) -> (ColumnSchema, [ColumnNote]) {
            (ColumnSchema(name: p.name, type: .datetime, format: format.pattern),
             ambiguous ? [.ambiguousDayMonth(format: format.pattern)] : [])
        }

        if p.presentCount == 0 { return (categorical, [.allMissing]) }
        if ColumnNameHints.isIdentifier(p.name) { return identifier() }
        if let kind = ColumnNameHints.piiKind(p.name) { return pii(kind, byName: true) }
        if p.distinctCount == 1 { return (categorical, [.constant(p.distinctValues[0])]) }
        if let tokens = Self.booleanTokens(p.distinctValues) {
            return (ColumnSchema(name: p.name, type: .boolean, booleanTokens: tokens), [])
        }

        let nameSuggestsDate = ColumnNameHints.suggestsDate(p.name)
        let values = p.distinctValues
        let numbers = values.compactMap(NumberText.init)
        if numbers.count == values.count, !numbers.contains(where: \.hasLeadingZero) {
            if nameSuggestsDate, values.allSatisfy({ $0.utf8.count == 8 }),
               let format = try? DateTimeFormat(DateTimeFormat.compactCandidate),
               values.allSatisfy({ format.parse($0) != nil }) {
                return datetime(format, ambiguous: false)
            }
            if p.isUnique, p.presentCount >= minRowsForUniqueness, numbers.allSatisfy(\.isInteger),
               ColumnNameHints.soundsLikeIdentifier(p.name) {
                return identifier()
            }
            let codeLimit = min(maxNumericCategories, Int((Double(p.rowCount) / 10).rounded(.toNearestOrEven)))
            if p.distinctCount <= codeLimit { return (categorical, [.numericCodes]) }
            let integer = numbers.allSatisfy(\.isInteger)
            return (ColumnSchema(name: p.name, type: .numerical, integer: integer,
                                 decimals: integer ? nil : numbers.map(\.decimals).max(),
                                 minimum: numbers.map(\.value).min(), maximum: numbers.map(\.value).max()), [])
        }

        var notes: [ColumnNote] = []
        let withDigits = values.lazy.filter { $0.utf8.contains { $0 &- 48 < 10 } }.count
        if 2 * withDigits >= values.count {
            switch try DateTimeFormat.detection(values, firstRows: p.firstRows, columnName: p.name,
                                                column: p.index + 1, file: file, lines: lines, nameSuggestsDate: nameSuggestsDate) {
            case let .dates(format, ambiguous):
                return datetime(format, ambiguous: ambiguous)
            case let .mostlyDates(format, row, value):
                notes.append(.notAllDates(format: format.pattern, row: row + 1, value: value))
            case .notDates:
                break
            }
        }

        if values.allSatisfy(ValueShapes.isCodeLike), Set(values.map(\.utf8.count)).count == 1,
           p.isUnique && p.presentCount >= minRowsForUniqueness || ColumnNameHints.soundsLikeIdentifier(p.name) {
            return identifier()
        }
        if values.allSatisfy(ValueShapes.isEmail) { return pii(.email, byName: false) }
        if values.allSatisfy(ValueShapes.isPhoneNumber) { return pii(.phone, byName: false) }
        let highCardinality = p.distinctCount > highCardinalityMinimum
            && Double(p.distinctCount) > highCardinalityFraction * Double(p.presentCount)
        if highCardinality {
            if values.allSatisfy(ValueShapes.isPersonName) { return pii(.name, byName: false) }
            let words = values.reduce(0) { $0 + ValueShapes.wordCount($1) }
            if Double(words) >= freeTextMinimumWords * Double(values.count) { return pii(.freeText, byName: false) }
            notes.append(.highCardinality(distinct: p.distinctCount))
        }
        return (categorical, notes)
    }

    /// The summary line's facts: extremes as written for numbers and dates, top values for categories.
    private static func summarize(_ p: ColumnProfile, _ column: ColumnSchema, _ notes: [ColumnNote]) -> ColumnSummary {
        var summary = ColumnSummary(name: p.name, type: column.type, rowCount: p.rowCount,
                                    missingCount: p.missingCount, distinctCount: p.distinctCount, notes: notes)
        let key: ((String) -> Double?)? = switch column.type {
        case .numerical: { NumberText($0)?.value }
        case .datetime: column.format.flatMap { try? DateTimeFormat($0) }.map { format in { format.parse($0) } }
        default: nil
        }
        if let key {
            var low: (Double, String)?, high: (Double, String)?
            for value in p.distinctValues {
                guard let x = key(value) else { continue }
                if low.map({ x < $0.0 }) ?? true { low = (x, value) }
                if high.map({ x > $0.0 }) ?? true { high = (x, value) }
            }
            summary.lowest = low?.1
            summary.highest = high?.1
        }
        if column.type == .categorical || column.type == .boolean { summary.topValues = p.top(3) }
        return summary
    }

    /// Spellings of `false` and `true` that make a two-valued column boolean.
    public static let booleanPairs: [[String]] = [
        ["FALSE", "TRUE"], ["False", "True"], ["false", "true"], ["F", "T"],
        ["no", "yes"], ["No", "Yes"], ["NO", "YES"], ["N", "Y"],
    ]

    /// `[false, true]` spellings when the two values form a known pair.
    static func booleanTokens(_ values: [String]) -> [String]? {
        guard values.count == 2 else { return nil }
        return booleanPairs.first { Set($0) == Set(values) }
    }
}

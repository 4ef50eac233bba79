import RareSynthTable

/// Finding the one pattern that reads every value of a column.
///
/// Candidates are tried in a fixed order of preference and the first that reads *every* non-missing
/// value wins. Day/month order: `%m/%d/%Y` is tried before `%d/%m/%Y`, so a slash-separated column
/// whose values all have day and month ≤ 12 is read month-first, as pandas' `guess_datetime_format`
/// (and therefore SDV's detector) does with its default `dayfirst=False`; one value with a first
/// field > 12 makes only `%d/%m/%Y` read everything, and that wins. The ambiguity is reported so the
/// summary can tell the user to check. Dotted and dashed day-first forms (`%d.%m.%Y`, `%d-%m-%Y`) are
/// conventionally day-first and have no month-first candidate. `%Y%m%d` looks like an integer, so it
/// is tried only when the column's name says it holds dates.
extension DateTimeFormat {
    /// Patterns tried by detection, most preferred first.
    public static let detectionCandidates: [String] = [
        "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S.%f",
        "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S.%fZ",
        "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M",
        "%Y/%m/%d", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M",
        "%m/%d/%Y", "%d/%m/%Y", "%m/%d/%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M",
        "%d.%m.%Y", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M",
        "%d-%m-%Y", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M",
        "%d-%b-%Y", "%d %b %Y", "%d-%b-%y", "%b %d, %Y", "%d %B %Y", "%B %d, %Y",
        "%m/%d/%y", "%d/%m/%y",
    ]

    /// Tried last, and only for columns whose name says date (`20190131` is otherwise an integer).
    public static let compactCandidate = "%Y%m%d"

    private static let compiledCandidates = detectionCandidates.map { try! DateTimeFormat($0) }
    private static let compiledCompact = try! DateTimeFormat(compactCandidate)

    /// What detection concluded about a column.
    enum Detection: Equatable {
        /// Every value reads with `format`; `ambiguous` when the day-first twin reads them too.
        case dates(DateTimeFormat, ambiguous: Bool)
        /// At least half the values are dates in `format`, but row `row` (0-based) is not a date.
        case mostlyDates(DateTimeFormat, row: Int, value: String)
        case notDates
    }

    /// The pattern that reads every non-missing value, or `nil` when the values are not dates.
    ///
    /// - Throws: a "mixed date formats" `DataError` when no single pattern reads every value and a
    ///   value the best pattern misses reads with another pattern. The error names the first such
    ///   row; its line is `lines[row]`, or the 0-based row + 2 (header on line 1) without `lines`
    ///   (pass `Table.rowLines` when rows span several lines of the file). Values that are no date at all do not throw: when at least half the
    ///   values are dates the column is kept as text with a note, otherwise it is simply not dates.
    public static func detect(_ values: [String?], columnName: String, column: Int? = nil, file: String? = nil,
                              lines: [Int]? = nil, nameSuggestsDate: Bool = false) throws(DataError) -> DateTimeFormat? {
        var seen = Set<String>(), distinct: [String] = [], firstRows: [Int] = []
        for (row, value) in values.enumerated() where value != nil && seen.insert(value!).inserted {
            distinct.append(value!)
            firstRows.append(row)
        }
        let detection = try detection(distinct, firstRows: firstRows, columnName: columnName, column: column,
                                      file: file, lines: lines, nameSuggestsDate: nameSuggestsDate)
        if case let .dates(format, _) = detection { return format }
        return nil
    }

    /// Detection over a column's distinct values (in order of first appearance, `firstRows` being
    /// the 0-based row of each): a value is parsed once however often it repeats.
    static func detection(_ values: [String], firstRows: [Int], columnName: String, column: Int?, file: String?,
                          lines: [Int]? = nil, nameSuggestsDate: Bool) throws(DataError) -> Detection {
        let candidates = compiledCandidates + (nameSuggestsDate ? [compiledCompact] : [])
        guard !values.isEmpty else { return .notDates }

        var best = (candidate: 0, parsed: -1)
        for (k, candidate) in candidates.enumerated() {
            var parsed = 0
            for value in values where candidate.parse(value) != nil { parsed += 1 }
            if parsed == values.count {
                return .dates(candidate.refined(by: values), ambiguous: twinReadsAll(candidate, values))
            }
            if parsed > best.parsed { best = (k, parsed) }
        }
        let majority = candidates[best.candidate]
        var firstMiss: Int?
        for (k, value) in values.enumerated() where majority.parse(value) == nil {
            firstMiss = firstMiss ?? k
            if let other = candidates.first(where: { $0.parse(value) != nil }) {
                throw DataError(file: file, line: lines?[firstRows[k]] ?? firstRows[k] + 2, column: column, columnName: columnName,
                                "mixed date formats: \(best.parsed) of \(values.count) distinct values read as "
                                + "'\(majority.pattern)' but '\(value)' reads only as '\(other.pattern)'; "
                                + "use one format throughout the column")
            }
        }
        if 2 * best.parsed >= values.count, let k = firstMiss {
            return .mostlyDates(majority, row: firstRows[k], value: values[k])
        }
        return .notDates
    }

    /// Whether the candidate with day and month swapped also reads every value (`01/02/2020`).
    private static func twinReadsAll(_ format: DateTimeFormat, _ values: [String]) -> Bool {
        let swapped = format.tokens.map { token -> Token in
            switch token {
            case let .number(.month, padded): .number(.day, padded: padded)
            case let .number(.day, padded): .number(.month, padded: padded)
            default: token
            }
        }
        guard swapped != format.tokens, compiledCandidates.contains(where: { $0.tokens == swapped }) else {
            return false
        }
        let twin = DateTimeFormat(tokens: swapped)
        return values.allSatisfy { twin.parse($0) != nil }
    }

    /// This pattern with padding, month-name case and fraction width learned from the values, so that
    /// formatting reproduces their shape: a field is written unpadded when some value < 10 was written
    /// with one digit and none with a leading zero; month names in upper case when all were.
    func refined(by values: [String]) -> DateTimeFormat {
        var short = Set<Int>(), zeroPadded = Set<Int>(), lowerMonth = Set<Int>()
        var fractionDigits = 0
        for value in values {
            var upperMonth = Set<Int>()
            var text = value
            _ = text.withUTF8 { bytes in
                components(bytes) { token, digits, value in
                    switch self.tokens[token] {
                    case .number:
                        if digits == 1 { short.insert(token) } else if value < 10 { zeroPadded.insert(token) }
                    case .monthName:
                        upperMonth.insert(token)
                    case .fraction:
                        fractionDigits = max(fractionDigits, digits)
                    case .literal:
                        break
                    }
                }
            }
            for (k, token) in tokens.enumerated() where !upperMonth.contains(k) {
                if case .monthName = token { lowerMonth.insert(k) }
            }
        }
        let refined = tokens.enumerated().map { k, token -> Token in
            switch token {
            case let .number(field, _) where field != .year4 && field != .year2:
                .number(field, padded: !(short.contains(k) && !zeroPadded.contains(k)))
            case let .monthName(full, _):
                .monthName(full: full, uppercase: !lowerMonth.contains(k))
            case let .fraction(width, dotted):
                .fraction(width: fractionDigits > 0 ? fractionDigits : width, dotted: dotted)
            default:
                token
            }
        }
        return DateTimeFormat(tokens: refined)
    }
}

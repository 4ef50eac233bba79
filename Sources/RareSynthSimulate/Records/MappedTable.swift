import RareSynthNumerics
import RareSynthTable

/// A table of patients read through a `TableMapping`: row i is person i + 1.
///
/// Every row is checked when the table is bound, so a bad cell fails with its file, line and
/// column before any output is made: a missing column, a date that is not `YYYY-MM-DD`, a
/// number that is not one, a value the mapping does not list, a birth after entry, a negative
/// follow-up. Per patient:
/// - birth: entry − age, or the birth date column; onset and diagnosis are the entry date;
/// - end of observation: entry + follow-up, or the entry date without a follow-up column; death on
///   that day when the death column holds one of the death values;
/// - measurements: the mapped columns' values at entry (missing cells are not measured);
/// - conditions, treatments and procedures: recorded at entry (or, marked `when: end`, at the
///   end of follow-up) when the row holds one of their values; a treatment runs to the end of
///   observation.
/// The index date (the data's cut-off, for `cdm_source`) is the latest end of observation.
public struct MappedTable: PatientRecords {
    public let mapping: TableMapping
    public let table: Table
    /// The table's file, for errors.
    public let file: String
    public let dictionary: CohortDictionary
    public var count: Int { table.rowCount }

    let columns: Columns

    struct Columns: Sendable {
        var entry: Int?
        var birth: Int
        var sex: Int?, race: Int?, ethnicity: Int?
        var time: Int?, death: Int?
        var measurements: [Int]
        var events: [Int]
    }

    public init(_ mapping: TableMapping, table: Table, file: String) throws {
        self.mapping = mapping
        self.table = table
        self.file = file
        func index(_ reference: TableMapping.ColumnReference) throws -> Int {
            guard let j = table.columnNames.firstIndex(of: reference.name) else {
                throw DataError(file: file, "the mapping (\(reference.place)) names the column '\(reference.name)', which the table does not have "
                                + "(columns: \(table.columnNames.joined(separator: ", ")))")
            }
            return j
        }
        var entryColumn: Int?
        if case .column(let c) = mapping.entry { entryColumn = try index(c) }
        let birthColumn: Int
        switch mapping.birth {
        case .age(let c, _), .date(let c): birthColumn = try index(c)
        }
        columns = Columns(
            entry: entryColumn, birth: birthColumn,
            sex: try mapping.sex.map { try index($0.column) }, race: try mapping.race.map { try index($0.column) },
            ethnicity: try mapping.ethnicity.map { try index($0.column) },
            time: try mapping.followUp.map { try index($0.time) }, death: try mapping.followUp?.death.map { try index($0) },
            measurements: try mapping.measurements.map { try index($0.column) },
            events: try mapping.events.map { try index($0.column) })

        // Check every row, and find the cut-off and the decimals the measurements show.
        var parameters = mapping.measurements.map(\.parameter)
        var decimals = [Int](repeating: 0, count: parameters.count)
        var latest = Int.min
        let shell = MappedTable(mapping: mapping, table: table, file: file, columns: columns,
                                dictionary: CohortDictionary(name: mapping.name, sexLabels: CohortSpec.sexLabels,
                                                             raceLabels: CohortSpec.raceLabels, ethnicityLabels: CohortSpec.ethnicityLabels,
                                                             indexDate: 0, disease: mapping.disease, parameters: parameters,
                                                             concepts: mapping.events.map(\.concept)))
        for i in 0..<table.rowCount {
            let p = try shell.patient(i)
            latest = Swift.max(latest, p.deathDate ?? p.observationEnd ?? p.diagnosisDate)
            for (k, j) in columns.measurements.enumerated() {
                if let text = table.columns[j][i] { decimals[k] = Swift.max(decimals[k], Self.decimals(of: text)) }
            }
        }
        for k in parameters.indices { parameters[k].decimals = mapping.measurements[k].decimals ?? decimals[k] }
        dictionary = CohortDictionary(name: mapping.name, sexLabels: CohortSpec.sexLabels, raceLabels: CohortSpec.raceLabels,
                                      ethnicityLabels: CohortSpec.ethnicityLabels, indexDate: latest == .min ? 0 : latest,
                                      disease: mapping.disease, parameters: parameters, concepts: mapping.events.map(\.concept))
    }

    private init(mapping: TableMapping, table: Table, file: String, columns: Columns, dictionary: CohortDictionary) {
        self.mapping = mapping
        self.table = table
        self.file = file
        self.columns = columns
        self.dictionary = dictionary
    }

    /// Digits after the decimal point in a number's text (at most 6; none in exponent form).
    static func decimals(of text: String) -> Int {
        guard let dot = text.firstIndex(of: "."), !text.contains(where: { $0 == "e" || $0 == "E" }) else { return 0 }
        return Swift.min(6, text.distance(from: text.index(after: dot), to: text.endIndex))
    }

    public func patients(_ range: Range<Int>, threads: Int?) throws -> [SimulatedPatient] {
        let start = range.lowerBound
        let results = Parallel.map(count: range.count, chunkSize: 256, threads: threads) { [self] i in
            Result { () throws(DataError) in try patient(start + i) }
        }
        return try results.map { try $0.get() }
    }

    func error(_ row: Int, _ column: Int, _ message: String) -> DataError {
        DataError(file: file, line: table.line(ofRow: row), column: column + 1, columnName: table.columnNames[column], message)
    }

    func date(_ row: Int, _ column: Int) throws(DataError) -> Int {
        guard let text = table.columns[column][row] else { throw error(row, column, "a date is needed here, the cell is empty") }
        guard let day = CivilDate.day(iso: text) else { throw error(row, column, "expected a date YYYY-MM-DD, got '\(text)'") }
        return day
    }

    func number(_ row: Int, _ column: Int) throws(DataError) -> Double? {
        guard let text = table.columns[column][row] else { return nil }
        guard let value = Double(text), value.isFinite else { throw error(row, column, "expected a number, got '\(text)'") }
        return value
    }

    func label(_ coded: TableMapping.CodedColumn?, _ column: Int?, _ row: Int, in labels: [String]) throws(DataError) -> Int {
        guard let coded, let column, let text = table.columns[column][row] else { return labels.firstIndex(of: "unknown")! }
        guard let label = coded.values[text] else {
            throw error(row, column, "the value '\(text)' is not in the mapping's values (\(coded.values.keys.sorted().joined(separator: ", ")))")
        }
        return labels.firstIndex(of: label)!
    }

    static func matches(_ text: String, _ values: [String]) -> Bool {
        values.contains { value in
            if let a = Double(text), let b = Double(value) { return a == b }
            return value == text
        }
    }

    /// Row `i` as a patient record.
    func patient(_ i: Int) throws(DataError) -> SimulatedPatient {
        let entry: Int
        switch mapping.entry {
        case .date(let day): entry = day
        case .column: entry = try date(i, columns.entry!)
        }
        let birth: Int
        switch mapping.birth {
        case .age(_, let unit):
            guard let age = try number(i, columns.birth) else { throw error(i, columns.birth, "an age is needed here, the cell is empty") }
            guard age >= 0 else { throw error(i, columns.birth, "an age cannot be negative, got \(age)") }
            birth = entry - Int((age * unit.days).rounded())
        case .date:
            birth = try date(i, columns.birth)
            guard birth <= entry else { throw error(i, columns.birth, "born \(CivilDate.iso(birth)), after entering on \(CivilDate.iso(entry))") }
        }
        var end = entry
        var death: Int?
        if let followUp = mapping.followUp, let t = columns.time {
            if let time = try number(i, t) {
                guard time >= 0 else { throw error(i, t, "a follow-up time cannot be negative, got \(time)") }
                end = entry + Int((time * followUp.unit.days).rounded())
            }
            if let d = columns.death, let text = table.columns[d][i], Self.matches(text, followUp.deathValues) { death = end }
        }
        var values = [Double?](repeating: nil, count: columns.measurements.count)
        for (k, j) in columns.measurements.enumerated() { values[k] = try number(i, j) }
        var events: [ClinicalEvent] = []
        for (c, j) in columns.events.enumerated() {
            guard let text = table.columns[j][i], Self.matches(text, mapping.events[c].values) else { continue }
            let on = mapping.events[c].atEnd ? end : entry
            switch mapping.events[c].concept.role {
            case .condition: events.append(ClinicalEvent(date: on, kind: .condition(c), visit: nil))
            case .drug: events.append(ClinicalEvent(date: on, kind: .drug(c, endDate: end), visit: nil))
            case .procedure: events.append(ClinicalEvent(date: on, kind: .procedure(c), visit: nil))
            }
        }
        events.sort { $0.date < $1.date }
        return SimulatedPatient(
            personID: i + 1,
            sex: try label(mapping.sex, columns.sex, i, in: CohortSpec.sexLabels),
            race: try label(mapping.race, columns.race, i, in: CohortSpec.raceLabels),
            ethnicity: try label(mapping.ethnicity, columns.ethnicity, i, in: CohortSpec.ethnicityLabels),
            birthDate: birth, onsetDate: entry, diagnosisDate: entry, deathDate: death, parameters: values, events: events,
            causeOfDeath: nil, observationEnd: end)
    }
}

import RareSynthNumerics
import RareSynthSchema

extension DiagnosticReport {
    /// Scores `synthetic` against `real` the way SDMetrics 0.32's single-table DiagnosticReport
    /// does (see the type's documentation). Never throws: a metric that fails is a detail with a
    /// `nil` score and an error, as in SDMetrics. Details are computed on up to `threads` threads;
    /// the result does not depend on the thread count.
    public static func compute(real: DiagnosticTable, synthetic: DiagnosticTable, metadata: DiagnosticMetadata,
                               threads: Int? = nil) -> DiagnosticReport {
        var realStorage = real.storage, syntheticStorage = synthetic.storage
        var datetimes: [String: DatetimeSides] = [:]
        for column in metadata.columns where column.sdtype == .datetime {
            let sides = DatetimeSides(column: column, real: real, synthetic: synthetic)
            datetimes[column.name] = sides
            // A text column that parsed is datetime64[ns] from then on.
            func retype(_ storage: inout [DiagnosticTable.StorageColumn], _ side: DatetimeSides.Side) {
                guard case .parsedText = side else { return }
                for k in storage.indices where storage[k].name == column.name { storage[k].dtype = .datetime64ns }
            }
            retype(&realStorage, sides.real)
            retype(&syntheticStorage, sides.synthetic)
        }

        let tasks = validityTasks(metadata)
        let realTable = real, syntheticTable = synthetic, parsed = datetimes
        let details = Parallel.map(count: tasks.count, chunkSize: 1, threads: threads) { k in
            let (columns, metric, column) = tasks[k]
            return evaluate(metric, columns: columns, metadata: column, real: realTable, synthetic: syntheticTable,
                            datetimes: parsed)
        }
        let validity = QualityReport.mean(details.compactMap(\.score))
        let structure = TableStructure.compute(real: realStorage, synthetic: syntheticStorage)
        return DiagnosticReport(overall: QualityReport.mean([validity, structure].compactMap { $0 }),
                                dataValidity: validity, dataStructure: structure, validityDetails: details)
    }

    /// `DataValidity._generate_details`' loop: which metrics run on which columns, in order.
    static func validityTasks(_ metadata: DiagnosticMetadata) -> [([String], ValidityMetric, DiagnosticMetadata.Column?)] {
        var tasks: [([String], ValidityMetric, DiagnosticMetadata.Column?)] = []
        let key = metadata.primaryKey
        if key.count > 1 { tasks.append((key, .keyUniqueness, nil)) }
        for column in metadata.columns {
            let isKey = (key.count == 1 && key[0] == column.name) || metadata.alternateKeys.contains(column.name)
            var metrics: [ValidityMetric]
            switch column.sdtype {
            case .numerical: metrics = [.boundaryAdherence]
            case .datetime:
                metrics = [.boundaryAdherence] + (column.datetimeFormat == nil ? [] : [.datetimeFormatAdherence])
            case .categorical, .ordinal, .boolean: metrics = [.categoryAdherence]
            case .id, .other: metrics = isKey ? [.keyUniqueness] : []
            }
            if column.name == metadata.sequenceIndex && metrics.contains(.boundaryAdherence) { metrics = [] }
            for metric in metrics { tasks.append(([column.name], metric, column)) }
        }
        return tasks
    }

    static func evaluate(_ metric: ValidityMetric, columns: [String], metadata: DiagnosticMetadata.Column?,
                         real: DiagnosticTable, synthetic: DiagnosticTable,
                         datetimes: [String: DatetimeSides]) -> ValidityDetail {
        var detail = ValidityDetail(columns: columns, metric: metric, score: nil, error: nil)
        do {
            detail.score = try score(metric, columns: columns, metadata: metadata, real: real, synthetic: synthetic,
                                     datetimes: datetimes)
        } catch {
            detail.error = error
        }
        return detail
    }

    static func score(_ metric: ValidityMetric, columns: [String], metadata: DiagnosticMetadata.Column?,
                      real: DiagnosticTable, synthetic: DiagnosticTable,
                      datetimes: [String: DatetimeSides]) throws(DiagnosticError) -> Double? {
        let name = columns[0]
        func data(_ table: DiagnosticTable, _ name: String) throws(DiagnosticError) -> MetricColumnData {
            guard let column = table.column(name) else { throw .missingColumn(name) }
            return column.data
        }
        switch metric {
        case .keyUniqueness:
            for c in columns { _ = try data(real, c) }
            var key: [[String?]] = []
            for c in columns { key.append(labels(try data(synthetic, c))) }
            return KeyUniqueness.compute(synthetic: key)
        case .categoryAdherence:
            return CategoryAdherence.compute(real: labels(try data(real, name)), synthetic: labels(try data(synthetic, name)),
                                             rangeValues: metadata?.rangeValues, rangeIsNullable: metadata?.rangeIsNullable)
        case .boundaryAdherence:
            if let sides = datetimes[name] {
                return try sides.boundaryAdherence(metadata: metadata)
            }
            guard case .numerical(let r) = try data(real, name) else { throw .missingColumn(name) }
            guard case .numerical(let s) = try data(synthetic, name) else { throw .missingColumn(name) }
            return BoundaryAdherence.compute(real: r, synthetic: s, rangeMin: metadata?.rangeMin,
                                             rangeMax: metadata?.rangeMax, rangeIsNullable: metadata?.rangeIsNullable)
        case .datetimeFormatAdherence:
            guard let sides = datetimes[name], let format = metadata?.datetimeFormat else { return nil }
            return try sides.formatAdherence(format: format)
        }
    }

    /// Labels of a column for the discrete metrics; numbers are labelled by their value (missing
    /// and NaN as `nil`, −0 as 0) so equal numbers are equal labels.
    static func labels(_ data: MetricColumnData) -> [String?] {
        switch data {
        case .categorical(let labels): labels
        case .numerical(let values): values.map { v in v.flatMap { $0.isNaN ? nil : String($0 + 0.0) } }
        }
    }
}

/// A datetime column of both tables after SDMetrics' `convert_datetimes`.
struct DatetimeSides: Sendable {
    enum Side: Sendable {
        /// Typed datetime values (nanoseconds) handed over as such.
        case typed([Double?])
        /// Text that parsed with the format: the original text and its nanoseconds.
        case parsedText([String?], [Double?])
        /// Text left as text (the parse failed, or was not attempted).
        case text([String?])
        /// No data for the column.
        case absent
    }

    let name: String
    let real: Side
    let synthetic: Side

    init(column: DiagnosticMetadata.Column, real: DiagnosticTable, synthetic: DiagnosticTable) {
        name = column.name
        let parser = column.datetimeFormat.flatMap { try? DateTimeFormat($0) }
        func initial(_ table: DiagnosticTable) -> Side {
            if let text = table.datetimeText[column.name] { return .text(text) }
            if case .numerical(let v)? = table.column(column.name)?.data { return .typed(v) }
            return .absent
        }
        // Real first; only when it converts is the synthetic side tried (one try block in SDMetrics).
        func convert(_ side: Side) -> Side? {
            switch side {
            case .typed, .parsedText: return side
            case .absent: return nil
            case .text(let cells):
                guard let parser else { return nil }
                var out = [Double?](repeating: nil, count: cells.count)
                for (i, cell) in cells.enumerated() {
                    guard let cell else { continue }
                    guard let seconds = parser.parse(cell) else { return nil }
                    out[i] = seconds * 1e9
                }
                return .parsedText(cells, out)
            }
        }
        let r = initial(real), s = initial(synthetic)
        if let rc = convert(r) {
            self.real = rc
            self.synthetic = convert(s) ?? s
        } else {
            self.real = r
            self.synthetic = s
        }
    }

    /// BoundaryAdherence on the converted (or unconverted) sides.
    func boundaryAdherence(metadata: DiagnosticMetadata.Column?) throws(DiagnosticError) -> Double? {
        let nullable = metadata?.rangeIsNullable
        switch (real, synthetic) {
        case (.absent, _): throw .missingColumn(name)
        case (_, .absent): throw .missingColumn(name)
        case let (.typed(r), .typed(s)), let (.typed(r), .parsedText(_, s)),
             let (.parsedText(_, r), .typed(s)), let (.parsedText(_, r), .parsedText(_, s)):
            return BoundaryAdherence.compute(real: r, synthetic: s, rangeMin: metadata?.rangeMin,
                                             rangeMax: metadata?.rangeMax, rangeIsNullable: nullable)
        case (.typed, .text), (.parsedText, .text):
            throw .unparsedSyntheticDatetime(column: name)
        case let (.text(r), .text(s)):
            guard let score = BoundaryAdherence.compute(realText: r, syntheticText: s, rangeIsNullable: nullable) else {
                throw .incomparableText(column: name)
            }
            return score
        case (.text, _):
            throw .incomparableText(column: name)
        }
    }

    /// DatetimeFormatAdherence on the synthetic side's original text; `nil` when it is typed.
    func formatAdherence(format: String) throws(DiagnosticError) -> Double? {
        let cells: [String?]
        switch synthetic {
        case .typed: return nil
        case .absent: throw .missingColumn(name)
        case .text(let text), .parsedText(let text, _): cells = text
        }
        do {
            return try DatetimeFormatAdherence.compute(synthetic: cells, format: format)
        } catch {
            throw .unsupportedDatetimeFormat(column: name, format: format)
        }
    }
}

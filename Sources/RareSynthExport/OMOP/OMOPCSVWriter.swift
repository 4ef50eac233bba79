import RareSynthTable

/// Writes an OMOP CDM v5.4 as a directory of CSV files, one per table (`person.csv`,
/// `measurement.csv`, …), the form OHDSI's loaders and `COPY … WITH (FORMAT csv, HEADER)` read.
///
/// Every one of the 39 tables gets a file, with a header of OHDSI's column names in CDM order,
/// even when it has no rows, so a loader can loop over the CDM's tables. Cells are RFC 4180:
/// comma-separated, LF line ends, a NULL is an empty field, text is quoted only where it must be
/// (a comma, quote or line break inside; an empty string, `""`, which is not NULL), dates are
/// `YYYY-MM-DD` and numbers are written in full precision. The directory is built beside the
/// destination and renamed into place at the end (`AtomicDirectory`), so a failure leaves no
/// partial export; an existing one is replaced.
///
/// CSV has no keys: the rows are the ones the SQLite writer checks with its foreign keys.
public enum OMOPCSVWriter {
    public static func write(toDirectory path: String, vocabulary: OMOPVocabulary, source: OMOPSource,
                             _ load: (any OMOPLoader) throws -> Void) throws {
        try AtomicDirectory.replace(path) { temporary in
            let loader = try Loader(directory: temporary, destination: path)
            try load(loader)
            try vocabulary.insert(into: loader, source: source)
            try loader.finish()
        }
    }

    final class Loader: OMOPLoader {
        private var sinks: [String: Sink] = [:]

        init(directory: String, destination: String) throws {
            for table in OMOPCDM54.tables {
                let file = try BufferedFile(path: "\(directory)/\(table.name).csv", destination: "\(destination)/\(table.name).csv")
                let sink = Sink(file: file, definition: table)
                try sink.header()
                sinks[table.name] = sink
            }
        }

        func sink(for table: String) throws -> any OMOPRowSink {
            guard let sink = sinks[table] else { preconditionFailure("'\(table)' is not an OMOP CDM v5.4 table") }
            return sink
        }

        func finish() throws { for table in OMOPCDM54.tables { try sinks[table.name]!.file.finish() } }
    }

    final class Sink: OMOPRowSink {
        let file: BufferedFile
        let definition: OMOPTableDefinition

        init(file: BufferedFile, definition: OMOPTableDefinition) {
            self.file = file
            self.definition = definition
        }

        func header() throws {
            try file.append { out in
                for (j, column) in definition.columns.enumerated() {
                    if j > 0 { out.append(44) }
                    out.append(contentsOf: column.name.utf8)
                }
                out.append(10)
            }
        }

        func insert(_ row: [OMOPValue]) throws {
            precondition(row.count == definition.columns.count, "\(definition.name): \(row.count) values for \(definition.columns.count) columns")
            try file.append { out in
                for (j, value) in row.enumerated() {
                    if j > 0 { out.append(44) }
                    switch value {
                    case .null: break
                    case .integer(let v): out.append(contentsOf: String(v).utf8)
                    case .real(let v): out.append(contentsOf: String(v).utf8)
                    case .date(let day): CivilDate.appendISO(day, to: &out)
                    case .text(let text): Self.appendQuotedIfNeeded(text, to: &out)
                    }
                }
                out.append(10)
            }
        }

        static func appendQuotedIfNeeded(_ text: String, to out: inout [UInt8]) {
            let utf8 = text.utf8
            let quoted = utf8.isEmpty || utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            guard quoted else { return out.append(contentsOf: utf8) }
            out.append(34)
            for b in utf8 {
                if b == 34 { out.append(34) }
                out.append(b)
            }
            out.append(34)
        }
    }
}

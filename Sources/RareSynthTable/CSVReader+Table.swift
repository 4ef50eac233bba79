extension CSVReader {
    /// Reads a whole file into a `Table` (header row required; header only gives 0 rows).
    public static func readTable(path: String, options: CSVOptions = CSVOptions()) throws -> Table {
        var reader = try CSVReader(path: path, options: options)
        return try reader.remainingTable()
    }

    /// Reads CSV text held in memory into a `Table`; `name` stands for the file in errors.
    public static func readTable(text: String, name: String = "<text>",
                                 options: CSVOptions = CSVOptions()) throws -> Table {
        var reader = try CSVReader(text: text, name: name, options: options)
        return try reader.remainingTable()
    }

    /// The rows not yet read, as a table. Cells go straight from the scanner into the columns,
    /// with no per-row array, so the peak memory is the table plus one chunk.
    public mutating func remainingTable() throws -> Table {
        var columns = [[String?]](repeating: [], count: header.count)
        var lines: [Int] = []
        var linesDiffer = false
        var row = 0
        let sampleRows = 1000
        let sampleStart = scanner.input.offset
        while try advance() {
            let fields = currentFields
            for j in columns.indices { columns[j].append(fields[j]) }
            // Physical lines are kept only once a row does not start on `row + 2`.
            if !linesDiffer && rowLine != row + 2 {
                linesDiffer = true
                lines = (0..<row).map { $0 + 2 }
            }
            if linesDiffer { lines.append(rowLine) }
            row += 1
            if columns.first?.count == sampleRows, let size = scanner.input.size {
                // Size the columns once from the bytes per row so far (+5%), instead of letting
                // each of them grow by doubling through the whole file.
                let bytesPerRow = Double(scanner.input.offset - sampleStart) / Double(sampleRows)
                let estimate = Int(Double(size - sampleStart) / max(bytesPerRow, 1) * 1.05)
                for j in columns.indices { columns[j].reserveCapacity(estimate) }
            }
        }
        var table = Table(columnNames: header, columns: columns)
        if linesDiffer { table.setRowLines(lines) }
        return table
    }
}

extension CSVDelimiter {
    /// How many lines of the file's start `detect(in:isComplete:)` looks at.
    static let detectionLineLimit = 20

    /// Guesses the delimiter from the first lines of a file.
    ///
    /// Rule: count each candidate outside double quotes on each non-blank line (at most
    /// `detectionLineLimit`, only whole lines unless the sample is the whole file).
    /// 1. A candidate is *consistent* when it occurs the same, non-zero, number of times on every
    ///    line; among consistent candidates the one with the most occurrences per line wins.
    /// 2. Otherwise (ragged sample) the candidate with the most occurrences in the header wins.
    /// 3. Otherwise (a single-column file) it is `.comma`.
    /// Ties go to the order `comma`, `semicolon`, `tab`. Rule 1 is what keeps a `;` file with
    /// decimal commas (`1,5;2,3`) from being read as comma-separated: its header has no comma.
    static func detect(in sample: UnsafeBufferPointer<UInt8>, isComplete: Bool) -> CSVDelimiter {
        let lines = occurrencesPerLine(in: sample, isComplete: isComplete)
        guard let header = lines.first else { return .comma }
        var best: (delimiter: CSVDelimiter, count: Int)?
        for (k, candidate) in allCases.enumerated() where header[k] > 0 {
            let consistent = lines.allSatisfy { $0[k] == header[k] }
            if consistent, header[k] > (best?.count ?? 0) { best = (candidate, header[k]) }
        }
        if let best { return best.delimiter }
        for (k, candidate) in allCases.enumerated() where header[k] > (best?.count ?? 0) {
            best = (candidate, header[k])
        }
        return best?.delimiter ?? .comma
    }

    /// For each non-blank line of the sample, how often each of `allCases` occurs outside quotes.
    private static func occurrencesPerLine(in sample: UnsafeBufferPointer<UInt8>, isComplete: Bool) -> [[Int]] {
        let candidates = allCases.map(\.rawValue)
        var lines: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var lineHasBytes = false
        var inQuotes = false
        for byte in sample {
            if byte == ASCII.quote {
                inQuotes.toggle()
                lineHasBytes = true
            } else if inQuotes {
                continue
            } else if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                if lineHasBytes { lines.append(counts) }
                if lines.count == detectionLineLimit { return lines }
                counts = [Int](repeating: 0, count: candidates.count)
                lineHasBytes = false
            } else {
                lineHasBytes = true
                if let k = candidates.firstIndex(of: byte) { counts[k] += 1 }
            }
        }
        // A final line without a line break is whole only when the sample is the whole file;
        // it is still used when it is all there is (a header longer than the sample).
        if lineHasBytes && (isComplete || lines.isEmpty) { lines.append(counts) }
        return lines
    }
}

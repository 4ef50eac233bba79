import Testing
@testable import RareSynthTable

/// Random tables built from the characters that break CSV code survive write → read unchanged,
/// whatever the delimiter and however the file is cut into chunks.
@Suite struct CSVRoundTripTests {
    /// SplitMix64, so every run tests the same tables.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E49B
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = ["a", "Z", "7", "-", ".", ",", ";", "\t", " ", "\"", "\n", "\r", "\r\n", "é", "😀", "NA", "x y"]

    static func randomTable(_ rng: inout SeededGenerator) -> Table {
        let columnCount = Int.random(in: 1 ... 5, using: &rng)
        let rowCount = Int.random(in: 0 ... 30, using: &rng)
        let names = (0 ..< columnCount).map { "c\($0)" + (Bool.random(using: &rng) ? ", \"odd\"" : "") }
        let columns: [[String?]] = (0 ..< columnCount).map { _ in
            (0 ..< rowCount).map { _ -> String? in
                if Int.random(in: 0 ..< 6, using: &rng) == 0 { return nil }
                let length = Int.random(in: 1 ... 6, using: &rng)
                return (0 ..< length).map { _ in pieces.randomElement(using: &rng)! }.joined()
            }
        }
        return Table(columnNames: names, columns: columns)
    }

    @Test(arguments: 0 ..< 40)
    func randomTableRoundTrips(_ seed: Int) throws {
        var rng = SeededGenerator(state: UInt64(seed))
        let table = Self.randomTable(&rng)
        let delimiter = CSVDelimiter.allCases[seed % 3]
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/t.csv"
        try CSVWriter(delimiter: delimiter).write(table, to: path)
        for chunk in [16, 23, 1 << 20] {
            let options = CSVOptions(delimiter: delimiter, chunkSize: chunk)
            #expect(try CSVReader.readTable(path: path, options: options) == table, "seed \(seed) chunk \(chunk)")
        }
    }

    /// Arbitrary byte soup (quotes, line ends, blanks, invalid UTF-8) gives the same table or the
    /// same error whatever the chunk size: the restart-on-short-chunk logic has no edge cases.
    @Test(arguments: 0 ..< 60)
    func arbitraryBytesReadTheSameInAnyChunkSize(_ seed: Int) throws {
        var rng = SeededGenerator(state: UInt64(seed) &+ 1000)
        let alphabet: [UInt8] = Array("ab1,;\t \"\"\n\r.".utf8) + [0xC3, 0xA9, 0xFF, 0x09]
        let length = Int.random(in: 0 ... 200, using: &rng)
        let bytes = (0 ..< length).map { _ in alphabet.randomElement(using: &rng)! }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.file("soup.csv", bytes: bytes)
        func outcome(_ chunk: Int) -> Result<Table, DataError> {
            Result { try CSVReader.readTable(path: path, options: CSVOptions(chunkSize: chunk)) }
                .mapError { $0 as? DataError ?? DataError("\($0)") }
        }
        let reference = outcome(1 << 20)
        for chunk in [16, 17, 31] {
            #expect(outcome(chunk) == reference, "seed \(seed) chunk \(chunk)")
        }
    }
}

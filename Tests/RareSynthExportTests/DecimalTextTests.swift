import Testing
@testable import RareSynthExport

/// The fast decimal paths agree bit for bit with the standard library, which is their reference.
@Suite struct DecimalTextTests {
    private func fastDouble(_ text: String) -> Double? {
        var text = text
        return text.withUTF8(DecimalText.double)
    }

    private func fastInt(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8(DecimalText.int64)
    }

    @Test func agreesWithDoubleOnRandomDecimals() {
        var rng = SeededGenerator(state: 42)
        var disagreements: [String] = []
        var fastPathTaken = 0
        for _ in 0 ..< 5_000 {
            let digits = Int.random(in: 1 ... 17, using: &rng)
            var text = String((0 ..< digits).map { _ in Character(String(Int.random(in: 0 ... 9, using: &rng))) })
            let point = Int.random(in: 0 ... digits, using: &rng)
            if point < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            if Bool.random(using: &rng) { text = "-" + text }
            guard let fast = fastDouble(text) else { continue }
            fastPathTaken += 1
            if fast.bitPattern != Double(text)!.bitPattern { disagreements.append(text) }
        }
        #expect(disagreements.isEmpty)
        #expect(fastPathTaken > 2_500)
    }

    @Test(arguments: ["1e5", "inf", "nan", "", "-", ".", "1.2.3", " 1", "0x1p3", "1234567890123456.5"])
    func leavesOtherTextsToTheStandardLibrary(_ text: String) {
        #expect(fastDouble(text) == nil)
    }

    @Test func handlesPlainShapes() {
        #expect(fastDouble("12.5") == 12.5)
        #expect(fastDouble(".5") == 0.5)
        #expect(fastDouble("5.") == 5)
        #expect(fastDouble("-0")?.sign == .minus)
        #expect(fastInt("-42") == -42)
        #expect(fastInt("+7") == 7)
        #expect(fastInt("9223372036854775807") == nil)  // 19 digits: left to Int64(String)
        #expect(fastInt("1.0") == nil)
        #expect(fastInt("") == nil)
        #expect(fastInt("-") == nil)
    }

    @Test func integerColumnsAcceptIntegralReals() {
        #expect(SQLiteColumnType.integer("9223372036854775807") == .max)
        #expect(SQLiteColumnType.integer("1e+05") == 100_000)
        #expect(SQLiteColumnType.integer("2.5") == nil)
        #expect(SQLiteColumnType.integer("1e30") == nil)
        #expect(SQLiteColumnType.real("1e-3") == 0.001)
        #expect(SQLiteColumnType.real("abc") == nil)
    }
}

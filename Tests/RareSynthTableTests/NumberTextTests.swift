import Foundation
import Testing
import RareSynthTable

/// The byte formatters write what C's printf does (`%d`, `%.*f`) for the values the writers
/// give them (already rounded to their decimals).
@Suite struct NumberTextTests {
    @Test func integersAndFixedDecimalsMatchPrintf() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        for value in [0, 7, -7, 10, 99, -100, Int.max, Int.min + 1] + (0..<2000).map({ _ in Int(Int64(bitPattern: next() << 11)) >> Int(next() % 60) }) {
            var out: [UInt8] = []
            NumberText.appendInteger(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(format: "%ld", value))
        }
        for _ in 0..<5000 {
            let decimals = Int(next() % 5)
            let scale = pow(10.0, Double(decimals))
            let raw = (Double(next() % 2_000_000) - 1_000_000) / 997 * Double(next() % 3 == 0 ? 1000 : 1)
            let value = (raw * scale).rounded() / scale
            var out: [UInt8] = []
            NumberText.appendFixed(value, decimals: decimals, to: &out)
            var expected = String(format: "%.*f", decimals, value)
            if expected.hasPrefix("-") && Double(expected) == 0 { expected.removeFirst() }   // printf keeps -0's sign
            #expect(String(decoding: out, as: UTF8.self) == expected, "\(value) with \(decimals) decimals")
        }
    }
}

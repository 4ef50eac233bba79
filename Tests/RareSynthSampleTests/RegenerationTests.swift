import Foundation
import RareSynthSchema
import RareSynthNumerics
import Testing
@testable import RareSynthSample

/// SplitMix64 (Steele, Lea & Flood 2014), a local stand-in for the seeded generator in RareSynthNumerics.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Replays fixed outputs, to drive `nextInt(below:)` down a chosen path.
private struct Replay: RandomNumberGenerator {
    var outputs: [UInt64]
    mutating func next() -> UInt64 { outputs.removeFirst() }
}

/// A letter/digit/other mask: `P-0012x` → `A-999a`.
private func shape(_ s: String) -> String {
    String(s.map { ch -> Character in
        guard let a = ch.asciiValue else { return ch }
        switch a {
        case 65...90: return "A"
        case 97...122: return "a"
        case 48...57: return "9"
        default: return ch
        }
    })
}

/// The profile as it would sit in a model file.
private func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Encoded and decoded again, so that every generator in these tests runs from what a file holds.
private func roundTrip<T: Codable>(_ value: T) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(try json(value).utf8))
}

/// Every `String` and `Character` stored anywhere inside `value`, found by reflection.
private func storedText(_ value: Any) -> [String] {
    if let s = value as? String { return [s] }
    if let c = value as? Character { return [String(c)] }
    return Mirror(reflecting: value).children.flatMap { storedText($0.value) }
}

/// The `id` (or `seqno`) column of an example data set, in row order. Found from this file's
/// resolved path (Tests/RareSynthSampleTests/<file> is three levels below the repository root).
private func exampleIDs(_ name: String) throws -> [String?] {
    var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let text = try String(contentsOf: url.appendingPathComponent("Examples/\(name)"), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline)
    // The id is the first column in every example, so no quoted comma can come before it.
    #expect(["\"id\"", "\"seqno\""].contains(String(lines[0].prefix { $0 != "," })))
    return lines.dropFirst().map { line in
        let cell = line.prefix { $0 != "," }
        return cell.isEmpty || cell == "NA" ? nil : String(cell)
    }
}

/// Checks the three promises for `fresh` against `real`: no fresh id is a real one, fresh ids are
/// different from each other, and there are as many as asked.
private func expectFresh(_ fresh: [String], count: Int, real: [String?],
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let realSet = Set(real.compactMap { $0 })
    #expect(fresh.count == count, sourceLocation: sourceLocation)
    #expect(Set(fresh).count == fresh.count, "fresh ids repeat", sourceLocation: sourceLocation)
    let clashes = fresh.filter(realSet.contains)
    #expect(clashes.isEmpty, "fresh ids equal to real ones: \(clashes.prefix(5))", sourceLocation: sourceLocation)
}

@Suite struct RegenerationTests {
    // MARK: - Random draws

    @Test func splitMixMatchesItsReferenceOutput() {
        // First outputs for seed 0 from the reference C implementation (prng.di.unimi.it/splitmix64.c).
        var rng = SplitMix64(state: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func boundedDrawIsLemiresMultiplyShift() {
        // 0xE220A8397B1DCDAF / 2^64 = 0.8833..., so ⌊10 · 0.8833⌋ = 8 and ⌊1000 · 0.8833⌋ = 883.
        var rng = SplitMix64(state: 0)
        #expect(rng.nextInt(below: 10) == 8)
        // 0x6E789E6AA1B965F4 / 2^64 = 0.4315...
        #expect(rng.nextInt(below: 1000) == 431)
        // Bound 3: 2^64 mod 3 = 1, so a product whose low word is 0 (the output 0) is rejected and
        // the next output, 2^64 − 1, gives ⌊3 · (2^64 − 1) / 2^64⌋ = 2.
        var replay = Replay(outputs: [0, .max, 7])
        #expect(replay.nextInt(below: 3) == 2)
        #expect(replay.outputs == [7])
        // Unbiased: 60 000 draws below 3 land within 4.5 standard deviations of 20 000 each.
        var counts = [0, 0, 0]
        var seeded = SplitMix64(state: 12)
        for _ in 0..<60_000 { counts[seeded.nextInt(below: 3)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 20_000) < 520 }, "\(counts)")
    }

    // MARK: - Integer ids

    @Test func integerIdsContinueAfterTheLargestRealId() throws {
        var rng = SplitMix64(state: 1)
        let real = (1...418).map { String($0) as String? }
        let profile = IdentifierProfile(realValues: real)
        #expect(profile.form == .sequential(nextFree: 419))
        let ids = IdentifierGenerator(profile: try roundTrip(profile)).unique(count: 5, using: &rng)
        #expect(ids == ["419", "420", "421", "422", "423"])
    }

    @Test func integerIdsWithTheSameDigitCountGrowPastASaturatedCount() throws {
        var rng = SplitMix64(state: 2)
        // 890 of the 900 three-digit numbers: every digit occurs at every position, so no
        // three-digit id can be proven fresh from shapes alone; fresh ids have four digits.
        let real = (100...989).map { String($0) as String? }
        let profile = try roundTrip(IdentifierProfile(realValues: real, integerStyle: .sameDigitCount))
        let ids = IdentifierGenerator(profile: profile).unique(count: 300, using: &rng)
        expectFresh(ids, count: 300, real: real)
        #expect(ids.allSatisfy { $0.count == 4 && $0.first != "0" })
    }

    @Test(arguments: ["cgd.csv", "colon.csv", "pbc.csv", "pbcseq.csv", "nwtco.csv"])
    func exampleIdColumnsNeverCollide(file: String) throws {
        let real = try exampleIDs(file)
        let numbers = real.compactMap { $0.flatMap { Int($0) } }
        let distinct = Set(real.compactMap { $0 }).count
        for style in [IdentifierProfile.IntegerStyle.sequential, .sameDigitCount] {
            var rng = SplitMix64(state: 20)
            let profile = IdentifierProfile(realValues: real, integerStyle: style)
            // Shape information only: its size does not grow with the thousands of real ids.
            #expect(try json(profile).utf8.count < 1_500)
            let ids = IdentifierGenerator(profile: try roundTrip(profile)).unique(count: 2 * distinct, using: &rng)
            expectFresh(ids, count: 2 * distinct, real: real)
            // Still integers, and no `012` that would read as the real id 12.
            #expect(ids.allSatisfy { Int($0) != nil && ($0.count == 1 || $0.first != "0") })
            if style == .sequential { #expect(ids.allSatisfy { Int($0)! > numbers.max()! }) }
        }
    }

    // MARK: - Shaped codes

    @Test func shapedCodesKeepTheirConstantPrefixAndAvoidTheUsedFirstDigits() throws {
        var rng = SplitMix64(state: 3)
        let real = (1...418).map { "P" + String(String(100_000 + $0).dropFirst()) as String? } // P00001...P00418
        let profile = try roundTrip(IdentifierProfile(realValues: real))
        guard case let .shaped(patterns, canonicalIntegers) = profile.form else { Issue.record("not shaped"); return }
        #expect(!canonicalIntegers && patterns.count == 1)
        // P, 0, 0 are shared by all; the first varying digit is 0–4 in real ids, so fresh ids use 5–9.
        #expect(patterns[0].slots == [.fixed("P"), .fixed("0"), .fixed("0"), .digit, .digit, .digit])
        #expect(patterns[0].marker == IdentifierProfile.Marker(position: 3, allowed: ["5", "6", "7", "8", "9"]))
        let ids = IdentifierGenerator(profile: profile).unique(count: 200, using: &rng)
        expectFresh(ids, count: 200, real: real)
        #expect(ids.allSatisfy { $0.hasPrefix("P00") && $0.count == 6 && "56789".contains(Array($0)[3]) })
        // Past half of the 500 such codes, ids grow a digit (keeping the prefix) rather than loop.
        var more = SplitMix64(state: 4)
        let many = IdentifierGenerator(profile: profile).unique(count: 5_000, using: &more)
        expectFresh(many, count: 5_000, real: real)
        #expect(many.allSatisfy { $0.hasPrefix("P00") && ($0.count == 6 || $0.count == 7 || $0.count == 8) })
    }

    @Test func textIdsKeepTheirShapeAndConstantPunctuation() {
        var rng = SplitMix64(state: 5)
        let real = (1...200).map { "PT-\(String(1000 + $0 * 13))-x" as String? } + [nil]
        let ids = IdentifierGenerator(realValues: real).unique(count: 300, using: &rng)
        expectFresh(ids, count: 300, real: real)
        #expect(ids.allSatisfy { shape($0) == "AA-9999-a" && $0.hasPrefix("PT-") && $0.hasSuffix("-x") })
    }

    @Test func mixedCaseCodesNeverCollide() throws {
        // 3 000 random `Aa9-aA9` codes: each class position sees most of its alphabet.
        var source = SplitMix64(state: 6)
        func pick(_ alphabet: String) -> Character {
            let a = Array(alphabet)
            return a[source.nextInt(below: a.count)]
        }
        let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", lower = upper.lowercased(), digits = "0123456789"
        let real = (0..<3_000).map { _ in
            String([pick(upper), pick(lower), pick(digits), "-", pick(lower), pick(upper), pick(digits)]) as String?
        }
        var rng = SplitMix64(state: 7)
        let ids = IdentifierGenerator(profile: try roundTrip(IdentifierProfile(realValues: real)))
            .unique(count: 3_000, using: &rng)
        expectFresh(ids, count: 3_000, real: real)
        #expect(ids.allSatisfy { shape($0) == "Aa9-aA9" || shape($0).count > 7 })
    }

    // MARK: - Adversarial columns

    @Test func everyDigitAtEveryPositionGrowsPastEveryRealLength() throws {
        // All 1 000 three-digit strings (so not integers: `007`) plus the even numbers 1000–1198:
        // `999` is saturated and `9999` is a real shape, so the saturated pattern must grow to five digits.
        let real = (0..<1_000).map { String(String(1_000 + $0).dropFirst()) as String? }
            + (500..<600).map { String(2 * $0) as String? }
        let profile = try roundTrip(IdentifierProfile(realValues: real))
        guard case let .shaped(patterns, _) = profile.form else { Issue.record("not shaped"); return }
        #expect(patterns.map(\.addedDigits) == [2, 0])
        #expect(patterns[0].marker == nil && patterns[0].slots.count == 5)
        var rng = SplitMix64(state: 8)
        let ids = IdentifierGenerator(profile: profile).unique(count: 2_000, using: &rng)
        expectFresh(ids, count: 2_000, real: real)
        #expect(!ids.contains { $0.count == 3 })
        // Four-digit fresh ids come from the `1000`–`1198` pattern: its constant `1`, then a second
        // digit that real ids never have (they use only 0 and 1 there).
        #expect(patterns[1].slots.first == .fixed("1"))
        #expect(patterns[1].marker == IdentifierProfile.Marker(position: 1, allowed: Array("23456789")))
        let four = ids.filter { $0.count == 4 }
        #expect(!four.isEmpty && four.allSatisfy { $0.hasPrefix("1") && "23456789".contains(Array($0)[1]) })
        #expect(ids.contains { $0.count == 5 })
    }

    @Test func saturatedLettersGrowADigit() {
        // All 676 `Aa` codes and all 260 `Aa9` codes with A–J: `Aa` is saturated, `Aa9` is a real
        // shape (not saturated: K–Z are free), so `Aa` grows to `Aa99`.
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let two = letters.flatMap { u in letters.map { String(u) + String($0).lowercased() } }
        let three = letters.prefix(10).flatMap { u in (0..<26).map { String(u) + String(letters[$0]).lowercased() + "\($0 % 10)" } }
        let real = (two + three).map { $0 as String? }
        var rng = SplitMix64(state: 9)
        let ids = IdentifierGenerator(realValues: real).unique(count: 1_000, using: &rng)
        expectFresh(ids, count: 1_000, real: real)
        #expect(ids.allSatisfy { ["Aa9", "Aa99"].contains(shape($0)) || shape($0).count > 4 })
    }

    @Test func singleIdColumns() throws {
        var rng = SplitMix64(state: 10)
        let code: [String?] = ["AB-12"]
        let codeProfile = IdentifierProfile(realValues: code)
        #expect(try !json(codeProfile).contains("AB-12"))
        let codes = IdentifierGenerator(profile: try roundTrip(codeProfile)).unique(count: 500, using: &rng)
        expectFresh(codes, count: 500, real: code)
        #expect(codes.allSatisfy { shape($0) == "AA-99" })

        let number: [String?] = ["7", nil]
        let sequential = IdentifierGenerator(realValues: number).unique(count: 3, using: &rng)
        #expect(sequential == ["8", "9", "10"])
        // Nine one-digit numbers are free; past half of them, ids get a second digit, never a leading 0.
        let sameCount = IdentifierGenerator(realValues: number, integerStyle: .sameDigitCount)
            .unique(count: 60, using: &rng)
        expectFresh(sameCount, count: 60, real: number)
        #expect(sameCount.allSatisfy { Int($0) != nil && ($0.count == 1 || $0.first != "0") })
    }

    @Test func differentLengthsAndPunctuation() throws {
        let real: [String?] = ["A1", "B22", "C333", "D4444", "E55555", "AB-12/x", "CD-34/y", "--", "№42", "é-1",
                               "x", "y", "z", nil]
        let profile = try roundTrip(IdentifierProfile(realValues: real))
        guard case let .shaped(patterns, _) = profile.form else { Issue.record("not shaped"); return }
        // `--` has no letter or digit, so it cannot meet a fresh id and is left out.
        #expect(patterns.count == 9)
        let text = try json(profile)
        #expect(real.compactMap { $0 }.filter { $0.count > 1 }.allSatisfy { !text.contains($0) })
        var rng = SplitMix64(state: 11)
        let ids = IdentifierGenerator(profile: profile).unique(count: 2_000, using: &rng)
        expectFresh(ids, count: 2_000, real: real)
        #expect(ids.allSatisfy { $0.contains { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        #expect(ids.contains { $0.hasPrefix("№") } && ids.contains { $0.hasPrefix("é-") })
    }

    @Test func constantsAreReleasedWhenTheyWouldSpellTheRealIds() throws {
        // `AB12`, `AB13`: keeping `A`, `B`, `1` and marking the last digit would list both real ids
        // (the complement of the marker); with under two varying slots, no constant is kept.
        let profile = IdentifierProfile(realValues: ["AB12", "AB13"])
        guard case let .shaped(patterns, _) = profile.form else { Issue.record("not shaped"); return }
        #expect(patterns[0].slots == [.upper, .upper, .digit, .digit])
        var rng = SplitMix64(state: 12)
        expectFresh(IdentifierGenerator(profile: profile).unique(count: 100, using: &rng), count: 100,
                    real: ["AB12", "AB13"])
    }

    // MARK: - No real value in a profile or a generator

    /// Real columns of each kind; every value is long enough that finding it in a profile by
    /// chance is out of the question.
    static let sensitiveColumns: [(label: String, values: [String?], kind: PIIKind?)] = {
        var rng = SplitMix64(state: 13)
        func digits(_ n: Int) -> String {
            String((0..<n).map { _ in Character(String(rng.nextInt(below: 10))) })
        }
        let codes = (1...418).map { "P" + String(String(100_000 + $0).dropFirst()) as String? }
        let mixed = (0..<300).map { _ in "Rx-" + digits(4) + "-q" as String? }
        let phones = (0..<300).map { _ in "+44 20 7946 " + digits(4) as String? }
        let names: [String?] = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", nil]
        let emails: [String?] = ["ada.lovelace@analytical.org", "alan@bletchley.uk", "grace@navy.mil"]
        let streets: [String?] = ["12 High Street, Leeds", "3 Mill Lane, York", "221B Baker Street, London"]
        let postcodes: [String?] = ["LS1 4AP", "YO1 7HH", "NW1 6XE", "SW1A 1AA"]
        let records: [String?] = ["MRN-000123", "MRN-004567", "MRN-089012", "MRN-123456"]
        return [("codes", codes + codes.prefix(50), nil), ("mixed", mixed, nil), ("phones", phones, .phone),
                ("names", names, .name), ("emails", emails, .email), ("streets", streets, .address),
                ("postcodes", postcodes, .address), ("records", records, .recordNumber)]
    }()

    @Test(arguments: 0..<8)
    func profilesAndGeneratorsHoldNoRealValue(column: Int) throws {
        let (label, values, kind) = Self.sensitiveColumns[column]
        let real = values.compactMap { $0 }
        let text: String
        let stored: [String]
        if let kind {
            let profile = FakeValueProfile(kind: kind, realValues: values)
            text = try json(profile)
            stored = storedText(FakeValueGenerator(kind: kind, realValues: values))
        } else {
            text = try json(IdentifierProfile(realValues: values))
            stored = storedText(IdentifierGenerator(realValues: values))
        }
        for value in real {
            #expect(!text.contains(value), "\(label): profile holds \(value)")
            // Phones written without their separators are no safer to hold.
            let bare = value.filter(\.isNumber)
            #expect(bare.count < 4 || !text.contains(bare), "\(label): profile holds the digits of \(value)")
            #expect(!stored.contains { $0.contains(value) }, "\(label): generator holds \(value)")
        }
    }

    // MARK: - Repeated ids

    @Test func repeatedIdsFollowRowsPerSubject() {
        var rng = SplitMix64(state: 14)
        let generator = IdentifierGenerator(realValues: ["1", "1", "2", "3", "3"])
        let ids = generator.repeated(rowsPerSubject: [2, 1, 3], using: &rng)
        #expect(ids == ["4", "4", "5", "6", "6", "6"])
        var rng2 = SplitMix64(state: 14)
        let codes = IdentifierGenerator(realValues: ["S01a", "S02b", "S03c"])
            .repeated(rowsPerSubject: [3, 2], using: &rng2)
        #expect(codes.count == 5 && codes[0] == codes[2] && codes[3] == codes[4] && codes[0] != codes[3])
    }

    @Test(arguments: ["cgd.csv", "colon.csv", "pbcseq.csv"])
    func repeatedIdsReproduceTheSubjectSizeHistogram(file: String) throws {
        let real = try exampleIDs(file)
        let profile = try roundTrip(IdentifierProfile(realValues: real))
        let realShare = Dictionary(uniqueKeysWithValues: profile.subjectSizes.map { ($0.rows, $0.subjects) })
        let realSubjects = Double(profile.subjectSizes.map(\.subjects).reduce(0, +))
        #expect(Int(realSubjects) == Set(real.compactMap { $0 }).count)

        var rng = SplitMix64(state: 15)
        let rows = 40_000
        let ids = IdentifierGenerator(profile: profile).repeated(rowCount: rows, using: &rng)
        #expect(ids.count == rows)
        // Each id fills one contiguous run: subjects are blocks, and no two share an id.
        var runs: [(id: String, rows: Int)] = []
        for id in ids {
            if runs.last?.id == id { runs[runs.count - 1].rows += 1 } else { runs.append((id, 1)) }
        }
        #expect(Set(runs.map(\.id)).count == runs.count)
        #expect(Set(ids).isDisjoint(with: real.compactMap { $0 }))
        // The share of subjects with k rows matches the real one (total variation under 0.04; the
        // last, truncated subject is left out).
        var fakeShare: [Int: Int] = [:]
        for run in runs.dropLast() { fakeShare[run.rows, default: 0] += 1 }
        let fakeSubjects = Double(runs.count - 1)
        let sizes = Set(realShare.keys).union(fakeShare.keys)
        let distance = sizes.reduce(0.0) { acc, k in
            acc + abs(Double(realShare[k] ?? 0) / realSubjects - Double(fakeShare[k] ?? 0) / fakeSubjects)
        } / 2
        #expect(distance < 0.04, "total variation \(distance)")
        #expect(Set(fakeShare.keys).isSubset(of: realShare.keys))
    }

    // MARK: - Determinism

    @Test func sameSeedSameIdsOnEverySwiftVersion() throws {
        let generator = IdentifierGenerator(realValues: ["K-77a", "K-12b", "K-31c"])
        let decoded = IdentifierGenerator(profile: try roundTrip(generator.profile))
        var a = SplitMix64(state: 42), b = SplitMix64(state: 42)
        let first = generator.unique(count: 50, using: &a)
        #expect(first == decoded.unique(count: 50, using: &b))
        // Pinned output (made by this implementation): every draw is a documented function of the
        // SplitMix64 outputs, so a change here means the sampled ids of saved models changed.
        var c = SplitMix64(state: 42)
        let codes = (1...418).map { "P" + String(String(100_000 + $0).dropFirst()) as String? }
        #expect(IdentifierGenerator(realValues: codes).unique(count: 5, using: &c)
                == ["P00523", "P00928", "P00824", "P00762", "P00706"])
        var d = SplitMix64(state: 42)
        #expect(FakeValueGenerator(kind: .phone, realValues: ["+44 20 7946 0958", "+44 20 7946 0000"])
            .values(count: 3, using: &d) == ["+12 30 8283 6245", "+62 14 0690 5602", "+89 67 8676 3027"])
    }

    @Test func sameSeedSameFakes() throws {
        let generator = FakeValueGenerator(kind: .name, realValues: ["Ada Lovelace", nil])
        let decoded = FakeValueGenerator(profile: try roundTrip(generator.profile))
        var a = SplitMix64(state: 99), b = SplitMix64(state: 99)
        #expect(generator.values(count: 100, using: &a) == decoded.values(count: 100, using: &b))
    }

    // MARK: - Model files that were edited

    @Test func tamperedProfilesAreRejected() throws {
        let good = try json(IdentifierProfile(realValues: ["AB12", "CD34"]))
        #expect(throws: Never.self) { try JSONDecoder().decode(IdentifierProfile.self, from: Data(good.utf8)) }
        // A marker allowing a letter in a digit slot, an unknown slot, a grown shape that is a real one.
        let broken = [
            #"{"form":{"shaped":{"canonicalIntegers":false,"patterns":[{"addedDigits":0,"marker":{"allowed":["x"],"position":2},"slots":["A-Z","A-Z","0-9","0-9"],"weight":2}]}},"subjectSizes":[]}"#,
            #"{"form":{"shaped":{"canonicalIntegers":false,"patterns":[{"addedDigits":0,"marker":{"allowed":["5"],"position":0},"slots":["9-0"],"weight":1}]}},"subjectSizes":[]}"#,
            #"{"form":{"shaped":{"canonicalIntegers":false,"patterns":[{"addedDigits":1,"slots":["0-9","0-9"],"weight":1},{"addedDigits":0,"marker":{"allowed":["5"],"position":0},"slots":["0-9","0-9"],"weight":1}]}},"subjectSizes":[]}"#,
        ]
        for text in broken {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(IdentifierProfile.self, from: Data(text.utf8)) }
        }
        let fake = #"{"kind":"name","missingFraction":1.5,"style":{"firstName":{}},"uppercase":false}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FakeValueProfile.self, from: Data(fake.utf8)) }
    }

    // MARK: - PII

    @Test func namesFollowTheRealLayout() {
        var rng = SplitMix64(state: 16)
        let full = FakeValueGenerator(kind: .name, realValues: ["Ada Lovelace", "Alan Turing"])
            .values(count: 20, using: &rng)
        #expect(full.allSatisfy { ($0?.split(separator: " ").count ?? 0) == 2 })
        #expect(full.allSatisfy { FakeValueGenerator.firstNames.contains(String($0!.split(separator: " ")[0])) })
        let comma = FakeValueGenerator(kind: .name, realValues: ["LOVELACE, ADA", "TURING, ALAN"])
            .values(count: 10, using: &rng)
        #expect(comma.allSatisfy { $0!.contains(", ") && $0! == $0!.uppercased() })
        let last = FakeValueGenerator(kind: .name, realValues: ["Lovelace", "Turing"], columnName: "family_name")
            .values(count: 10, using: &rng)
        #expect(last.allSatisfy { FakeValueGenerator.lastNames.contains($0!) })
    }

    @Test func emailsAreUniqueAtExampleOrg() {
        var rng = SplitMix64(state: 17)
        let emails = FakeValueGenerator(kind: .email, realValues: ["a@b.com"]).values(count: 3000, using: &rng)
        #expect(Set(emails).count == 3000)
        #expect(emails.allSatisfy { $0!.hasSuffix("@example.org") && $0! == $0!.lowercased() && $0!.contains(".") })
    }

    @Test func phonesKeepTheDigitPatternAndNeverEqualARealNumber() throws {
        var rng = SplitMix64(state: 18)
        // Every last-four-digit combination of a number range is taken: only the marker keeps fakes out.
        let block = (0..<10_000).map { "+44 20 7946 " + String(String(10_000 + $0).dropFirst()) as String? }
        let real: [String?] = block + ["+44 161 496 0001", "+44 161 496 0002", nil]
        let generator = FakeValueGenerator(profile: try roundTrip(FakeValueProfile(kind: .phone, realValues: real)))
        let phones = generator.values(count: 4_000, using: &rng)
        let shapes = Set(real.compactMap { $0.map(shape) })
        let present = phones.compactMap { $0 }
        #expect(present.allSatisfy { shapes.contains(shape($0)) })
        expectFresh(present, count: present.count, real: real)
        // One real value in 10 003 is missing.
        #expect(phones.count - present.count < 5)
    }

    @Test func recordNumbersAndPostcodesKeepTheirShape() {
        var rng = SplitMix64(state: 19)
        let records: [String?] = ["MRN-000123", "MRN-004567", "MRN-089012"]
        let mrn = FakeValueGenerator(kind: .recordNumber, realValues: records).values(count: 50, using: &rng)
        #expect(mrn.allSatisfy { $0!.hasPrefix("MRN-") && shape($0!) == "AAA-999999" })
        expectFresh(mrn.compactMap { $0 }, count: 50, real: records)
        let zipCodes: [String?] = ["02139", "94103", "10001"]
        let zips = FakeValueGenerator(kind: .address, realValues: zipCodes).values(count: 50, using: &rng)
        #expect(zips.allSatisfy { shape($0!) == "99999" })
        expectFresh(zips.compactMap { $0 }, count: 50, real: zipCodes)
    }

    @Test func missingRateIsKept() {
        var rng = SplitMix64(state: 20)
        let real: [String?] = ["+44 20 7946 0958", "+44 20 7946 0000", "+44 161 496 0001", nil]
        let phones = FakeValueGenerator(kind: .phone, realValues: real).values(count: 400, using: &rng)
        // One real value in four is missing: about 100 of 400 fakes are too (±4.6 standard deviations).
        #expect((60...140).contains(phones.filter { $0 == nil }.count))
    }

    @Test func streetsTownsAndFreeText() {
        var rng = SplitMix64(state: 21)
        let streets = FakeValueGenerator(kind: .address, realValues: ["12 High Street, Leeds", "3 Mill Lane, York"])
            .values(count: 20, using: &rng)
        #expect(streets.allSatisfy { $0!.first!.isNumber && $0!.contains(", ") })
        let towns = FakeValueGenerator(kind: .address, realValues: ["Leeds", "York", "Bath"]).values(count: 20, using: &rng)
        #expect(towns.allSatisfy { FakeValueGenerator.towns.contains($0!) })
        let notes = FakeValueGenerator(kind: .freeText, realValues: ["patient said ..."]).values(count: 3, using: &rng)
        #expect(notes == ["[redacted]", "[redacted]", "[redacted]"])
    }
}


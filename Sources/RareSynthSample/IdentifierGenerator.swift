/// Fresh identifiers shaped like a column's real ones and never equal to any of them, made from an
/// `IdentifierProfile` alone.
///
/// Identifiers are never learned from (a model that saw them could copy them into its output), so
/// synthetic rows get new ones. They keep the real shape so that downstream tools that parse ids
/// (`P-00123`, fixed widths, a check of the prefix) still work. The generator holds only the profile:
/// a model file written by `raresynth fit` can be sampled elsewhere without the real column.
///
/// Deterministic for a given random number generator, on every Swift version: all draws go through
/// `StableRandom` (never the standard library's `random(in:using:)`, whose algorithm may change).
public struct IdentifierGenerator: Sendable {
    /// Everything the generator knows about the real column: shapes and counts, no real value.
    public let profile: IdentifierProfile

    /// The real shapes, to tell whether a grown shape could meet a real id.
    private let realShapes: Set<[ShapeClass]>
    /// Patterns drawn in proportion to their number of real ids.
    private let patternWeights: CumulativeWeights
    /// Subject sizes drawn in proportion to their number of real subjects.
    private let sizeWeights: CumulativeWeights

    public init(profile: IdentifierProfile) {
        self.profile = profile
        if case let .shaped(patterns, _) = profile.form {
            realShapes = Set(patterns.map(\.realShape))
            patternWeights = CumulativeWeights(patterns.map(\.weight))
        } else {
            realShapes = []
            patternWeights = CumulativeWeights([])
        }
        sizeWeights = CumulativeWeights(profile.subjectSizes.map(\.subjects))
    }

    /// Builds the profile of `realValues` and keeps only that (see `IdentifierProfile.init`).
    public init(realValues: [String?], integerStyle: IdentifierProfile.IntegerStyle = .sequential,
                keepsConstantCharacters: Bool = true) {
        self.init(profile: IdentifierProfile(realValues: realValues, integerStyle: integerStyle,
                                             keepsConstantCharacters: keepsConstantCharacters))
    }

    /// `count` different fresh identifiers, none equal to a real one.
    ///
    /// Each id comes from a pattern drawn by weight. A pattern's first level is its own shape (with
    /// the marker); once half of a level's space is used, or 32 draws in a row repeat earlier ids,
    /// the pattern moves up a level: one more digit after its last digit, skipping any level whose
    /// shape is a real one. Each level is at least ten times larger, so generation always ends, with
    /// about two draws per id at most within a level.
    public func unique(count: Int, using rng: inout some RandomNumberGenerator) -> [String] {
        guard count > 0 else { return [] }
        switch profile.form {
        case let .sequential(nextFree):
            precondition(UInt64(count) <= UInt64.max - nextFree, "too many identifiers requested")
            return (0..<UInt64(count)).map { String(nextFree + $0) }
        case let .shaped(patterns, canonicalIntegers):
            var cursors = patterns.map { PatternCursor($0, canonicalIntegers: canonicalIntegers) }
            var used = Set<String>(minimumCapacity: count)
            var out: [String] = []
            out.reserveCapacity(count)
            while out.count < count {
                let k = patternWeights.draw(using: &rng)
                while true {
                    let candidate = cursors[k].draw(using: &rng)
                    if used.insert(candidate).inserted {
                        out.append(candidate)
                        cursors[k].recordHit(realShapes: realShapes)
                        break
                    }
                    cursors[k].recordMiss(realShapes: realShapes)
                }
            }
            return out
        }
    }

    /// One fresh identifier per subject, repeated over its rows: `rowsPerSubject[k]` copies of the
    /// k-th identifier, subjects in order (for `repeated` identifier columns).
    public func repeated(rowsPerSubject: [Int], using rng: inout some RandomNumberGenerator) -> [String] {
        let ids = unique(count: rowsPerSubject.count, using: &rng)
        return zip(ids, rowsPerSubject).flatMap { id, rows in repeatElement(id, count: max(0, rows)) }
    }

    /// `rowCount` rows of repeated identifiers whose subject sizes follow the real histogram.
    public func repeated(rowCount: Int, using rng: inout some RandomNumberGenerator) -> [String] {
        let sizes = subjectSizes(rowCount: rowCount, using: &rng)
        return repeated(rowsPerSubject: sizes, using: &rng)
    }

    /// Subject sizes drawn from the profile's histogram until they cover `rowCount` rows; only the
    /// last subject is cut short to fit. One row per subject when the profile has no histogram.
    public func subjectSizes(rowCount: Int, using rng: inout some RandomNumberGenerator) -> [Int] {
        guard rowCount > 0 else { return [] }
        guard !profile.subjectSizes.isEmpty else { return Array(repeating: 1, count: rowCount) }
        var sizes: [Int] = []
        var left = rowCount
        while left > 0 {
            let rows = min(left, profile.subjectSizes[sizeWeights.draw(using: &rng)].rows)
            sizes.append(rows)
            left -= rows
        }
        return sizes
    }
}

// MARK: - Profile

/// The shape of a real identifier column, learned at fit time and saved with the model; it holds no
/// real identifier and no hash of one (a hash of a small id space is reversible by enumeration).
///
/// - Integer ids (every value `0` or a digit string without a leading zero, at most 18 digits) under
///   `.sequential`: only `nextFree`, one past the largest real id. Fresh ids `nextFree, nextFree+1, ...`
///   are larger than every real id, so none is equal to one.
/// - Otherwise (and integer ids under `.sameDigitCount`), one `Pattern` per real *shape*, where the
///   shape of a value maps each character to upper letter / lower letter / digit (ASCII) or keeps it
///   as itself (punctuation, spaces, non-ASCII). A pattern has the shape's slots, its number of
///   distinct real ids, optionally letters and digits shared by all of them (the `P` of `P0001`), and
///   a `Marker`: one variable slot and the characters no real id of that shape has there.
///
/// Why a fresh id `x` never equals a real id `r`: if `x == r` they have the same shape `S`.
/// - If `x` comes from the pattern of a real shape `S` with its marker at position `m`, then `r` is
///   one of that pattern's real ids, so `r[m]` is a character real ids use there, while `x[m]` is one
///   they never use: contradiction.
/// - Otherwise `x` has a grown shape (a pattern whose every variable slot was saturated, or a level
///   above a pattern's own, see `IdentifierGenerator.unique`): its shape is checked against the set of
///   real shapes and skipped to a longer one while equal to a real shape, so no real id has shape `S`.
/// - Values with no ASCII letter or digit are left out of the profile altogether: every fresh id has
///   at least one variable letter or digit slot, so its shape differs from theirs.
///
/// What the profile does reveal: shapes, counts, constant characters, and, at one position per
/// shape, which characters occur there (the complement of the marker). Constant characters are kept
/// only for a shape with at least two distinct ids and only when at least two non-constant slots
/// remain; otherwise constants plus the marker would spell out the real ids.
public struct IdentifierProfile: Codable, Sendable, Equatable {
    /// How integer identifiers are renewed.
    public enum IntegerStyle: String, Codable, Sendable {
        /// `max + 1, max + 2, ...` in order.
        case sequential
        /// Random numbers with the digit counts of the real ones (for numbers that must not look
        /// ordered, such as record numbers); made like shaped codes, with a leading digit 1–9.
        case sameDigitCount
    }

    /// How fresh identifiers are formed.
    public enum Form: Codable, Sendable, Equatable {
        /// Counting up from `nextFree` (one past the largest real id, 1 when there are none).
        case sequential(nextFree: UInt64)
        /// Drawn from slot patterns; `canonicalIntegers` when the real ids are integers, so fresh
        /// multi-digit ids never start with `0` (`012` would read as the real id `12`).
        case shaped(patterns: [Pattern], canonicalIntegers: Bool)
    }

    /// One slot of a pattern.
    public enum Slot: Hashable, Sendable {
        /// Any of `A`–`Z`.
        case upper
        /// Any of `a`–`z`.
        case lower
        /// Any of `0`–`9`.
        case digit
        /// Any of `1`–`9`: the first slot of a multi-digit integer.
        case nonZeroDigit
        /// This character: punctuation, a non-ASCII character, or a constant letter or digit.
        case fixed(Character)
    }

    /// The slot that tells fresh ids from real ones of the same shape.
    public struct Marker: Hashable, Sendable {
        /// Index into the pattern's slots; always a variable slot.
        public let position: Int
        /// ASCII characters of the slot's class that no real id of the shape has at `position`.
        public let allowed: [Character]
    }

    /// What the real ids of one shape look like.
    public struct Pattern: Hashable, Sendable {
        /// The slots fresh ids are drawn from, constants and grown digits included.
        public let slots: [Slot]
        /// Number of distinct real ids of this shape: patterns are drawn in this proportion.
        public let weight: Int
        /// Nil exactly when every variable slot was saturated; then `addedDigits > 0` and the slots
        /// spell a shape that no real id has.
        public let marker: Marker?
        /// Digits inserted after the last digit (or at the end) because the real shape was saturated.
        public let addedDigits: Int
    }

    /// `subjects` real identifiers occur on `rows` rows each.
    public struct SubjectSize: Codable, Sendable, Hashable {
        public let rows: Int
        public let subjects: Int
    }

    public let form: Form
    /// How many rows each real identifier has, by increasing `rows`: the histogram that repeated
    /// identifiers reproduce. Empty when the column has no value.
    public let subjectSizes: [SubjectSize]

    /// Learns the shape of `realValues` (missing values are ignored) and forgets the values.
    /// - Parameter keepsConstantCharacters: keep letters and digits shared by every real id of a
    ///   shape (`P0001`...`P0418` → fresh ids start with `P0`), under the privacy rule above.
    public init(realValues: [String?], integerStyle: IntegerStyle = .sequential, keepsConstantCharacters: Bool = true) {
        var rowsPerID: [String: Int] = [:]
        var distinct: [String] = [] // in order of first appearance, so that the profile is reproducible
        for case let value? in realValues {
            if rowsPerID[value] == nil { distinct.append(value) }
            rowsPerID[value, default: 0] += 1
        }
        var histogram: [Int: Int] = [:]
        for rows in rowsPerID.values { histogram[rows, default: 0] += 1 }
        subjectSizes = histogram.sorted { $0.key < $1.key }.map { SubjectSize(rows: $0.key, subjects: $0.value) }

        let integers = distinct.compactMap(Self.canonicalInteger)
        let allIntegers = !distinct.isEmpty && integers.count == distinct.count
        if allIntegers, integerStyle == .sequential {
            form = .sequential(nextFree: integers.max()! + 1)
            return
        }
        let patterns = Self.patterns(of: distinct, canonicalIntegers: allIntegers, keepsConstants: keepsConstantCharacters)
        form = patterns.isEmpty ? .sequential(nextFree: 1) : .shaped(patterns: patterns, canonicalIntegers: allIntegers)
    }

    /// `0` or a digit string without a leading zero of at most 18 digits (so `max + count` fits).
    private static func canonicalInteger(_ text: String) -> UInt64? {
        let bytes = text.utf8
        guard let first = bytes.first, first != UInt8(ascii: "0") || bytes.count == 1, bytes.count <= 18,
              bytes.allSatisfy({ $0 &- 48 < 10 }) else { return nil }
        return UInt64(text)
    }

    /// One pattern per shape that has a variable slot, in order of first appearance.
    private static func patterns(of ids: [String], canonicalIntegers: Bool, keepsConstants: Bool) -> [Pattern] {
        var order: [[ShapeClass]] = []
        var members: [[ShapeClass]: [[Character]]] = [:]
        for id in ids {
            let characters = Array(id)
            let shape = characters.map(ShapeClass.init)
            guard shape.contains(where: \.isVariable) else { continue }
            if members[shape] == nil { order.append(shape) }
            members[shape, default: []].append(characters)
        }
        let realShapes = Set(order)
        return order.map { shape in
            pattern(shape: shape, ids: members[shape]!, realShapes: realShapes,
                    canonicalIntegers: canonicalIntegers, keepsConstants: keepsConstants)
        }
    }

    private static func pattern(shape: [ShapeClass], ids: [[Character]], realShapes: Set<[ShapeClass]>,
                                canonicalIntegers: Bool, keepsConstants: Bool) -> Pattern {
        var slots = Slot.normalised(shape.map(Slot.init), canonicalIntegers: canonicalIntegers)
        let variable = slots.indices.filter { slots[$0].alphabet != nil }
        var constant: Set<Int> = []
        if keepsConstants, ids.count >= 2 {
            constant = Set(variable.filter { i in ids.allSatisfy { $0[i] == ids[0][i] } })
            if variable.count - constant.count < 2 { constant = [] }
        }
        for i in constant { slots[i] = .fixed(ids[0][i]) }

        // The marker: the variable slot where the most of its class is unused (leftmost on ties).
        var marker: Marker?
        var best = (allowed: 0, of: 1)
        for i in variable where !constant.contains(i) {
            let alphabet = slots[i].alphabet!
            var used = [Bool](repeating: false, count: 128)
            for id in ids { used[Int(id[i].asciiValue!)] = true }
            let allowed = alphabet.filter { !used[Int($0)] }
            if !allowed.isEmpty, allowed.count * best.of > best.allowed * alphabet.count {
                best = (allowed.count, alphabet.count)
                marker = Marker(position: i, allowed: allowed.map { Character(Unicode.Scalar($0)) })
            }
        }
        if let marker { return Pattern(slots: slots, weight: ids.count, marker: marker, addedDigits: 0) }

        // Saturated: grow until the shape is no real one.
        var added = 1
        while realShapes.contains(Slot.shape(of: Slot.inserting(digits: added, into: slots, canonicalIntegers: canonicalIntegers))) {
            added += 1
        }
        return Pattern(slots: Slot.inserting(digits: added, into: slots, canonicalIntegers: canonicalIntegers),
                       weight: ids.count, marker: nil, addedDigits: added)
    }
}

// MARK: - Shapes and slots

/// What one character of an identifier is, as far as shapes go.
enum ShapeClass: Hashable, Sendable {
    case upper, lower, digit
    case other(Character)

    init(_ character: Character) {
        switch character.asciiValue {
        case let a? where a &- 65 < 26: self = .upper
        case let a? where a &- 97 < 26: self = .lower
        case let a? where a &- 48 < 10: self = .digit
        default: self = .other(character)
        }
    }

    var isVariable: Bool {
        if case .other = self { return false }
        return true
    }
}

extension IdentifierProfile.Slot {
    private static let uppers = Array(UInt8(ascii: "A")...UInt8(ascii: "Z"))
    private static let lowers = Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
    private static let digits = Array(UInt8(ascii: "0")...UInt8(ascii: "9"))
    private static let nonZeroDigits = Array(UInt8(ascii: "1")...UInt8(ascii: "9"))

    /// The variable slot for a letter or digit, a fixed one for anything else.
    init(_ shape: ShapeClass) {
        switch shape {
        case .upper: self = .upper
        case .lower: self = .lower
        case .digit: self = .digit
        case let .other(character): self = .fixed(character)
        }
    }

    /// The ASCII bytes a variable slot draws from; nil for a fixed slot.
    var alphabet: [UInt8]? {
        switch self {
        case .upper: Self.uppers
        case .lower: Self.lowers
        case .digit: Self.digits
        case .nonZeroDigit: Self.nonZeroDigits
        case .fixed: nil
        }
    }

    /// The shape a value drawn from this slot has (a constant `P` is an upper-case letter).
    var shapeClass: ShapeClass {
        switch self {
        case .upper: .upper
        case .lower: .lower
        case .digit, .nonZeroDigit: .digit
        case let .fixed(character): ShapeClass(character)
        }
    }

    static func shape(of slots: [Self]) -> [ShapeClass] { slots.map(\.shapeClass) }

    /// For integers, a multi-digit id must not start with `0`.
    static func normalised(_ slots: [Self], canonicalIntegers: Bool) -> [Self] {
        guard canonicalIntegers, slots.count > 1, slots[0] == .digit else { return slots }
        var slots = slots
        slots[0] = .nonZeroDigit
        return slots
    }

    /// `slots` with `digits` digit slots after the last digit, or at the end when there is none
    /// (`PT-1013-x` → `PT-10139-x`), so that grown ids read like longer versions of real ones.
    static func inserting(digits: Int, into slots: [Self], canonicalIntegers: Bool) -> [Self] {
        let at = (slots.lastIndex { $0.shapeClass == .digit } ?? slots.count - 1) + 1
        var grown = slots
        grown.insert(contentsOf: repeatElement(.digit, count: digits), at: at)
        return normalised(grown, canonicalIntegers: canonicalIntegers)
    }
}

extension IdentifierProfile.Pattern {
    /// The shape of the real ids this pattern stands for: its slots less the added digits (which
    /// are the last `addedDigits` digit slots, see `Slot.inserting`).
    var realShape: [ShapeClass] {
        var shape = IdentifierProfile.Slot.shape(of: slots)
        for _ in 0..<addedDigits {
            if let last = shape.lastIndex(of: .digit) { shape.remove(at: last) }
        }
        return shape
    }
}

// MARK: - Drawing

/// One pattern's state within a call to `unique`: its current level and how full that level is.
private struct PatternCursor {
    private let pattern: IdentifierProfile.Pattern
    private let canonicalIntegers: Bool
    private var level = 0
    private var emitted = 0
    private var misses = 0
    /// Per position, the fixed character's UTF-8 bytes or the ASCII bytes to draw one from.
    private var positions: [Position] = []
    /// Number of different ids the current level can make (a Double: it can exceed any integer).
    private var capacity = 1.0

    private enum Position {
        case fixed([UInt8])
        case draw([UInt8])
    }

    init(_ pattern: IdentifierProfile.Pattern, canonicalIntegers: Bool) {
        self.pattern = pattern
        self.canonicalIntegers = canonicalIntegers
        build(slots: pattern.slots, marker: pattern.marker)
    }

    private mutating func build(slots: [IdentifierProfile.Slot], marker: IdentifierProfile.Marker?) {
        positions = slots.indices.map { i in
            if let marker, marker.position == i { return .draw(marker.allowed.map { $0.asciiValue! }) }
            if case let .fixed(character) = slots[i] { return .fixed(Array(String(character).utf8)) }
            return .draw(slots[i].alphabet!)
        }
        capacity = positions.reduce(1.0) { acc, p in
            if case let .draw(bytes) = p { return acc * Double(bytes.count) }
            return acc
        }
    }

    /// Built as UTF-8 bytes (the same string as appending the characters, and several times faster).
    func draw(using rng: inout some RandomNumberGenerator) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(positions.count)
        for position in positions {
            switch position {
            case let .fixed(bytes): utf8.append(contentsOf: bytes)
            case let .draw(bytes): utf8.append(bytes[StableRandom.index(below: bytes.count, using: &rng)])
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    mutating func recordHit(realShapes: Set<[ShapeClass]>) {
        emitted += 1
        misses = 0
        if Double(emitted) * 2 >= capacity { moveUp(realShapes: realShapes) }
    }

    mutating func recordMiss(realShapes: Set<[ShapeClass]>) {
        misses += 1
        if misses >= 32 { moveUp(realShapes: realShapes) }
    }

    /// The next level whose shape is no real shape; there the marker is no longer needed.
    private mutating func moveUp(realShapes: Set<[ShapeClass]>) {
        typealias Slot = IdentifierProfile.Slot
        var slots: [Slot]
        repeat {
            level += 1
            slots = Slot.inserting(digits: level, into: pattern.slots, canonicalIntegers: canonicalIntegers)
        } while realShapes.contains(Slot.shape(of: slots))
        build(slots: slots, marker: nil)
        emitted = 0
        misses = 0
    }
}

/// Weighted choice by cumulative sums and a binary search.
struct CumulativeWeights: Sendable {
    private let ends: [Int]

    init(_ weights: [Int]) {
        var total = 0
        ends = weights.map { total += $0; return total }
    }

    /// An index drawn with probability weight/total; the weights must not all be zero.
    func draw(using rng: inout some RandomNumberGenerator) -> Int {
        let r = StableRandom.index(below: ends.last!, using: &rng)
        var low = 0, high = ends.count - 1
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] > r { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

/// Random draws whose results depend only on the generator's `next()` outputs, so a seed gives the
/// same synthetic ids on every Swift version (the standard library's `random(in:using:)` and
/// `shuffle` make no such promise).
enum StableRandom {
    /// Uniform in `0..<bound` by Lemire's multiply-shift with rejection (ACM TOMACS 2019): the high
    /// word of `next() * bound`, rejecting the `2⁶⁴ mod bound` low words that would bias it.
    static func index(below bound: Int, using rng: inout some RandomNumberGenerator) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = rng.next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = rng.next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// Uniform in [0, 1): the top 53 bits of one output.
    static func unit(using rng: inout some RandomNumberGenerator) -> Double {
        Double(rng.next() >> 11) * 0x1p-53
    }
}

// MARK: - Codable

extension IdentifierProfile.Slot: Codable {
    /// A slot is one string: `A-Z`, `a-z`, `0-9`, `1-9` for a variable one, else the fixed character,
    /// so a saved pattern reads like the ids it makes (`["P", "0", "0-9", "0-9"]`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch text {
        case "A-Z": self = .upper
        case "a-z": self = .lower
        case "0-9": self = .digit
        case "1-9": self = .nonZeroDigit
        default:
            guard text.count == 1, let character = text.first else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "slot '\(text)' is neither A-Z, a-z, 0-9, 1-9 nor one character")
            }
            self = .fixed(character)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .upper: try container.encode("A-Z")
        case .lower: try container.encode("a-z")
        case .digit: try container.encode("0-9")
        case .nonZeroDigit: try container.encode("1-9")
        case let .fixed(character): try container.encode(String(character))
        }
    }
}

extension IdentifierProfile.Marker: Codable {
    private enum CodingKeys: String, CodingKey { case position, allowed }

    /// `allowed` is a list of one-character strings, not one string, so that it cannot read as an id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        position = try container.decode(Int.self, forKey: .position)
        let texts = try container.decode([String].self, forKey: .allowed)
        guard !texts.isEmpty, texts.allSatisfy({ $0.count == 1 && $0.first!.asciiValue != nil }) else {
            throw DecodingError.dataCorruptedError(forKey: .allowed, in: container,
                                                   debugDescription: "allowed must be one or more ASCII characters")
        }
        allowed = texts.map { $0.first! }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(position, forKey: .position)
        try container.encode(allowed.map { String($0) }, forKey: .allowed)
    }
}

extension IdentifierProfile.Pattern: Codable {
    private enum CodingKeys: String, CodingKey { case slots, weight, marker, addedDigits }

    /// Checks what the generator relies on, so that an edited model file fails here with a message
    /// rather than trapping while sampling.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        slots = try container.decode([IdentifierProfile.Slot].self, forKey: .slots)
        weight = try container.decode(Int.self, forKey: .weight)
        marker = try container.decodeIfPresent(IdentifierProfile.Marker.self, forKey: .marker)
        addedDigits = try container.decode(Int.self, forKey: .addedDigits)
        func fail(_ key: CodingKeys, _ message: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: message)
        }
        guard slots.contains(where: { $0.alphabet != nil }) else { throw fail(.slots, "a pattern needs a variable slot") }
        guard weight > 0 else { throw fail(.weight, "weight must be positive") }
        let digitSlots = slots.filter { $0 == .digit }.count
        guard (0...digitSlots).contains(addedDigits) else { throw fail(.addedDigits, "addedDigits out of range") }
        if let marker {
            guard slots.indices.contains(marker.position), let alphabet = slots[marker.position].alphabet,
                  marker.allowed.allSatisfy({ alphabet.contains($0.asciiValue!) }) else {
                throw fail(.marker, "the marker must be a variable slot and allow only characters of its class")
            }
        } else if addedDigits == 0 {
            throw fail(.marker, "a pattern without a marker must have added digits")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slots, forKey: .slots)
        try container.encode(weight, forKey: .weight)
        try container.encodeIfPresent(marker, forKey: .marker)
        try container.encode(addedDigits, forKey: .addedDigits)
    }
}

extension IdentifierProfile {
    private enum CodingKeys: String, CodingKey { case form, subjectSizes }

    /// Also checks the whole: patterns exist, their real shapes differ, and a grown shape is no real one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        form = try container.decode(Form.self, forKey: .form)
        subjectSizes = try container.decode([SubjectSize].self, forKey: .subjectSizes)
        func fail(_ key: CodingKeys, _ message: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: message)
        }
        guard subjectSizes.allSatisfy({ $0.rows > 0 && $0.subjects > 0 }) else {
            throw fail(.subjectSizes, "rows and subjects must be positive")
        }
        switch form {
        case let .sequential(nextFree):
            guard nextFree <= 1_000_000_000_000_000_000 else { throw fail(.form, "nextFree above 10^18") }
        case let .shaped(patterns, _):
            let shapes = patterns.map(\.realShape)
            guard !patterns.isEmpty, Set(shapes).count == shapes.count else {
                throw fail(.form, "patterns must be present and have different shapes")
            }
            let real = Set(shapes)
            guard patterns.allSatisfy({ $0.marker != nil || !real.contains(Slot.shape(of: $0.slots)) }) else {
                throw fail(.form, "a grown pattern has the shape of a real one")
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(form, forKey: .form)
        try container.encode(subjectSizes, forKey: .subjectSizes)
    }
}

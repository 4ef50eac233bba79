

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

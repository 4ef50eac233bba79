/// Fresh identifiers shaped like a column's real ones and never equal to any of them, made from an
/// `IdentifierProfile` alone.
///
/// Identifiers are never learned from (a model that saw them could copy them into its output), so
/// synthetic rows get new ones. They keep the real shape so that downstream tools that parse ids
/// (`P-00123`, fixed widths, a check of the prefix) still work. The generator holds only the profile:
/// a model file written by `raresynth fit` can be sampled elsewhere without the real column.
///
/// Deterministic for a given random number generator, on every Swift version: all draws go through
/// RareSynthNumerics' `nextInt(below:)` and `nextUniform()` (never the standard library's `random(in:using:)`, whose algorithm may change).
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
            case let .draw(bytes): utf8.append(bytes[rng.nextInt(below: bytes.count)])
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
        let r = rng.nextInt(below: ends.last!)
        var low = 0, high = ends.count - 1
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] > r { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

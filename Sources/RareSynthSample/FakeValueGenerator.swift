import RareSynthNumerics
import RareSynthSchema

/// Fake values for a personal-data column, in the style of its real values, missing at its real
/// rate, made from a `FakeValueProfile` alone (so a saved model can be sampled without the real data).
///
/// PII columns are never learned from; on output (`onOutput: regenerate`) each row gets a fake:
/// - `name`: drawn from small built-in lists of common first and last names, in the real layout
///   (`First Last`, `Last, First`, one word: a last name when the column's name says last/family/
///   surname, else a first name; upper case when all real values are);
/// - `email`: `first.last@example.org` (a domain reserved for examples, RFC 2606), numbered when repeated;
/// - `phone` and `record_number`: the real values' shape with every letter and digit replaced
///   (`IdentifierGenerator`), never equal to a real value by construction;
/// - `address`: `12 Maple Road` when the real values are street addresses, a fictional town when they
///   are place names, else (postcodes, zip codes) the shape-preserving identifier generator;
/// - `free_text`: the placeholder `[redacted]`: no generator can be trusted not to echo a real note.
///
/// Names, streets and towns come from the lists below, so one may by chance equal a real value
/// (`John Smith`); nothing in the profile or the generator comes from a real value.
public struct FakeValueGenerator: Sendable {
    public static let redacted = "[redacted]"

    /// Everything the generator knows about the real column.
    public let profile: FakeValueProfile
    /// The generator of shaped values (phones, record numbers, postcodes), built once.
    private let shaped: IdentifierGenerator?

    public init(profile: FakeValueProfile) {
        self.profile = profile
        if case let .shaped(identifiers) = profile.style {
            shaped = IdentifierGenerator(profile: identifiers)
        } else {
            shaped = nil
        }
    }

    /// Builds the profile of `realValues` and keeps only that (see `FakeValueProfile.init`).
    public init(kind: PIIKind, realValues: [String?], columnName: String = "") {
        self.init(profile: FakeValueProfile(kind: kind, realValues: realValues, columnName: columnName))
    }

    /// `count` fake values; each is missing with the real column's missing fraction.
    public func values(count: Int, using rng: inout some RandomNumberGenerator) -> [String?] {
        let shapedValues = shaped?.unique(count: count, using: &rng) ?? []
        let missingFraction = profile.missingFraction
        var emails: [String: Int] = [:]
        var out: [String?] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            if missingFraction > 0, rng.nextUniform() < missingFraction {
                out.append(nil)
                continue
            }
            func pick(_ list: [String]) -> String { list[rng.nextInt(below: list.count)] }
            var value: String
            switch profile.style {
            case .firstName: value = pick(Self.firstNames)
            case .lastName: value = pick(Self.lastNames)
            case .firstLast: value = pick(Self.firstNames) + " " + pick(Self.lastNames)
            case .lastCommaFirst: value = pick(Self.lastNames) + ", " + pick(Self.firstNames)
            case .email:
                let local = (pick(Self.firstNames) + "." + pick(Self.lastNames)).lowercased()
                let n = emails[local, default: 0] + 1
                emails[local] = n
                value = local + (n > 1 ? "\(n)" : "") + "@example.org"
            case let .street(withTown):
                value = "\(1 + rng.nextInt(below: 199)) \(pick(Self.streetNames)) \(pick(Self.streetKinds))"
                if withTown { value += ", " + pick(Self.towns) }
            case .town: value = pick(Self.towns)
            case .shaped:
                // Never case-changed: the shape, hence the guarantee against real values, is kept as drawn.
                out.append(shapedValues[i])
                continue
            case .redacted: value = Self.redacted
            }
            out.append(profile.uppercase ? value.uppercased() : value)
        }
        return out
    }

    // Common given names and surnames across English-speaking registers; fictional town names.
    static let firstNames = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
                             "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
                             "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa",
                             "Anthony", "Margaret", "Mark", "Sandra", "Paul", "Emily", "Steven", "Laura",
                             "Andrew", "Anna", "Peter", "Helen", "George", "Alice", "Samuel", "Grace"]
    static let lastNames = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
                            "Wilson", "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Jackson", "Thompson",
                            "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen",
                            "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
                            "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker"]
    static let streetNames = ["Maple", "Oak", "Cedar", "Elm", "Pine", "Birch", "Willow", "Chestnut", "Mill",
                              "Station", "Church", "Park", "Meadow", "River", "Hill", "Lake", "Orchard", "Spring"]
    static let streetKinds = ["Street", "Road", "Avenue", "Lane", "Drive", "Close", "Way"]
    static let towns = ["Ashford Vale", "Brookmere", "Cresthaven", "Dunmore Bay", "Elmsworth", "Fairholt",
                        "Glenbrook", "Hollowmere", "Kingsfold", "Larkfield", "Millhaven", "Northcombe",
                        "Oakhurst", "Riverbend", "Stonebridge", "Westmere"]
}

// MARK: - Profile

/// The style of a personal-data column, learned at fit time and saved with the model: the layout,
/// case and missing rate, and for shaped values (phones, record numbers, postcodes) an
/// `IdentifierProfile`. It never holds a real name, address, e-mail or phone number.
public struct FakeValueProfile: Codable, Sendable, Equatable {
    /// What each fake looks like.
    public enum Style: Codable, Sendable, Equatable {
        /// One word: a first name.
        case firstName
        /// One word: a last name (the column's name says last, family or surname).
        case lastName
        /// `First Last`.
        case firstLast
        /// `Last, First`.
        case lastCommaFirst
        /// `first.last@example.org`.
        case email
        /// `12 Maple Road`, with `, Town` when most real addresses have a comma.
        case street(withTown: Bool)
        /// A fictional town.
        case town
        /// The real shapes with every letter and digit replaced.
        case shaped(identifiers: IdentifierProfile)
        /// `[redacted]`.
        case redacted
    }

    public let kind: PIIKind
    public let style: Style
    /// Every real value was upper case (`LOVELACE, ADA`): fakes are too.
    public let uppercase: Bool
    /// The fraction of real rows that are missing, in [0, 1].
    public let missingFraction: Double

    /// Learns the layout of `realValues`; `columnName` helps tell first from last names.
    public init(kind: PIIKind, realValues: [String?], columnName: String = "") {
        let values = realValues.compactMap { $0 }
        self.kind = kind
        missingFraction = realValues.isEmpty ? 0 : Double(realValues.count - values.count) / Double(realValues.count)
        uppercase = !values.isEmpty && values.allSatisfy { $0 == $0.uppercased() && $0 != $0.lowercased() }
        func majority(_ test: (String) -> Bool) -> Bool { 2 * values.lazy.filter(test).count > values.count }
        switch kind {
        case .name:
            if majority({ $0.contains(",") }) {
                style = .lastCommaFirst
            } else if majority({ $0.contains(" ") }) {
                style = .firstLast
            } else {
                let lowerName = columnName.lowercased()
                style = ["last", "family", "surname"].contains(where: lowerName.contains) ? .lastName : .firstName
            }
        case .email:
            style = .email
        case .phone, .recordNumber:
            // Record numbers keep a shared prefix (`MRN-`); phone numbers keep none (it would be a
            // real area code). Integer-like values keep their digit counts rather than counting up.
            style = .shaped(identifiers: IdentifierProfile(realValues: realValues, integerStyle: .sameDigitCount,
                                                           keepsConstantCharacters: kind == .recordNumber))
        case .address:
            let hasDigit = { (s: String) in s.contains(where: \.isNumber) }
            let hasLetter = { (s: String) in s.contains(where: \.isLetter) }
            if majority({ hasDigit($0) && hasLetter($0) && $0.split(separator: " ").count >= 3 }) {
                style = .street(withTown: majority { $0.contains(", ") })
            } else if majority({ !hasDigit($0) && hasLetter($0) }) {
                style = .town
            } else {
                style = .shaped(identifiers: IdentifierProfile(realValues: realValues, integerStyle: .sameDigitCount,
                                                               keepsConstantCharacters: false))
            }
        case .freeText:
            style = .redacted
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, style, uppercase, missingFraction }

    /// Rejects a missing fraction outside [0, 1], which an edited model file could hold.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(PIIKind.self, forKey: .kind)
        style = try container.decode(Style.self, forKey: .style)
        uppercase = try container.decode(Bool.self, forKey: .uppercase)
        missingFraction = try container.decode(Double.self, forKey: .missingFraction)
        guard (0...1).contains(missingFraction) else {
            throw DecodingError.dataCorruptedError(forKey: .missingFraction, in: container,
                                                   debugDescription: "missingFraction must be in [0, 1]")
        }
    }
}

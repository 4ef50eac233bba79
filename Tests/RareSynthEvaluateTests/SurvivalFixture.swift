import Foundation

/// `Fixtures/survival/survival.json`, written by `make_fixtures.R` with R's `survival` package.
struct SurvivalFixture: Decodable {
    /// A number as the R script writes it: a double, `null` (R's NA or NaN) or "Inf"/"-Inf".
    struct Number: Decodable {
        var value: Double?

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = nil
            } else if let text = try? container.decode(String.self) {
                switch text {
                case "Inf": value = .infinity
                case "-Inf": value = -.infinity
                default:
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "unexpected number text '\(text)'")
                }
            } else {
                value = try container.decode(Double.self)
            }
        }
    }

    struct Limits: Decodable {
        var lower: [Number]
        var upper: [Number]
    }

    struct Quantiles: Decodable {
        var probs: [Double]
        var quantile: [Number]
        var lower: [Number]
        var upper: [Number]
    }

    struct Printed: Decodable {
        var median: Number
        var lower: Number
        var upper: Number
        var events: Double
    }

    struct Curve: Decodable {
        var group: String?
        var n: Int
        var n_rows: Int
        /// 0-based rows of the full table kept in a long table; `nil` when every row is stored.
        var row_index: [Int]?
        var time: [Double]
        var n_risk: [Int]
        var n_event: [Int]
        var n_censor: [Int]
        var surv: [Double]
        var std_err: [Number]
        var summary_std_err: [Number]
        var cumhaz: [Double]
        var std_chaz: [Double]
        /// Keyed by R's conf.type ("log", "log-log", "plain").
        var ci: [String: Limits]
        var quantile: [String: Quantiles]
        var print: [String: Printed]
    }

    struct LogRank: Decodable {
        var groups: [String]
        var n: [Int]
        var observed: [Double]
        var expected: [Double]
        var variance: [[Double]]
        var chisq: Double
        var df: Int
        var pvalue: Number
    }

    struct Distance: Decodable {
        var horizon: Double
        var max_gap: Double
        var max_gap_time: Double
        var integrated_gap: Double
        var mean_gap: Double
    }

    struct Case: Decodable {
        var name: String
        var time: [Double]
        var event: [Double]
        /// `null` entries are rows R's na.omit drops.
        var group: [String?]?
        var curves: [Curve]?
        var logrank: LogRank?
        var distance: Distance?
    }

    var r_version: String
    var survival_version: String
    var z975: Double
    var cases: [Case]

    static let shared: SurvivalFixture = {
        guard let url = Bundle.module.url(forResource: "survival", withExtension: "json", subdirectory: "Fixtures/survival"),
              let data = try? Data(contentsOf: url),
              let fixture = try? JSONDecoder().decode(SurvivalFixture.self, from: data)
        else { fatalError("Fixtures/survival/survival.json is missing or unreadable") }
        return fixture
    }()

    static func named(_ name: String) -> Case? { shared.cases.first { $0.name == name } }
}

/// Largest absolute differences seen per quantity within one test.
final class SurvivalAgreement {
    private var worst: [String: Double] = [:]

    /// Relative tolerance above 1, absolute below: |a − b| ≤ 1e-9 · max(1, |b|).
    static let tolerance = 1e-9

    /// Whether `actual` matches `expected`: both missing, both the same infinity, or within the
    /// tolerance. Records the absolute difference under `quantity`.
    func matches(_ actual: Double?, _ expected: Double?, _ quantity: String) -> Bool {
        switch (actual, expected) {
        case (nil, nil): return true
        case let (a?, e?):
            if a.isInfinite || e.isInfinite { return a == e }
            let difference = Swift.abs(a - e)
            worst[quantity] = Swift.max(worst[quantity] ?? 0, difference)
            return difference <= Self.tolerance * Swift.max(1, Swift.abs(e))
        default: return false
        }
    }

    /// Prints the largest differences (`swift test` output; the hand-back report quotes them).
    func report(_ name: String) {
        for (quantity, difference) in worst.sorted(by: { $0.key < $1.key }) {
            print("agreement\t\(name)\t\(quantity)\t\(difference)")
        }
    }
}

import Foundation
import Testing

/// `expected.json` of a fixture case, written by `Fixtures/fidelity/make_fixtures.py` (`null` is NaN/undefined).
struct FidelityExpected: Decodable {
    struct Continuous: Decodable {
        var wasserstein: Double?
        var normalized_wasserstein: Double?
        var jensen_shannon: Double?
        var kullback_leibler: Double?
    }

    struct Gap: Decodable {
        var category: String?
        var real_count: Int
        var synthetic_count: Int
        var real_share: Double
        var synthetic_share: Double
    }

    struct Categorical: Decodable {
        var jensen_shannon: Double?
        var kullback_leibler: Double?
        var gaps: [Gap]
    }

    struct Matrix: Decodable {
        var columns: [String]
        var real: [[Double?]]
        var synthetic: [[Double?]]
        var mean_absolute_difference: Double?
        var compared_pairs: Int
    }

    struct MMD: Decodable {
        var unbiased: Double
        var biased: Double
        var bandwidth: Double
        var real_rows: Int
        var synthetic_rows: Int
        var dimension: Int
        var max_rows: Int
        var seed: UInt64
        var real_sample: [Int]?
        var synthetic_sample: [Int]?
    }

    struct Fidelity: Decodable {
        var continuous: [String: Continuous]
        var categorical: [String: Categorical]
        var pearson: Matrix
        var spearman: Matrix
        var cramers_v: Matrix
        var mmd: MMD
        var mmd_subsampled: MMD
    }

    struct Detail: Decodable {
        var columns: [String]
        var metric: String
        var score: Double?
        var error: String?
    }

    struct Diagnostic: Decodable {
        var overall: Double?
        var data_validity: Double?
        var data_structure: Double?
        var details: [Detail]
        var dtypes_before_conversion: [String: [String: String]]
    }

    var fidelity: Fidelity
    var diagnostic: Diagnostic
    var pseudo_count: Double

    static func load(case name: String) throws -> FidelityExpected {
        let url = try FixtureTables.directory(name).appendingPathComponent("expected.json")
        return try JSONDecoder().decode(FidelityExpected.self, from: Data(contentsOf: url))
    }
}

/// The fixture cases (see `Fixtures/fidelity/README.md`).
let fidelityCases = ["lung-sdv", "lung-raresynth", "pbc-sdv", "cgd-sdv", "pbc-perturbed", "cgd-perturbed", "cgd-badformat"]
    .map { "fidelity/\($0)" }

/// Compares values within a tolerance relative to max(1, |expected|), expecting `nil` exactly where
/// the reference is, and keeps the largest such relative difference per quantity for the summary.
struct Agreement {
    var tolerance: Double
    private(set) var largest: [String: Double] = [:]

    init(tolerance: Double) { self.tolerance = tolerance }

    mutating func check(_ quantity: String, _ actual: Double?, _ expected: Double?, _ context: @autoclosure () -> String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected else {
            #expect(actual == nil, "\(quantity) \(context()): expected undefined, got \(actual!)", sourceLocation: sourceLocation)
            return
        }
        guard let actual else {
            Issue.record("\(quantity) \(context()): expected \(expected), got undefined", sourceLocation: sourceLocation)
            return
        }
        let gap = Swift.abs(actual - expected) / Swift.max(1, Swift.abs(expected))
        largest[quantity] = Swift.max(largest[quantity] ?? 0, gap)
        #expect(gap <= tolerance,
                "\(quantity) \(context()): \(actual) vs \(expected)", sourceLocation: sourceLocation)
    }

    /// `quantity=max relative |Δ|` for each quantity, sorted by name.
    var summary: String {
        largest.keys.sorted().map { "\($0)=\(String(format: "%.1e", largest[$0]!))" }.joined(separator: " ")
    }
}

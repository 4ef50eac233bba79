import FixtureSupport
import Foundation
@testable import RareSynthEvaluate

/// One fixture case of `Fixtures/privacy/` (see its README; the folder keeps these cases apart from
/// the QualityReport fixtures of the same names): the tables SDMetrics and synthpop scored,
/// decoded into `MetricColumn`s as pandas held them, and what the reference tools computed.
struct PrivacyCase {
    let name: String
    let train: [MetricColumn]
    let holdout: [MetricColumn]
    let synthetic: [MetricColumn]
    /// The random baseline table SDMetrics drew (seed 0).
    let random: [MetricColumn]
    let sdmetrics: SDMetricsExpected
    let synthpop: SynthpopExpected

    static let names = ["lung-sdv", "lung-raresynth", "lung-copies", "cgd-sdv", "pbc-sdv"]

    /// Cases are decoded once per process.
    static let all: [String: PrivacyCase] = {
        var out: [String: PrivacyCase] = [:]
        for name in names { out[name] = try! PrivacyCase(name) }
        return out
    }()

    static func named(_ name: String) -> PrivacyCase { all[name]! }

    init(_ name: String) throws {
        self.name = name
        let dir = try FixtureTables.directory("privacy/" + name)
        let (train, others) = try FixtureTables.load(directory: dir, reference: "train.csv",
                                                     others: ["holdout.csv", "synthetic.csv", "random.csv"])
        self.train = train
        holdout = others[0]
        synthetic = others[1]
        random = others[2]
        sdmetrics = try JSONDecoder().decode(SDMetricsExpected.self, from: Data(contentsOf: dir.appendingPathComponent("sdmetrics.json")))
        synthpop = try JSONDecoder().decode(SynthpopExpected.self, from: Data(contentsOf: dir.appendingPathComponent("synthpop.json")))
    }
}

/// `sdmetrics.json`, written by `make_fixtures.py` (NaN as null).
struct SDMetricsExpected: Decodable {
    struct Overfitting: Decodable {
        struct Percentages: Decodable {
            var closer_to_training: Double
            var closer_to_holdout: Double
        }
        var score: Double
        var synthetic_data_percentages: Percentages
    }
    struct Baseline: Decodable {
        struct Medians: Decodable {
            var synthetic_data: Double
            var random_data_baseline: Double
        }
        var score: Double?
        var median_DCR_to_real_data: Medians
    }
    struct Noise: Decodable {
        var seeds: Int
        var mean: Double
        var sd: Double
    }
    struct NewRows: Decodable {
        var score: Double
        var num_new_rows: Int
        var num_matched_rows: Int
    }
    struct Disclosure: Decodable {
        var known: [String]
        var sensitive: [String]
        var continuous: [String]?
        var method: String
        var score: Double?
        var cap_protection: Double?
        var baseline_protection: Double
    }
    struct Membership: Decodable {
        var auc: Double
    }
    struct Anonymity: Decodable {
        var quasi_identifiers: [String]
        var sensitive: String
        var threshold: Int
        var k: Int
        var classes: Int
        var rows_below_threshold: Int
        var l: Int
    }
    var columns: [String]
    var dcr_synthetic_train: [Double]
    var nearest_synthetic_train: [Int]
    var second_synthetic_train: [Double]
    var dcr_synthetic_holdout: [Double]
    var dcr_train_synthetic: [Double]
    var dcr_holdout_synthetic: [Double]
    var dcr_random_train: [Double]
    var dcr_overfitting: Overfitting
    var dcr_baseline: Baseline
    var dcr_baseline_noise: Noise
    var new_row_synthesis: NewRows
    var disclosure: [Disclosure]
    var membership: Membership
    var k_anonymity: Anonymity
}

/// `synthpop.json`, written by `synthpop_disclosure.R`.
struct SynthpopExpected: Decodable {
    struct Result: Decodable {
        var target: String
        var keys: [String]
        var ident: [String: Double?]
        var attrib: [String: Double?]
        var allCAPs: [String: Double?]
    }
    var results: [Result]
}

/// The largest |a − b| over two equally long vectors (∞ when their lengths differ).
func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).map { Swift.abs($0 - $1) }.max() ?? 0
}

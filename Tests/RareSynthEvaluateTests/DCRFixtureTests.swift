import Foundation
@testable import RareSynthEvaluate
import Testing

/// DCR vectors against SDMetrics 0.32's `calculate_dcr` (bit for bit) and the nearest index and
/// second-nearest distance against an independent numpy evaluation of the same distance.
@Suite struct DCRFixtureTests {
    @Test(arguments: PrivacyCase.names)
    func syntheticToTrainingMatchesSDMetrics(_ name: String) throws {
        let c = PrivacyCase.named(name)
        let dcr = try DistanceToClosestRecord(dataset: c.synthetic, reference: c.train)
        #expect(dcr.columns == c.sdmetrics.columns)
        #expect(dcr.distances == c.sdmetrics.dcr_synthetic_train, "max |Δ| \(maxAbsDifference(dcr.distances, c.sdmetrics.dcr_synthetic_train))")
        #expect(dcr.nearestIndices == c.sdmetrics.nearest_synthetic_train)
        #expect(dcr.secondNearestDistances == c.sdmetrics.second_synthetic_train)
    }

    @Test(arguments: PrivacyCase.names)
    func otherDirectionsMatchSDMetrics(_ name: String) throws {
        let c = PrivacyCase.named(name)
        let pairs: [(dataset: [MetricColumn], reference: [MetricColumn], expected: [Double], label: String)] = [
            (c.synthetic, c.holdout, c.sdmetrics.dcr_synthetic_holdout, "synthetic→holdout"),
            (c.train, c.synthetic, c.sdmetrics.dcr_train_synthetic, "train→synthetic"),
            (c.holdout, c.synthetic, c.sdmetrics.dcr_holdout_synthetic, "holdout→synthetic"),
            (c.random, c.train, c.sdmetrics.dcr_random_train, "random→train"),
        ]
        for pair in pairs {
            let dcr = try DistanceToClosestRecord(dataset: pair.dataset, reference: pair.reference)
            #expect(dcr.distances == pair.expected, "\(name) \(pair.label): max |Δ| \(maxAbsDifference(dcr.distances, pair.expected))")
        }
    }

    @Test(arguments: PrivacyCase.names)
    func resultDoesNotDependOnThreadCount(_ name: String) throws {
        let c = PrivacyCase.named(name)
        let one = try DistanceToClosestRecord(dataset: c.train, reference: c.synthetic, threads: 1)
        let three = try DistanceToClosestRecord(dataset: c.train, reference: c.synthetic, threads: 3)
        #expect(one == three)
    }

    @Test func distanceRatioIsNearestOverSecond() throws {
        let c = PrivacyCase.named("lung-copies")
        let dcr = try DistanceToClosestRecord(dataset: c.synthetic, reference: c.train)
        let ratios = dcr.distanceRatios
        for i in ratios.indices {
            let d1 = c.sdmetrics.dcr_synthetic_train[i], d2 = c.sdmetrics.second_synthetic_train[i]
            #expect(ratios[i] == (d2 == 0 ? 1 : d1 / d2))
            #expect(ratios[i] >= 0 && ratios[i] <= 1)
        }
        // Exact copies of a training row that occurs once sit at distance 0 with a positive second.
        #expect(ratios.contains(0))
    }
}

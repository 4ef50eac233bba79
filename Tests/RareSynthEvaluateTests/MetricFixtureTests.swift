import Foundation
import Testing
@testable import RareSynthEvaluate

/// One entry of `Fixtures/metrics.json`: a metric computed by SDMetrics 0.32 on in-memory values.
struct MetricCase: Decodable {
    /// A column of numbers or labels, `null` for missing.
    enum Values: Decodable {
        case numbers([Double?])
        case labels([String?])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let numbers = try? container.decode([Double?].self) { self = .numbers(numbers) } else {
                self = .labels(try container.decode([String?].self))
            }
        }

        var numbers: [Double?] { if case .numbers(let v) = self { v } else { [] } }
        var labels: [String?] { if case .labels(let v) = self { v } else { [] } }
    }

    /// `real`/`synthetic` hold one column for single-column metrics and two for pair metrics.
    enum Sides: Decodable {
        case one(Values)
        case two([Values])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let numbers = try? container.decode([[Double?]].self) {
                self = .two(numbers.map { .numbers($0) })
            } else if let labels = try? container.decode([[String?]].self) {
                self = .two(labels.map { .labels($0) })
            } else {
                self = .one(try container.decode(Values.self))
            }
        }

        var one: Values { if case .one(let v) = self { v } else { .numbers([]) } }
        var two: [Values] { if case .two(let v) = self { v } else { [] } }
    }

    var metric: String
    var name: String
    var threshold: Double?
    var real: Sides
    var synthetic: Sides
    var score: Double?
    var real_correlation: Double?
    var synthetic_correlation: Double?
    var real_association: Double?
    var error: String?
}

@Suite("Metrics agree with SDMetrics 0.32 on in-memory values")
struct MetricFixtureTests {
    static func cases(_ metric: String) throws -> [MetricCase] {
        let url = try FixtureTables.directory("metrics.json")
        return try JSONDecoder().decode([MetricCase].self, from: Data(contentsOf: url)).filter { $0.metric == metric }
    }

    @Test func ksComplement() throws {
        let cases = try Self.cases("KSComplement")
        #expect(cases.count == 4)
        for c in cases {
            let got = KSComplement.compute(real: c.real.one.numbers, synthetic: c.synthetic.one.numbers)
            #expect(got == c.score, "\(c.name)")  // bit-identical
        }
    }

    @Test func tvComplement() throws {
        let cases = try Self.cases("TVComplement")
        #expect(cases.count == 2)
        for c in cases {
            let got = try TVComplement.compute(real: c.real.one.labels, synthetic: c.synthetic.one.labels)
            #expect(got == c.score, "\(c.name)")  // bit-identical, 1e-6 regularization included
        }
        #expect(throws: MetricError.noValues) { try TVComplement.compute(real: [nil], synthetic: ["a"]) }
    }

    @Test func correlationSimilarity() throws {
        let cases = try Self.cases("CorrelationSimilarity")
        #expect(cases.count == 5)
        for c in cases {
            let r = c.real.two.map(\.numbers), s = c.synthetic.two.map(\.numbers)
            do {
                let got = try CorrelationSimilarity.breakdown(real: (r[0], r[1]), synthetic: (s[0], s[1]),
                                                              realCorrelationThreshold: c.threshold ?? 0)
                #expect(c.error == nil, "\(c.name)")
                #expect(gap(got.score, c.score) <= 1e-12, "\(c.name)")
                #expect(gap(got.real, c.real_correlation) <= 1e-12, "\(c.name)")
                #expect(gap(got.synthetic, c.synthetic_correlation) <= 1e-12, "\(c.name)")
            } catch {
                #expect(c.error == "ConstantInputError", "\(c.name): \(error)")
            }
        }
    }

    @Test func contingencySimilarity() throws {
        let cases = try Self.cases("ContingencySimilarity")
        #expect(cases.count == 3)
        for c in cases {
            let r = c.real.two.map(\.labels), s = c.synthetic.two.map(\.labels)
            let got = try ContingencySimilarity.breakdown(
                real: (.categorical("a", r[0]), .categorical("b", r[1])),
                synthetic: (.categorical("a", s[0]), .categorical("b", s[1])),
                realAssociationThreshold: c.threshold ?? 0)
            #expect(gap(got.score, c.score) <= 1e-12, "\(c.name)")
            // SDMetrics computes Cramér's V only with a threshold; this type always does.
            if (c.threshold ?? 0) > 0 { #expect(gap(got.realAssociation, c.real_association) <= 1e-12, "\(c.name)") }
        }
    }

    /// numpy's `histogram_bin_edges` + `digitize`, values checked with numpy 2.4.6:
    /// `np.digitize([1, 2, nan, 10, 5], np.histogram_bin_edges([1, 2, 10, 5]))` is
    /// `[1, 2, 11, 11, 5]` — the maximum and a missing value share bin 11.
    @Test func equalWidthBinsMatchNumpy() throws {
        let values: [Double] = [1, 2, .nan, 10, 5]
        let edges = try #require(EqualWidthBins.edges(values))
        #expect(edges == [1, 1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1, 10])
        #expect(EqualWidthBins.codes(values) == [1, 2, 11, 11, 5])
        #expect(EqualWidthBins.edges([3, 3])?.first == 2.5)
        #expect(EqualWidthBins.edges([.nan]) == [0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5,
                                                  0.6000000000000001, 0.7000000000000001, 0.8, 0.9, 1])
        #expect(EqualWidthBins.edges([1, .infinity]) == nil)
    }
}

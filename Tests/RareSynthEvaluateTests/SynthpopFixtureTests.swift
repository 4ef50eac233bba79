import Foundation
@testable import RareSynthEvaluate
import Testing

/// repU, DiSCO and the other `disclosure()` measures against synthpop 1.9-2's own R code
/// (`Fixtures/privacy/*/synthpop.json`, written by `synthpop_disclosure.R`).
@Suite struct SynthpopFixtureTests {
    /// R sums its tables in another order; 1e−9 percentage points is far below any reported digit.
    static let tolerance = 1e-9

    @Test(arguments: PrivacyCase.names)
    func measuresMatchSynthpop(_ name: String) throws {
        let c = PrivacyCase.named(name)
        for expected in c.synthpop.results {
            let result = try SynthpopDisclosure(original: c.train, synthetic: c.synthetic, keys: expected.keys,
                                                target: expected.target)
            let pairs: [(String, Double?, Double??)] = [
                ("UiO", result.uiO, expected.ident["UiO"]), ("UiS", result.uiS, expected.ident["UiS"]),
                ("UiOiS", result.uiOiS, expected.ident["UiOiS"]), ("repU", result.repU, expected.ident["repU"]),
                ("Dorig", result.dOrig, expected.attrib["Dorig"]), ("Dsyn", result.dSyn, expected.attrib["Dsyn"]),
                ("iS", result.iS, expected.attrib["iS"]), ("DiS", result.diS, expected.attrib["DiS"]),
                ("DiSCO", result.diSCO, expected.attrib["DiSCO"]), ("DiSDiO", result.diSDiO, expected.attrib["DiSDiO"]),
                ("baseCAPd", result.baseCAPd, expected.allCAPs["baseCAPd"]), ("CAPd", result.capD, expected.allCAPs["CAPd"]),
                ("CAPs", result.capS, expected.allCAPs["CAPs"]), ("DCAP", result.dcap, expected.allCAPs["DCAP"]),
                ("TCAP", result.tcap, expected.allCAPs["TCAP"]),
            ]
            for (measure, ours, theirs) in pairs {
                let reference = try #require(theirs, "\(name) \(expected.target): synthpop has no \(measure)")
                switch (ours, reference) {
                case (nil, nil): break
                case let (a?, b?):
                    #expect(Swift.abs(a - b) <= Self.tolerance, "\(name) \(expected.target) \(measure): \(a) vs \(b)")
                default:
                    Issue.record("\(name) \(expected.target) \(measure): \(String(describing: ours)) vs \(String(describing: reference))")
                }
            }
        }
    }

    @Test func multipleRunsEveryTarget() throws {
        let c = PrivacyCase.named("lung-sdv")
        let keys = c.synthpop.results[0].keys
        let all = try SynthpopDisclosure.multiple(original: c.train, synthetic: c.synthetic, keys: keys)
        #expect(all.map(\.target) == c.synthetic.map(\.name).filter { !keys.contains($0) })
        #expect(Set(all.map(\.repU)).count == 1)
        for expected in c.synthpop.results {
            let one = try #require(all.first { $0.target == expected.target })
            #expect(Swift.abs(one.diSCO - expected.attrib["DiSCO"]!!) <= Self.tolerance)
        }
    }
}

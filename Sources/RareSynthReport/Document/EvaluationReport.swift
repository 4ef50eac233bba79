import Foundation
import RareSynthEvaluate
import RareSynthProvenance

/// One evaluation as written to `report.json` and drawn in `report.html`: the figures, the data
/// behind every chart, and the provenance of the inputs. The HTML is rendered from this value
/// alone, so every number on the page is also in the JSON.
public struct EvaluationReport: Sendable, Equatable, Codable {
    /// Names and versions the layout of this document.
    public var specification = "RareSynth evaluation report 1"
    public var provenance: Provenance?
    public var evaluation: Evaluation
    public var figures: ReportFigures

    public init(provenance: Provenance?, evaluation: Evaluation, figures: ReportFigures) {
        self.provenance = provenance
        self.evaluation = evaluation
        self.figures = figures
    }

    /// Pretty JSON with sorted keys and a final newline; a missing figure is `null` or absent,
    /// never NaN (JSON has no NaN).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        var data = try encoder.encode(self)
        data.append(0x0a)
        return data
    }
}

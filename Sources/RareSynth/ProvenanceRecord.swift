import Foundation
import RareSynthProvenance
import RareSynthSample
import RareSynthSchema
import RareSynthTable

/// Builds the provenance records the jobs write: files by SHA-256, the schema document, the
/// synthesizer with every parameter, and the privacy budget.
enum ProvenanceRecord {
    static func schemaValue(_ schema: Schema) -> JSONValue? {
        try? JSONValue(json: Data(schema.jsonText().utf8))
    }

    /// The synthesizer and all its fitting parameters (defaults included).
    static func synthesizer(_ options: FitOptions) -> Provenance.Synthesizer {
        Provenance.Synthesizer(name: "GaussianCopula", parameters: (try? JSONValue(encoding: options.copula)) ?? .null)
    }

    /// Writes `record` as `output.provenance.json`, atomically.
    static func write(_ record: Provenance, beside output: String) throws {
        try FileSystem.writeAtomically(try record.json(), to: Provenance.recordPath(for: output))
    }

    /// The record written beside `synthetic`, when there is one: an evaluation carries over the
    /// synthesizer, seed and budget of the data it scores.
    static func existing(beside synthetic: String) -> Provenance? {
        guard let data = FileManager.default.contents(atPath: Provenance.recordPath(for: synthetic)) else { return nil }
        return try? JSONDecoder().decode(Provenance.self, from: data)
    }
}

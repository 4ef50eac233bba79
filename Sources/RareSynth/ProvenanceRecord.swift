import Foundation
import RareSynthPrivacy
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
        switch options.kind {
        case .gaussianCopula:
            Provenance.Synthesizer(name: "GaussianCopula", parameters: (try? JSONValue(encoding: options.copula)) ?? .null)
        case .ctgan:
            Provenance.Synthesizer(name: "CTGAN", parameters: (try? JSONValue(encoding: options.ctgan)) ?? .null)
        case .tvae:
            Provenance.Synthesizer(name: "TVAE", parameters: (try? JSONValue(encoding: options.tvae)) ?? .null)
        case .bayesianNetwork:
            Provenance.Synthesizer(name: options.bayesianNetwork.isPrivate ? "PrivBayes" : "BayesianNetwork",
                                   parameters: (try? JSONValue(encoding: options.bayesianNetwork)) ?? .null)
        case .pateGAN:
            Provenance.Synthesizer(name: "PATE-GAN", parameters: (try? JSONValue(encoding: options.pateGAN)) ?? .null)
        }
    }

    /// The record's privacy entry: a model's differential-privacy statement (ε spent at δ, how
    /// it was accounted, every charge and what was taken as public), or the statement that
    /// there is no guarantee.
    static func privacyBudget(_ statement: PrivacyStatement?) -> Provenance.PrivacyBudget {
        guard let statement else { return .notDifferentiallyPrivate }
        return Provenance.PrivacyBudget(
            differentiallyPrivate: true, epsilon: statement.epsilon, delta: statement.budget.delta,
            accountant: statement.order.map { "Rényi DP (Mironov 2017; subsampled Gaussian: Mironov, Talwar & Zhang 2019; (ε, δ) by Balle et al. 2020), order \($0)" }
                ?? "basic composition of pure ε-DP mechanisms (smaller here than the Rényi conversion)",
            note: "budget ε = \(statement.budget.epsilon). Charges: " + statement.charges.map(\.label).joined(separator: "; ")
                + ". Taken as public: " + statement.publicFacts.joined(separator: "; ") + ".")
    }

    static func name(of model: SynthesizerModel) -> String {
        switch model {
        case .gaussianCopula: "GaussianCopula"
        case .ctgan: "CTGAN"
        case .tvae: "TVAE"
        case let .bayesianNetwork(model): model.privacy == nil ? "BayesianNetwork" : "PrivBayes"
        case .pateGAN: "PATE-GAN"
        }
    }

    /// The synthesizer family's name in records.

    /// Records of what a hand-over wrote at `path`: the file, or each file of a directory (a
    /// manifest digest past 64 files, e.g. a FHIR Bundle per patient). Files in `known` were
    /// hashed as they were written and are not read again.
    static func outputs(role: String, path: String, known: [String: (sha256: String, bytes: Int)] = [:]) throws
        -> [Provenance.FileRecord] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else {
            if let d = known[path] { return [Provenance.FileRecord(role: role, path: path, sha256: d.sha256, bytes: d.bytes)] }
            return [try Provenance.FileRecord.file(role: role, path: path)]
        }
        return try Provenance.FileRecord.directory(role: role, path: path, known: known)
    }

    /// The record of a cohort drawn from published statistics, where no person's data was read.
    static let noPersonalData = Provenance.PrivacyBudget(
        differentiallyPrivate: false,
        note: "no individual-level data was read: the patients are drawn from the cohort spec's published statistics")

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

/// The record `raresynth sample` writes beside its output: the model file (by SHA-256) stands in
/// for the data it was fitted on, whose own record is the one `synthesize`/`fit` wrote.
public enum SampleProvenance {
    public static func write(model: String, synthesizer: SynthesizerModel, real: String?, conditions: String?, output: String,
                             rows: Int, columns: Int, schema: Schema, seed: UInt64, privacy: PrivacyStatement? = nil) throws {
        var inputs = [try Provenance.FileRecord.file(role: "model", path: model)]
        if let real { inputs.append(try .file(role: "real", path: real)) }
        if let conditions { inputs.append(try .file(role: "conditions", path: conditions)) }
        let record = Provenance(
            job: "sample", inputs: inputs,
            outputs: [try .file(role: "synthetic", path: output, rows: rows, columns: columns)],
            schema: ProvenanceRecord.schemaValue(schema),
            synthesizer: Provenance.Synthesizer(name: ProvenanceRecord.name(of: synthesizer),
                                                parameters: .object(["fittedModel": .string(model)])),
            seed: seed, privacyBudget: ProvenanceRecord.privacyBudget(privacy))
        try ProvenanceRecord.write(record, beside: output)
    }
}

import Foundation
import RareSynthPrivacy
import RareSynthProvenance
import RareSynthSchema
import RareSynthTable
import RareSynthTransform

/// Everything needed to sample synthetic rows later, elsewhere, without the real data.
///
/// A JSON document (see `docs/model-file.md`): the schema, the fitted transformer, the model's
/// parameters and, for identifier and PII columns, shape profiles to regenerate them. It holds
/// no real row and no identifier or PII value. It does hold each modelled column's marginal
/// distribution (for empirical marginals, the distinct values and their cumulative shares), so it
/// deserves the care of aggregate statistics about the cohort. Keys are sorted and no time stamp
/// is written, so fitting the same data with the same options gives a byte-identical file.
public struct ModelFile: Codable, Sendable, Equatable {
    public static let formatName = "raresynth-model"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    /// The RareSynth release that wrote the file.
    public var generator: String
    /// Rows of the table the model was fitted on.
    public var trainingRows: Int
    /// All columns of the training table, in order (output follows it, minus dropped columns).
    public var columns: [String]
    public var schema: Schema
    public var transformer: TableTransformer
    public var model: SynthesizerModel
    /// How each identifier and PII column is regenerated.
    public var regeneration: [ColumnRegeneration]
    /// For a differentially private model: its guarantee (budget, every charge, ε spent).
    /// Sampling is post-processing and keeps it; nothing else in the file was read from the data.
    public var privacy: PrivacyStatement?

    public init(trainingRows: Int, columns: [String], schema: Schema, transformer: TableTransformer,
                model: SynthesizerModel, regeneration: [ColumnRegeneration]) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.generator = "RareSynth \(RareSynthVersion.string)"
        self.trainingRows = trainingRows
        self.columns = columns
        self.schema = schema
        self.transformer = transformer
        self.model = model
        self.regeneration = regeneration
    }

    /// The file's bytes: sorted keys, so identical models give identical files.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// Writes the file atomically (temporary file, then rename).
    public func save(to path: String) throws {
        let data = try encoded()
        try AtomicFile.write(to: path) { out in
            try out.write([UInt8](data))
            try out.write(UInt8(ascii: "\n"))
        }
    }

    /// Reads a model file, with a clear error for a file that is not one or is from a newer release.
    public static func load(path: String) throws -> ModelFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, "cannot read the model file")
        }
        struct Header: Decodable { var format: String?; var version: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == formatName else {
            throw DataError(file: path, "not a RareSynth model file (expected JSON with \"format\": \"\(formatName)\")")
        }
        guard let version = header.version, version <= currentVersion else {
            throw DataError(file: path, "model file version \(header.version.map(String.init) ?? "?") is newer than this RareSynth reads (\(currentVersion))")
        }
        do {
            return try JSONDecoder().decode(ModelFile.self, from: data)
        } catch {
            throw DataError(file: path, "the model file is damaged: \(error)")
        }
    }
}

/// The RareSynth release, written into model files and provenance (one source: `BuildInfo`).
public enum RareSynthVersion {
    public static let string = BuildInfo.version
}
